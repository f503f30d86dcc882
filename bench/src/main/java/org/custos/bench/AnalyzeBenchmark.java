package org.custos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.custos.cli.analyze.Analyzer;
import org.custos.cli.evaluate.AnswerKey;
import org.custos.cli.evaluate.EvaluateCommand;
import org.custos.cli.evaluate.Evaluation;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.Simulator;

/**
 * AnalyzeBenchmark is the end-to-end benchmark driver: for each seed it simulates an organization (unless the
 * directory exists), times {@code wc -l} over its files and {@code analyze} over the same files side by side, and
 * prints throughput, the ratio to {@code wc -l}, peak heap, and the detection figures against the answer key.
 *
 * <p>Run it with a 1 GiB heap so the heap target is checked too:
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -Xmx1g -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.AnalyzeBenchmark --people 1000 --days 500 --seeds 1,2,3 --runs 3 --work /tmp/custos-bench
 * </pre>
 */
public final class AnalyzeBenchmark {

    private AnalyzeBenchmark() {
    }

    /** Runs the benchmark; arguments as in the class documentation. */
    public static void main(String[] args) throws Exception {
        int people = 1000;
        int days = 500;
        long[] seeds = {1, 2, 3};
        int runs = 3;
        Path work = Path.of("/tmp/custos-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--seeds" -> seeds = Arrays.stream(args[i + 1].split(",")).mapToLong(Long::parseLong).toArray();
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        for (long seed : seeds) {
            Path dir = work.resolve("p" + people + "-d" + days + "-s" + seed);
            dir = Files.exists(dir) ? dir.toRealPath() : dir;
            if (!Files.exists(dir.resolve("answers").resolve("insiders.csv"))) {
                long t0 = System.nanoTime();
                Simulator.run(new SimulationConfig(people, days, seed, java.time.LocalDate.of(2010, 1, 4), true), dir);
                System.out.printf(Locale.ROOT, "seed %d: simulated in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
            }
            List<Double> wc = new ArrayList<>();
            List<Double> analyze = new ArrayList<>();
            Analyzer.Result last = null;
            for (int r = 0; r < runs; r++) {
                wc.add(wcSeconds(dir));
                resetPeaks();
                Analyzer.Result result = Analyzer.run(dir, null, Analyzer.Settings.defaults(), false);
                analyze.add(result.seconds());
                last = result;
            }
            long events = last.analysis().events();
            double medianAnalyze = median(analyze);
            double medianWc = median(wc);
            System.out.printf(Locale.ROOT,
                    "seed %d: %,d events, %,d bytes; analyze median %.2f s (%,.0f events/s); wc -l median %.2f s;"
                            + " ratio %.2f; peak heap %d MiB%n",
                    seed, events, bytes(dir), medianAnalyze, events / medianAnalyze, medianWc,
                    medianAnalyze / medianWc, peakHeap() >> 20);
            List<Evaluation> eval = EvaluateCommand.evaluate(last.report(),
                    AnswerKey.read(dir.resolve("answers").resolve("insiders.csv")));
            EvaluateCommand.printTable(eval);
        }
    }

    private static double wcSeconds(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wc", "-l"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("answers"))
                    .forEach(p -> command.add(p.toString()));
        }
        if (command.size() == 2) {
            throw new IOException(dir + ": no CSV files to count");
        }
        long t0 = System.nanoTime();
        Process wc = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (wc.waitFor() != 0) {
            throw new IOException("wc -l failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
