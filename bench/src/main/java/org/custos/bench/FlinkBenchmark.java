package org.custos.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Vocabulary;
import org.custos.core.detector.WorkingHours;
import org.custos.core.engine.Detection;
import org.custos.core.engine.Engine;
import org.custos.core.engine.PersonTrack;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Logon;
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
 * FlinkBenchmark measures how the Flink job scales: its throughput at parallelism 1 and 2 on one simulated
 * organization, next to the one-thread engine of {@code custos analyze} on the same input, and the job's keyed
 * state per person.
 *
 * <p>Every configuration runs in a child JVM of its own, started with this JVM's class path, which does
 * {@code --warmups} untimed jobs (default 1) and then {@code --runs} timed ones, each a whole bounded job on an
 * embedded local cluster (source, sequencer, keyed detectors, scoring, the JSON-lines sink; no checkpoints), timed
 * from submission to the end; the child reports the wall time and the CPU time of its whole process (every thread,
 * JIT and GC included) per job. On one CPU the JIT compiler is still compiling detectors during the second job; a
 * second warm-up job brings the timed jobs closer to the steady state. Two sets of children run, configurations
 * alternating within each round ({@code --rounds}):
 * <ul>
 *   <li><b>pinned</b> ("parallelism = cores"): each child is started under {@code taskset} on as many CPUs as its
 *       parallelism: the engine and parallelism 1 on CPU 0, parallelism 2 on CPUs 0 and 1;</li>
 *   <li><b>unpinned</b>: the same children free to use every core (parallelism 1 uses a second core too, for its
 *       pipelined stages and the source's file readers).</li>
 * </ul>
 * Children get the same JVM options ({@code -Xmx2g}, the collector named by {@code --gc}, G1 by default, so that a
 * one-CPU child does not fall back to the serial collector) and log warnings only ({@code flink-bench-logback.xml};
 * at Flink's default DEBUG level the logging costs more than a small job). With {@code --baseline CLASSPATH} every
 * child also runs on that class path (say, the previous build's module classes with this build's bench classes),
 * just before the same child on the current one, to compare old and new code side by side.
 *
 * <p>Reported: the median of every configuration's timed jobs, wall and CPU, events per second of wall time, and
 * the p2/p1 throughput ratio, pinned and unpinned (and current/baseline ratios). Each child also samples the CPU
 * time of each of its threads during each job from {@code /proc/self/task} (so the JVM's compiler and collector
 * threads count; Linux cuts names to 15 characters); the busiest are printed, and from them a bound that does not
 * depend on other load on the machine: a job cannot take less wall time than the CPU time of its busiest own
 * thread, nor less than its process CPU time divided by its cores. The ratio of these bounds for p1 and p2 is what
 * the job's structure allows on idle cores.
 * <pre>
 * ./mvnw -q -B -o package -pl bench -am -DskipTests
 * ./mvnw -q -B -o dependency:build-classpath -pl bench -Dmdep.outputFile=/tmp/bench.cp
 * java -Xmx2g -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$(cat /tmp/bench.cp)" \
 *     org.custos.bench.FlinkBenchmark --people 200 --days 120 --seed 1 --warmups 2 --runs 3 --rounds 1 \
 *     --work /tmp/custos-flink-bench [--modes pinned,unpinned] [--baseline OLD_CLASSPATH]
 * </pre>
 * (Check that {@code /tmp/bench.cp} names this checkout's module classes, not stale jars in {@code ~/.m2}.) With
 * {@code --runs 0} it only measures the keyed state.
 */
public final class FlinkBenchmark {

    private static final String LOGGING = "flink-bench-logback.xml";

    private static long lastSteps;

    /* The CPU seconds per thread of the last job of the last child. */
    private static String lastThreads = "";

    private FlinkBenchmark() {
    }

    /** One configuration: what a child runs, and on how many CPUs when pinned. */
    private record Config(String name, int cpus) {
    }

    private static final List<Config> CONFIGS = List.of(new Config("p1", 1), new Config("p2", 2),
            new Config("engine", 1));

    /** The timings of one configuration, on one class path, pinned or not. */
    private record Key(String code, String mode, String config) {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        int warmUps = Integer.parseInt(options.getOrDefault("--warmups", "1"));
        Path work = Path.of(options.getOrDefault("--work", "/tmp/custos-flink-bench"));
        if (options.containsKey("--child")) {
            child(options.get("--child"), Path.of(options.get("--input")), work, warmUps, runs);
            return;
        }
        int people = Integer.parseInt(options.getOrDefault("--people", "200"));
        int days = Integer.parseInt(options.getOrDefault("--days", "120"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "1"));
        List<String> modes = List.of(options.getOrDefault("--modes", "pinned,unpinned").split(","));
        String gc = options.getOrDefault("--gc", "G1");
        String baseline = options.get("--baseline");
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
        System.out.printf(Locale.ROOT, "children: -Xmx2g -XX:+Use%sGC, %d warm-up + %d timed jobs each, %d round(s); "
                + "load average at start %s%n", gc, warmUps, runs, rounds, loadAverage());
        Map<String, String> classPaths = new LinkedHashMap<>();
        if (baseline != null) {
            classPaths.put("baseline", baseline);
        }
        classPaths.put("current", System.getProperty("java.class.path"));
        Map<Key, List<double[]>> timings = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : modes) {
                for (Config config : CONFIGS) {
                    for (Map.Entry<String, String> code : classPaths.entrySet()) {
                        List<double[]> jobs = runChild(code.getValue(), mode.equals("pinned") ? config.cpus() : 0,
                                gc, config.name(), input, work, warmUps, runs);
                        timings.computeIfAbsent(new Key(code.getKey(), mode, config.name()), k -> new ArrayList<>())
                                .addAll(jobs);
                        System.out.printf(Locale.ROOT, "round %d %-8s %-8s %-6s wall %s s, cpu %s s (load %s)%n"
                                + "    busiest threads of the last job (cpu s): %s%n", round, mode, code.getKey(),
                                config.name(), list(jobs, 0), list(jobs, 1), loadAverage(),
                                busiest(lastThreads, 8));
                    }
                }
            }
        }
        System.out.println();
        for (String code : classPaths.keySet()) {
            for (String mode : modes) {
                report(timings, code, mode, events);
            }
        }
        if (baseline != null) {
            for (String mode : modes) {
                for (Config config : CONFIGS) {
                    double old = median(timings.get(new Key("baseline", mode, config.name())), 0);
                    double now = median(timings.get(new Key("current", mode, config.name())), 0);
                    System.out.printf(Locale.ROOT, "current/baseline throughput, %s %s: %.2f%n", mode,
                            config.name(), old / now);
                }
            }
        }
        stateSizes(input);
    }

    private static void report(Map<Key, List<double[]>> timings, String code, String mode, long events) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-8s medians:", code, mode));
        for (Config config : CONFIGS) {
            List<double[]> jobs = timings.get(new Key(code, mode, config.name()));
            double wall = median(jobs, 0);
            line.append(String.format(Locale.ROOT, " %s %.2f s wall (%,.0f ev/s), %.2f s cpu;", config.name(), wall,
                    events / wall, median(jobs, 1)));
        }
        double p1 = median(timings.get(new Key(code, mode, "p1")), 0);
        double p2 = median(timings.get(new Key(code, mode, "p2")), 0);
        line.append(String.format(Locale.ROOT, " p2/p1 throughput %.2f", p1 / p2));
        System.out.println(line);
        double b1 = median(timings.get(new Key(code, mode, "p1")), 2);
        double b2 = median(timings.get(new Key(code, mode, "p2")), 2);
        System.out.printf(Locale.ROOT, "%-8s %-8s CPU bound (max of busiest thread, cpu / cores; what an idle machine "
                + "would allow): p1 %.2f s, p2 %.2f s, p2/p1 %.2f%n", code, mode, b1, b2, b1 / b2);
    }

    /* Starts one child JVM, pinned to the first `cpus` CPUs (0: not pinned), and collects its timed jobs. */
    private static List<double[]> runChild(String classPath, int cpus, String gc, String config, Path input,
            Path work, int warmUps, int runs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (cpus > 0) {
            command.addAll(List.of("taskset", "-c",
                    IntStream.range(0, cpus).mapToObj(Integer::toString).collect(Collectors.joining(","))));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-XX:+Use" + gc + "GC", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dlogback.configurationFile=" + LOGGING,
                "-cp", classPath, FlinkBenchmark.class.getName(), "--child", config, "--input", input.toString(),
                "--work", work.toString(), "--warmups", Integer.toString(warmUps), "--runs",
                Integer.toString(runs)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<double[]> jobs = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("job ")) {
                    String[] parts = line.split(" ");
                    jobs.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                } else if (line.startsWith("threads ") && !jobs.isEmpty()) {
                    lastThreads = line.substring("threads ".length());
                    double[] job = jobs.get(jobs.size() - 1);
                    // the busiest thread of the job's own (the JVM's compiler and collector threads are summed
                    // by name, so they do not count as one thread)
                    double busiest = Arrays.stream(lastThreads.split(";")).filter(t -> t.contains("="))
                            .filter(t -> !t.matches("(C1|C2|GC|G1|VM)_.*"))
                            .mapToDouble(t -> Double.parseDouble(t.substring(t.indexOf('=') + 1))).max().orElse(0);
                    // the least wall time this job could take on `cores` idle cores: its busiest thread, or its
                    // CPU time spread evenly
                    int cores = cpus > 0 ? cpus : Runtime.getRuntime().availableProcessors();
                    jobs.set(jobs.size() - 1, new double[] {job[0], job[1], Math.max(busiest, job[1] / cores)});
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || jobs.size() != runs) {
            throw new IllegalStateException("child " + config + " exited with " + exit + " after " + jobs.size()
                    + " of " + runs + " jobs: " + String.join(" ", command));
        }
        return jobs;
    }

    /*
     * A child: one warm-up job, then `runs` timed ones, each printed as "job WALL_SECONDS CPU_SECONDS", followed by
     * "threads NAME=CPU_SECONDS;..." for the threads that ran during the job, busiest first.
     */
    private static void child(String config, Path input, Path work, int warmUps, int runs) throws Exception {
        Run job = switch (config) {
            case "engine" -> () -> engineEvents(input);
            case "p1" -> () -> runJob(input, work, 1);
            case "p2" -> () -> runJob(input, work, 2);
            default -> throw new IllegalArgumentException("--child: unknown configuration " + config);
        };
        for (int w = 0; w < warmUps; w++) {
            job.run();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            ThreadCpu threads = new ThreadCpu();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            job.run();
            double wall = (System.nanoTime() - start) / 1e9;
            double processCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "job %.3f %.3f%n", wall, processCpu);
            System.out.println("threads " + threads.stop());
            System.out.flush();
        }
    }

    /*
     * ThreadCpu samples the CPU time of every thread of this process every 20 ms while a job runs (the job's
     * threads end with it), from /proc/self/task, so that the JVM's own threads (JIT compilers, garbage collector)
     * count too, and sums it by thread name; a thread's last 20 ms may be missed. Resolution: one clock tick.
     */
    private static final class ThreadCpu {
        private static final Path TASKS = Path.of("/proc/self/task");
        private static final double TICK = 0.01;
        private final Map<String, long[]> seen = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        ThreadCpu() {
            sample(true);
            sampler = new Thread(() -> {
                while (running) {
                    sample(false);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-thread-cpu");
            sampler.setDaemon(true);
            sampler.start();
        }

        private synchronized void sample(boolean baseline) {
            if (!Files.isDirectory(TASKS)) {
                return;
            }
            try (Stream<Path> tasks = Files.list(TASKS)) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    // a thread id can be reused once its thread ends: the start time tells them apart
                    String tid = task.getFileName() + "@" + fields[19];
                    long[] t = seen.computeIfAbsent(tid, k -> new long[] {baseline ? ticks : 0, 0});
                    t[1] = ticks;
                    names.put(tid, stat.substring(open + 1, close));
                }
            } catch (IOException e) {
                // no per-thread figures on this system
            }
        }

        synchronized String stop() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            sample(false);
            Map<String, Long> byName = new HashMap<>();
            seen.forEach((tid, t) -> {
                String name = names.getOrDefault(tid, "?").replaceAll("#\\d+$", "").replaceAll("[ =;]", "_");
                if (!name.startsWith("bench-thread") && t[1] > t[0]) {
                    byName.merge(name, t[1] - t[0], Long::sum);
                }
            });
            return byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() >= 2)
                    .map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue() * TICK))
                    .collect(Collectors.joining(";"));
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static String list(List<double[]> jobs, int column) {
        return jobs.stream().map(j -> String.format(Locale.ROOT, "%.2f", j[column]))
                .collect(Collectors.joining(" "));
    }

    private static String busiest(String threads, int n) {
        return Arrays.stream(threads.split(";")).limit(n).collect(Collectors.joining(" "));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<double[]> jobs, int column) {
        double[] sorted = jobs.stream().mapToDouble(j -> j[column]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
