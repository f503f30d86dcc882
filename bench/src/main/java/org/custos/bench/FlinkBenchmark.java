package org.custos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Vocabulary;
import org.custos.core.detector.WorkingHours;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.engine.Detection;
import org.custos.core.engine.Engine;
import org.custos.core.engine.PersonTrack;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Logon;
import org.custos.core.alert.AlertBudget;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.flink.CustosJob;
import org.custos.flink.JobSettings;
import org.custos.flink.JsonLinesSink;
import org.custos.flink.KeyedStateSize;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.Simulator;

/**
 * FlinkBenchmark measures the Flink job's throughput at parallelism 1 and 2 side by side on one simulated
 * organization (runs alternate, the median of each is reported with their ratio), the one-thread engine of
 * {@code custos analyze} on the same input for reference, and the job's keyed state per person.
 *
 * <p>Each run is a whole bounded job on an embedded local cluster (source, sequencer, keyed detectors, scoring, the
 * JSON-lines sink; no checkpoints), timed from submission to the end. Throughput is events per second of wall time.
 * <pre>
 * ./mvnw -q -B -o package -pl bench -am -DskipTests
 * ./mvnw -q -B -o dependency:build-classpath -pl bench -Dmdep.outputFile=/tmp/bench.cp
 * java -Xmx2g --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
 *     -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$(cat /tmp/bench.cp)" \
 *     org.custos.bench.FlinkBenchmark --people 200 --days 120 --seed 1 --runs 3 --work /tmp/custos-flink-bench
 * </pre>
 * With {@code --runs 0} it only measures the keyed state.
 */
public final class FlinkBenchmark {

    private static long lastSteps;

    private FlinkBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int people = Integer.parseInt(options.getOrDefault("--people", "200"));
        int days = Integer.parseInt(options.getOrDefault("--days", "120"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        Path work = Path.of(options.getOrDefault("--work", "/tmp/custos-flink-bench"));
        Path input = work.resolve("p" + people + "-d" + days + "-s" + seed);
        if (!Files.isDirectory(input)) {
            Simulator.run(new SimulationConfig(people, days, seed, java.time.LocalDate.of(2010, 1, 4), true), input);
        }

        long events = engineEvents(input);
        System.out.printf(Locale.ROOT, "input %s: %,d events; %,d scoring steps (people + signals + person-days), "
                + "%.0f events per step%n", input, events, lastSteps, (double) events / lastSteps);
        if (runs == 0) {
            stateSizes(input);
            return;
        }
        List<Double> engine = new ArrayList<>();
        List<Double> p1 = new ArrayList<>();
        List<Double> p2 = new ArrayList<>();
        runJob(input, work, 1);
        for (int r = 0; r < runs; r++) {
            engine.add(time(() -> engineEvents(input)));
            p1.add(time(() -> runJob(input, work, 1)));
            p2.add(time(() -> runJob(input, work, 2)));
            System.out.printf(Locale.ROOT, "run %d: engine %.2f s, flink p1 %.2f s, p2 %.2f s%n", r + 1,
                    engine.get(r), p1.get(r), p2.get(r));
        }
        double e = median(engine);
        double t1 = median(p1);
        double t2 = median(p2);
        System.out.printf(Locale.ROOT, "median of %d: engine %.2f s (%,.0f events/s); flink p1 %.2f s (%,.0f events/s); "
                + "p2 %.2f s (%,.0f events/s); p2/p1 throughput %.2f%n", runs, e, events / e, t1, events / t1, t2,
                events / t2, t1 / t2);
        stateSizes(input);
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double time(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void runJob(Path input, Path work, int parallelism) throws Exception {
        Path out = work.resolve("out-p" + parallelism);
        deleteTree(out);
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        CustosJob.define(env, new CustosJob.Directory(input, null), JobSettings.defaults(input),
                new JsonLinesSink(out));
        env.execute("custos-bench-p" + parallelism);
    }

    private static long engineEvents(Path input) throws IOException {
        JobSettings settings = JobSettings.defaults(input);
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            OrgContext org = new OrgContext(dir.organization(), WorkingHours.standard(), Vocabulary.defaults(),
                    dir.decoyFiles(), settings.warmUpDays());
            Engine engine = new Engine(DetectorRegistry.builtIn(), org, new RiskModel(RiskParameters.defaults()),
                    AlertBudget.defaults());
            java.util.Set<String> personDays = new java.util.HashSet<>();
            dir.forEachEvent(event -> {
                engine.accept(event);
                personDays.add(event.user() + "/" + event.time().getEpochSecond() / 86_400);
            });
            org.custos.core.engine.Analysis analysis = engine.finish();
            lastSteps = analysis.people().size() + analysis.signals() + personDays.size();
            return analysis.events();
        }
    }

    /* The keyed state of every person after the whole input, as the job stores it. */
    private static void stateSizes(Path input) throws IOException {
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            OrgContext org = new OrgContext(dir.organization(), WorkingHours.standard(), Vocabulary.defaults(),
                    dir.decoyFiles(), 20);
            Detection detection = new Detection(DetectorRegistry.builtIn(), org);
            Map<String, PersonTrack> tracks = new HashMap<>();
            Detection.Steps ignore = new Detection.Steps() {
                @Override
                public void dayStarted(String user, long day) {
                }

                @Override
                public void signal(String user, org.custos.core.detector.Signal signal) {
                }
            };
            dir.forEachEvent(event -> {
                PersonTrack t = tracks.computeIfAbsent(event.user(), u -> detection.newTrack(event));
                detection.step(t, event, ignore);
                if (event instanceof Logon logon && logon.action() == Logon.Action.LOGON) {
                    org.hosts().observeLogon(logon.host(), logon.user());
                } else if (event instanceof CustodyMove move) {
                    org.custody().apply(move);
                }
            });
            long[] sizes = tracks.values().stream().mapToLong(KeyedStateSize::bytes).sorted().toArray();
            double mean = Arrays.stream(sizes).average().orElse(0);
            System.out.printf(Locale.ROOT, "keyed state per person (%d people): mean %.0f bytes, median %d, p99 %d, "
                    + "max %d%n", sizes.length, mean, sizes[sizes.length / 2], sizes[(int) (sizes.length * 0.99)],
                    sizes[sizes.length - 1]);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
