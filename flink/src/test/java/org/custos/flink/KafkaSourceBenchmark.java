package org.custos.flink;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.Simulator;

/**
 * KafkaSourceBenchmark measures the Flink job's throughput reading a two-partition Kafka topic (keyed by person, one
 * JSON message per event of a simulated organization) at parallelism 1 and 2, side by side: runs alternate, and the
 * median wall time and process CPU time of each are reported with the throughput ratio, and, for reference, those of
 * the same job reading the organization's directory at parallelism 1. The broker is a real Kafka 4.2 KRaft node in
 * the same JVM (the tests' {@code KafkaBroker}), so the CPU time of the Kafka runs includes the broker's.
 *
 * <p>Each run is a whole bounded job on an embedded local cluster (Kafka source, event-time merge, sequencer, keyed
 * detectors, scoring, the JSON-lines sink; no checkpoints), with a fresh consumer group, timed from submission to
 * the end. Throughput is events per second of wall time.
 * <p>It lives with the flink module's tests, not in {@code bench}, because it needs their broker; it is a main
 * class, not a test, and no build runs it:
 * <pre>
 * ./mvnw -q -B -o test-compile dependency:build-classpath -pl flink -am -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/kafka-bench.cp
 * java -Xmx2g --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
 *     -cp "flink/target/test-classes:flink/target/classes:$(cat /tmp/kafka-bench.cp)" \
 *     org.custos.flink.KafkaSourceBenchmark --people 100 --days 60 --seed 1 --runs 3 --work /tmp/custos-kafka-bench
 * </pre>
 */
public final class KafkaSourceBenchmark {

    private KafkaSourceBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int people = Integer.parseInt(options.getOrDefault("--people", "100"));
        int days = Integer.parseInt(options.getOrDefault("--days", "60"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        Path work = Path.of(options.getOrDefault("--work", "/tmp/custos-kafka-bench"));
        Path input = work.resolve("p" + people + "-d" + days + "-s" + seed);
        if (!Files.isDirectory(input)) {
            Simulator.run(new SimulationConfig(people, days, seed, java.time.LocalDate.of(2010, 1, 4), true), input);
        }
        try (KafkaBroker broker = KafkaBroker.start()) {
            List<KafkaBroker.Message> messages = new ArrayList<>();
            try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
                dir.forEachEvent(e -> messages.add(new KafkaBroker.Message(null,
                        e.user().getBytes(StandardCharsets.UTF_8), EventJson.write(e).getBytes(StandardCharsets.UTF_8))));
            }
            long events = messages.size();
            broker.createTopic("custos-events", 2);
            broker.produce("custos-events", messages);
            messages.clear();
            System.out.printf(Locale.ROOT, "input %s: %,d events in a 2-partition topic %s%n", input, events,
                    broker.endOffsets("custos-events", 2));

            runJob(broker, input, work, 1, "warm-up");
            List<double[]> p1 = new ArrayList<>();
            List<double[]> p2 = new ArrayList<>();
            List<double[]> files = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                files.add(timed(() -> runDirectoryJob(input, work)));
                p1.add(timed(() -> runJob(broker, input, work, 1, "p1-" + System.nanoTime())));
                p2.add(timed(() -> runJob(broker, input, work, 2, "p2-" + System.nanoTime())));
                System.out.printf(Locale.ROOT, "run %d: directory p1 %.2f s wall, %.2f s cpu; kafka p1 %.2f s wall, "
                        + "%.2f s cpu; kafka p2 %.2f s wall, %.2f s cpu%n", r + 1, files.get(r)[0], files.get(r)[1],
                        p1.get(r)[0], p1.get(r)[1], p2.get(r)[0], p2.get(r)[1]);
            }
            double w1 = median(p1, 0);
            double w2 = median(p2, 0);
            double wf = median(files, 0);
            System.out.printf(Locale.ROOT, "median of %d: directory p1 %.2f s wall (%,.0f events/s), %.2f s cpu; "
                    + "kafka p1 %.2f s wall (%,.0f events/s), %.2f s cpu; kafka p2 %.2f s wall (%,.0f events/s), "
                    + "%.2f s cpu; kafka p2/p1 throughput %.2f; kafka p1/directory p1 %.2f%n", runs, wf, events / wf,
                    median(files, 1), w1, events / w1, median(p1, 1), w2, events / w2, median(p2, 1), w1 / w2,
                    wf / w1);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double[] timed(Run run) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        run.run();
        return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    private static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void runJob(KafkaBroker broker, Path input, Path work, int parallelism, String group)
            throws Exception {
        Path out = work.resolve("out-p" + parallelism);
        deleteTree(out);
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        CustosJob.define(env, new CustosJob.Kafka(broker.bootstrap(), "custos-events", group, true,
                work.resolve("dead-letters.csv")), JobSettings.defaults(input), new JsonLinesSink(out));
        env.execute("custos-kafka-bench-p" + parallelism);
    }

    private static void runDirectoryJob(Path input, Path work) throws Exception {
        Path out = work.resolve("out-directory");
        deleteTree(out);
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        CustosJob.define(env, new CustosJob.Directory(input, null), JobSettings.defaults(input),
                new JsonLinesSink(out));
        env.execute("custos-kafka-bench-directory");
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
