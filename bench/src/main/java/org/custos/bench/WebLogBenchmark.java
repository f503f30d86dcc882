package org.custos.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.custos.cli.harvest.HarvestEvaluation;
import org.custos.core.harvest.HarvestAnalysis;
import org.custos.core.harvest.HarvestParameters;
import org.custos.core.harvest.HarvestReport;
import org.custos.core.harvest.Harvester;
import org.custos.ingest.DeadLetters;
import org.custos.ingest.weblog.AccessLogReader;
import org.custos.simulator.weblog.WebLogConfig;
import org.custos.simulator.weblog.WebLogSimulator;
import org.custos.simulator.weblog.WebLogSummary;

/**
 * WebLogBenchmark measures the pretender path on one core: for each seed it simulates a public-site access log
 * (unless present), then times, side by side and alternating, parsing alone and parsing with harvest detection,
 * and prints lines per second (median of the runs; wall clock, and per CPU-second of the reading thread, which a
 * shared, loaded machine disturbs less) and the detection figures against the answer key.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -Xmx3g -XX:ActiveProcessorCount=1 -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.WebLogBenchmark --visitors 100000 --seeds 1,2 --runs 3 --work /tmp/custos-weblog
 * </pre>
 */
public final class WebLogBenchmark {

    private WebLogBenchmark() {
    }

    /** Runs the benchmark; arguments as in the class documentation. */
    public static void main(String[] args) throws Exception {
        int visitors = 100_000;
        int runs = 3;
        List<Long> seeds = List.of(1L);
        Path work = Path.of("/tmp/custos-weblog");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--visitors" -> visitors = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--seeds" -> seeds = java.util.Arrays.stream(args[i + 1].split(",")).map(Long::parseLong).toList();
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (long seed : seeds) {
            Path dir = work.resolve("v" + visitors + "-s" + seed);
            Path log = dir.resolve("weblogs/access.log");
            if (!Files.exists(log)) {
                long t0 = System.nanoTime();
                WebLogSummary s = WebLogSimulator.run(WebLogConfig.of(visitors, seed), dir);
                System.out.printf(Locale.ROOT, "seed %d: simulated %,d lines in %.1f s%n", seed, s.lines(),
                        (System.nanoTime() - t0) / 1e9);
            }
            long bytes = Files.size(log);
            List<Double> parse = new ArrayList<>();
            List<Double> detect = new ArrayList<>();
            List<Double> parseCpu = new ArrayList<>();
            List<Double> detectCpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long lines = 0;
            HarvestReport report = null;
            for (int r = 0; r < runs + 1; r++) {
                long[] count = {0};
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                AccessLogReader.Stats stats = AccessLogReader.read(log, "access.log", DeadLetters.discard(),
                        (sec, c, u, m, g, st, b, ref) -> count[0] += st);
                double parseSeconds = (System.nanoTime() - t0) / 1e9;
                double parseCpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                lines = stats.lines();
                HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                AccessLogReader.read(log, "access.log", DeadLetters.discard(),
                        (sec, c, u, m, g, st, b, ref) -> analysis.accept(sec, c, u, g, st, b));
                report = analysis.finish();
                double detectSeconds = (System.nanoTime() - t1) / 1e9;
                double detectCpuSeconds = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
                if (r > 0) {
                    parse.add(parseSeconds);
                    detect.add(detectSeconds);
                    parseCpu.add(parseCpuSeconds);
                    detectCpu.add(detectCpuSeconds);
                }
            }
            double mp = median(parse);
            double md = median(detect);
            System.out.printf(Locale.ROOT, "seed %d: %,d lines, %.0f MB; parse only %,.0f lines/s (%.2f s); parse + "
                            + "harvest detection %,.0f lines/s (%.2f s); medians of %d runs after one warm-up%n",
                    seed, lines, bytes / 1e6, lines / mp, mp, lines / md, md, runs);
            System.out.printf(Locale.ROOT, "seed %d: per CPU-second of the reading thread: parse only %,.0f lines/s, "
                    + "parse + harvest detection %,.0f lines/s%n", seed, lines / median(parseCpu),
                    lines / median(detectCpu));
            HarvestEvaluation e = HarvestEvaluation.of(report, dir.resolve("answers/harvesters.csv"), visitors);
            System.out.printf(Locale.ROOT, "seed %d: fast found %d/%d, slow found %d/%d, false harvesters %d "
                            + "(%.2f per 100,000 visitors; %d binge readers, %d crawlers), crawlers listed apart %d%n",
                    seed, e.fastFound(), e.fast(), e.slowFound(), e.slow(), e.falseHarvesters(), e.falsePer100k(),
                    e.bingersReported(), e.crawlersReportedAsHarvesters(), report.crawlers().size());
            for (Harvester h : report.harvesters()) {
                System.out.printf(Locale.ROOT, "  %s %-28.28s docs %4d pages %4d peak/min %3d %s%n", h.client(),
                        h.userAgent(), h.documents().size(), h.pages(), h.peakPerMinute(), h.reasons());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
