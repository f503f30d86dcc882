package org.custos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.SignedTreeHead;
import org.custos.store.audit.Verification;

/**
 * AuditBenchmark measures the audit log: durable appends per second (one writer flushing every N entries, and many
 * threads each acknowledging every entry through group commit), the time to verify a log of a million entries,
 * the time to open it, and the time to make and check one inclusion proof.
 *
 * <p>Entries look like real views (actor, role, action, pseudonym, two object ids, an address, one detail; about
 * 330 bytes a line). "Durable" means {@code flush()} returned: the file was forced to disk.
 * <pre>
 * ./mvnw -q -o -pl bench -am package -DskipTests
 * java -Xmx1g -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.AuditBenchmark --entries 1000000 --runs 3 --work /tmp/custos-audit-bench --part log
 * </pre>
 * {@code --part append} measures appends only, {@code --part log} the million-entry log only (each part runs in
 * under three minutes on the shared machine), {@code all} (the default) both. {@code --keep true} keeps the work
 * directory, and a later run with {@code --keep true} reuses the million-entry log instead of building it again
 * (to profile verification alone: {@code java -XX:StartFlightRecording=filename=/tmp/verify.jfr -cp ...
 * org.custos.cli.Main audit verify --data /tmp/custos-audit-bench/big-1000000}).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    /** Runs the measurements; {@code --entries N --runs R --work DIR [--part append|log|all]}. */
    public static void main(String[] args) throws Exception {
        long entries = 1_000_000;
        int runs = 3;
        String part = "all";
        boolean keep = false;
        Path work = Path.of("/tmp/custos-audit-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> entries = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--part" -> part = args[i + 1];
                case "--keep" -> keep = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!keep) {
            delete(work);
        }
        Files.createDirectories(work);

        if (!part.equals("log")) {
            appends(work, runs);
        }
        if (!part.equals("append")) {
            bigLog(work, entries, runs);
        }
        if (!keep) {
            delete(work);
        }
    }

    private static void appends(Path work, int runs) throws Exception {
        for (int batch : new int[] {1, 10, 100, 1000}) {
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                Path dir = work.resolve("batch-" + batch + "-" + r);
                int n = batch == 1 ? 1_000 : batch == 10 ? 10_000 : batch == 100 ? 50_000 : 100_000;
                rates.add(appendRate(dir, n, batch));
                delete(dir);
            }
            System.out.printf(Locale.ROOT, "append, one writer, flush every %4d: median %,.0f entries/s %s%n", batch,
                    median(rates), rates(rates));
        }
        for (int threads : new int[] {4, 16, 64}) {
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                Path dir = work.resolve("threads-" + threads + "-" + r);
                rates.add(groupCommitRate(dir, threads, 8_000 / threads));
                delete(dir);
            }
            System.out.printf(Locale.ROOT, "append, %2d threads, flush after each entry (group commit): median %,.0f "
                    + "entries/s %s%n", threads, median(rates), rates(rates));
        }
    }

    private static void bigLog(Path work, long entries, int runs) throws Exception {
        Path big = work.resolve("big-" + entries);
        long start = System.nanoTime();
        if (Files.isRegularFile(AuditLog.folder(big).resolve("entries.log"))) {
            System.out.printf(Locale.ROOT, "reusing the log of %,d entries kept in %s%n", entries, big);
        } else {
            appendRate(big, entries, 1000);
            double build = (System.nanoTime() - start) / 1e9;
            long bytes = Files.size(AuditLog.folder(big).resolve("entries.log"));
            System.out.printf(Locale.ROOT, "built a log of %,d entries (%,d bytes) in %.1f s%n", entries, bytes,
                    build);
        }

        List<Double> cliTimes = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            start = System.nanoTime();
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "org.custos.cli.Main", "audit", "verify", "--data",
                    big.toString()).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes()).strip();
            if (cli.waitFor() != 0) {
                throw new IllegalStateException("custos audit verify failed: " + out);
            }
            cliTimes.add((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "custos audit verify (a new JVM) on %,d entries: median %.2f s %s%n", entries,
                median(cliTimes), seconds(cliTimes));

        List<Double> verifyTimes = new ArrayList<>();
        List<Double> verifyCpu = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean cpu =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            long cpuStart = cpu.getProcessCpuTime();
            start = System.nanoTime();
            Verification v = AuditLog.verify(big, Map.of(), null);
            verifyTimes.add((System.nanoTime() - start) / 1e9);
            verifyCpu.add((cpu.getProcessCpuTime() - cpuStart) / 1e9);
            if (!v.ok()) {
                throw new IllegalStateException(v.summary());
            }
        }
        System.out.printf(Locale.ROOT, "verify %,d entries in-process: median %.2f s wall %s, %.2f s CPU (all "
                + "threads) %s (load average %.1f)%n", entries, median(verifyTimes), seconds(verifyTimes),
                median(verifyCpu), seconds(verifyCpu),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        List<Double> openTimes = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            start = System.nanoTime();
            try (AuditLog log = AuditLog.open(big, Clock.systemUTC())) {
                openTimes.add((System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "open %,d entries: median %.2f s %s%n", entries, median(openTimes),
                seconds(openTimes));

        try (AuditLog log = AuditLog.open(big, Clock.systemUTC())) {
            SignedTreeHead head = log.signedTreeHead();
            Random random = new Random(1);
            for (int i = 0; i < 20_000; i++) {
                log.inclusionProof(random.nextLong(head.size()), head.size());
            }
            int samples = 10_000;
            double[] make = new double[samples];
            double[] check = new double[samples];
            for (int i = 0; i < samples; i++) {
                long index = random.nextLong(head.size());
                long t0 = System.nanoTime();
                AuditLog.InclusionProof proof = log.inclusionProof(index, head.size());
                long t1 = System.nanoTime();
                boolean valid = proof.verify(head.root()).valid();
                long t2 = System.nanoTime();
                if (!valid) {
                    throw new IllegalStateException("proof of entry " + index + " does not verify");
                }
                make[i] = (t1 - t0) / 1e3;
                check[i] = (t2 - t1) / 1e3;
            }
            Arrays.sort(make);
            Arrays.sort(check);
            System.out.printf(Locale.ROOT, "inclusion proof in a tree of %,d: make median %.1f µs, p99 %.1f µs; "
                    + "check median %.1f µs, p99 %.1f µs%n", head.size(), make[samples / 2],
                    make[samples * 99 / 100], check[samples / 2], check[samples * 99 / 100]);
        }
    }

    static AuditEntry entry(long i) {
        return new AuditEntry("investigator" + (i % 40), "investigator", i % 7 == 0 ? "case.update" : "person.view",
                "P-7K3FM-" + String.format(Locale.ROOT, "%05d", i % 100_000), List.of("case-" + (i % 5000),
                        "alert-" + i), "10.20." + (i % 256) + "." + (i * 7 % 256),
                Map.of("reason", "review of the weekly alert list"));
    }

    static double appendRate(Path dir, long n, int batch) throws IOException {
        try (AuditLog log = AuditLog.open(dir, Clock.systemUTC())) {
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) {
                log.append(entry(i));
                if ((i + 1) % batch == 0) {
                    log.flush();
                }
            }
            log.flush();
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double groupCommitRate(Path dir, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (AuditLog log = AuditLog.open(dir, Clock.systemUTC())) {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long index = log.append(entry((long) thread * perThread + i));
                        if (log.flush() <= index) {
                            throw new IllegalStateException("entry " + index + " acknowledged before it was durable");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (double) threads * perThread / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String rates(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList().toString();
    }

    static void delete(Path dir) throws IOException {
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
