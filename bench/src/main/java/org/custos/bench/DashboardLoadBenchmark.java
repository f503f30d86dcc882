package org.custos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.custos.core.alert.Alert;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;
import org.custos.core.risk.Contribution;
import org.custos.server.DashboardServer;
import org.custos.server.security.Passwords;
import org.custos.store.Batch;
import org.custos.store.DailyScore;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.privacy.Pseudonyms;

/**
 * DashboardLoadBenchmark is the bounded load test of the dashboard and the API on loopback: it fills a data
 * directory with N people × D days (events, daily scores, alerts) once, starts the server in this process, then
 * (1) runs U concurrent signed-in users over every page and API call for a fixed number of seconds and reports
 * each route's count and latency percentiles, and (2) posts a fixed number of events to the ingestion endpoint
 * from C clients and reports events per second, request latency, 429 answers and heap.
 *
 * <pre>
 * ./mvnw -q -B -o clean package -pl bench -am -DskipTests
 * java -Xmx2g -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.DashboardLoadBenchmark --data /tmp/custos-load --people 1000 --days 500 \
 *     --users 20 --seconds 30 --ingest 500000 --clients 4 [--case-reports 20]
 * </pre>
 * ({@code clean}: re-shading {@code cli/target/custos.jar} over an older one keeps the older classes.) The data
 * directory is filled only when it holds no store yet, so later runs measure the same data.
 * {@code --ingest 0} skips the ingestion phase (the pages alone, and the stored data stays the same from run to run);
 * {@code --case-reports N} then opens a case and fetches its report N times as HTML, PDF and JSON (after three
 * uncounted fetches of each, the first one's time printed). {@code --warmup S} (default 10) first runs the same page
 * load for S seconds and prints it apart, so the measured table is of a server whose code is compiled and whose
 * caches are filled, as a running dashboard's are; the warm-up table shows the cold start.
 *
 * <p>Old and new server code side by side: the driver only needs the server's public API, so the same driver jar
 * runs against an older {@code custos.jar} (build both, copy them aside, and alternate the runs):
 * <pre>
 * java -Xmx2g -cp "NEW/custos-bench-0.1.0-SNAPSHOT.jar:OLD/custos.jar" org.custos.bench.DashboardLoadBenchmark \
 *     --data /tmp/custos-load --users 20 --seconds 20 --ingest 0
 * </pre>
 */
public final class DashboardLoadBenchmark {

    private DashboardLoadBenchmark() {
    }

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    /** Runs the benchmark; arguments as in the class documentation. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path data = Path.of(a.getOrDefault("data", "/tmp/custos-load"));
        int people = Integer.parseInt(a.getOrDefault("people", "1000"));
        int days = Integer.parseInt(a.getOrDefault("days", "500"));
        int perDay = Integer.parseInt(a.getOrDefault("events-per-day", "4"));
        int users = Integer.parseInt(a.getOrDefault("users", "20"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int ingestEvents = Integer.parseInt(a.getOrDefault("ingest", "500000"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "4"));
        int perRequest = Integer.parseInt(a.getOrDefault("per-request", "1000"));
        int caseReports = Integer.parseInt(a.getOrDefault("case-reports", "0"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));

        boolean fresh = !Files.exists(data.resolve("custos.duckdb"));
        Store store = Stores.embedded(data);
        if (fresh) {
            long t0 = System.nanoTime();
            fill(store, people, days, perDay);
            System.out.printf(Locale.ROOT, "filled %s: %d people x %d days, %,d events in %.1f s%n", data, people,
                    days, store.eventCount(), (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf(Locale.ROOT, "reusing %s: %,d events stored%n", data, store.eventCount());
        }
        String password = "load-benchmark-password";
        for (Role r : List.of(Role.ANALYST, Role.ADMIN)) {
            String name = "load-" + r.id();
            if (store.account(name).isEmpty()) {
                store.createAccount(name, r, Passwords.hash(password), Instant.now());
            }
        }
        AuditLog audit = AuditLog.open(data, Clock.systemUTC());
        DashboardServer server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0, data,
                Clock.systemUTC(), 1 << 20, 50L << 20, 16L << 20, 200_000), store, audit, Pseudonyms.open(data));
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newBuilder().build();
        try {
            Session analyst = signIn(http, base, "load-analyst", password);
            Session admin = signIn(http, base, "load-admin", password);
            String board = get(http, base + "/api/board?limit=100", analyst).body();
            List<String> top = new ArrayList<>();
            for (String part : board.split("\"person\":\"")) {
                if (part.startsWith("P-")) {
                    top.add(part.substring(0, part.indexOf('"')));
                }
            }
            String alerts = get(http, base + "/api/alerts?limit=200", analyst).body();
            List<String> alertIds = new ArrayList<>();
            for (String part : alerts.split("\\{\"id\":\"")) {
                if (part.startsWith("P-")) {
                    alertIds.add(part.substring(0, part.indexOf('"')));
                }
            }
            System.out.printf(Locale.ROOT, "server on %s; %d people on the board sample, %d alerts%n", base,
                    top.size(), alertIds.size());
            if (warmup > 0) {
                System.out.printf(Locale.ROOT, "%nwarm-up (the same load; compiles the server's code and fills its "
                        + "caches; not counted below):");
                pages(http, base, analyst, top, alertIds, users, warmup);
                System.out.printf(Locale.ROOT, "%nmeasured:");
            }
            pages(http, base, analyst, top, alertIds, users, seconds);
            if (caseReports > 0) {
                caseReports(http, base, analyst, alertIds, caseReports);
            }
            if (ingestEvents > 0) {
                ingest(http, base, admin, ingestEvents, clients, perRequest, people);
            }
        } finally {
            server.close();
            audit.close();
            store.close();
        }
    }

    private record Session(String cookie, String csrf) {
    }

    private static Session signIn(HttpClient http, String base, String name, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + r.body());
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String csrf = r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return new Session(cookie.substring(0, cookie.indexOf(';')), csrf);
    }

    private static HttpResponse<String> get(HttpClient http, String url, Session s) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", s.cookie()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pages(HttpClient http, String base, Session s, List<String> top, List<String> alertIds,
                              int users, int seconds) throws Exception {
        List<String> routes = List.of("GET /board", "GET /api/board", "GET /people/{p}", "GET /api/people/{p}",
                "GET /alerts", "GET /api/alerts", "POST /api/alerts/{id}/review", "GET /cases", "GET /api/cases",
                "GET /custody", "GET /api/custody", "GET /material", "GET /openapi.json");
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        routes.forEach(r -> latencies.put(r, new CopyOnWriteArrayList<>()));
        AtomicLong errors = new AtomicLong();
        long cpu0 = processCpuNanos();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peakHeap = {0};
        for (int u = 0; u < users; u++) {
            int seed = u;
            Thread t = new Thread(() -> {
                Random random = new Random(seed);
                int i = seed;
                while (System.nanoTime() < end) {
                    String route = routes.get(i++ % routes.size());
                    String p = top.get(random.nextInt(top.size()));
                    String url = base + route.substring(route.indexOf(' ') + 1).replace("{p}", p);
                    HttpRequest.Builder b;
                    if (route.startsWith("POST")) {
                        String id = alertIds.isEmpty() ? "none@1" : alertIds.get(random.nextInt(alertIds.size()));
                        b = HttpRequest.newBuilder(URI.create(url.replace("{id}", id)))
                                .header("Content-Type", "application/json").header("X-CSRF-Token", s.csrf())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"acknowledged\"}"));
                    } else {
                        b = HttpRequest.newBuilder(URI.create(url)).GET();
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(b.header("Cookie", s.cookie()).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        } else {
                            latencies.get(route).add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        while (System.nanoTime() < end) {
            peakHeap[0] = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(200);
        }
        for (Thread t : threads) {
            t.join();
        }
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long total = 0;
        long[] all = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n%d users for %d s on loopback: %,d requests, %.0f requests/s, %d errors, "
                        + "peak heap %d MiB; process CPU %.1f s (%.2f ms per request, server and clients)%n", users,
                seconds, all.length, all.length / (double) seconds, errors.get(), peakHeap[0] >> 20, cpu,
                all.length == 0 ? 0 : cpu * 1000 / all.length);
        System.out.printf(Locale.ROOT, "%-32s %8s %9s %9s %9s%n", "route", "count", "p50 ms", "p99 ms", "max ms");
        for (String route : routes) {
            long[] l = latencies.get(route).stream().mapToLong(Long::longValue).sorted().toArray();
            total += l.length;
            System.out.printf(Locale.ROOT, "%-32s %8d %9.1f %9.1f %9.1f%n", route, l.length, pct(l, 50), pct(l, 99),
                    l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-32s %8d %9.1f %9.1f %9.1f%n", "all", total, pct(all, 50), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * Opens a case from an alert and fetches its report {@code n} times in each form (HTML, PDF, JSON) from one
     * client, one after the other, and reports the latencies: a report reads the subject's whole history, so it is
     * measured on its own rather than mixed into the page loop.
     */
    private static void caseReports(HttpClient http, String base, Session s, List<String> alertIds, int n)
            throws Exception {
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts/"
                        + alertIds.get(0) + "/case")).header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 201) {
            System.out.println("case reports: cannot open a case: " + opened.statusCode() + " " + opened.body());
            return;
        }
        String id = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        System.out.printf(Locale.ROOT, "%ncase reports on %s, %d of each after 3 uncounted ones, one client:%n", id,
                n);
        System.out.printf(Locale.ROOT, "%-40s %8s %9s %9s %9s %9s%n", "route", "count", "p50 ms", "p99 ms", "max ms",
                "bytes");
        for (String route : List.of("/cases/" + id + "/report.html", "/cases/" + id + "/report.pdf",
                "/api/cases/" + id + "/report", "/cases/" + id + "/report.pdf?references=prc-state-secrets")) {
            long[] l = new long[n];
            long bytes = 0;
            long first = 0;
            for (int i = -3; i < n; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = get(http, base + route, s, HttpResponse.BodyHandlers.ofByteArray());
                if (i >= 0) {
                    l[i] = System.nanoTime() - t0;
                } else if (i == -3) {
                    first = System.nanoTime() - t0;
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(route + " answered " + r.statusCode());
                }
                bytes = r.body().length;
            }
            java.util.Arrays.sort(l);
            System.out.printf(Locale.ROOT, "%-40s %8d %9.1f %9.1f %9.1f %9d  (first fetch %.1f ms)%n",
                    "GET " + route.replace(id, "{id}"), n, pct(l, 50), pct(l, 99), l[n - 1] / 1e6, bytes,
                    first / 1e6);
        }
    }

    private static <T> HttpResponse<T> get(HttpClient http, String url, Session s, HttpResponse.BodyHandler<T> h)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", s.cookie()).GET().build(), h);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void ingest(HttpClient http, String base, Session s, int events, int clients, int perRequest,
                               int people) throws Exception {
        int requests = (events + perRequest - 1) / perRequest;
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong overloaded = new AtomicLong();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peakHeap = {memory.getHeapMemoryUsage().getUsed()};
        long runId = System.currentTimeMillis();
        Instant start = Instant.parse("2025-06-01T08:00:00Z");
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    long r;
                    while ((r = next.getAndIncrement()) < requests) {
                        StringBuilder body = new StringBuilder(perRequest * 160);
                        for (int i = 0; i < perRequest; i++) {
                            long n = r * perRequest + i;
                            body.append("{\"kind\":\"file\",\"id\":\"live-").append(runId).append('-').append(n)
                                    .append("\",\"time\":\"").append(start.plusMillis(n * 50)).append("\",\"user\":\"U")
                                    .append(String.format(Locale.ROOT, "%04d", n % people))
                                    .append("\",\"host\":\"PC-1\",\"path\":\"C:\\\\work\\\\doc-").append(n % 97)
                                    .append(".docx\",\"action\":\"open\"}\n");
                        }
                        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        while (true) {
                            long q0 = System.nanoTime();
                            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest"))
                                    .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf())
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (res.statusCode() == 429) {
                                overloaded.incrementAndGet();
                                Thread.sleep(Long.parseLong(res.headers().firstValue("Retry-After").orElse("1")) * 200);
                                continue;
                            }
                            if (res.statusCode() != 200) {
                                throw new IllegalStateException("ingest answered " + res.statusCode() + ": "
                                        + res.body());
                            }
                            latencies.add(System.nanoTime() - q0);
                            accepted.addAndGet(perRequest);
                            break;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        while (threads.stream().anyMatch(Thread::isAlive)) {
            peakHeap[0] = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%ningestion: %,d events acknowledged in %.1f s by %d clients (%d per request): "
                        + "%,.0f events/s; request p50 %.1f ms, p99 %.1f ms; %d answers 429; peak heap %d MiB%n",
                accepted.get(), secs, clients, perRequest, accepted.get() / secs, pct(l, 50), pct(l, 99),
                overloaded.get(), peakHeap[0] >> 20);
    }

    private static void fill(Store store, int people, int days, int perDay) {
        Random random = new Random(1);
        Map<String, PersonRecord> records = new LinkedHashMap<>();
        for (int p = 0; p < people; p++) {
            String u = String.format(Locale.ROOT, "U%04d", p);
            records.put(u, new PersonRecord(u, "Person " + p, u + "@example.org", "Role" + p % 12,
                    List.of("Project " + p % 9), "Sub" + p % 4, "FU" + p % 10, "Dept" + p % 30, "T" + p % 90,
                    "", ""));
        }
        try (Batch b = store.begin("load benchmark")) {
            b.putSnapshot(new OrgSnapshot(YearMonth.from(FIRST), records));
            for (int p = 0; p < people; p++) {
                String u = String.format(Locale.ROOT, "U%04d", p);
                List<DailyScore> scores = new ArrayList<>(days);
                double level = random.nextDouble() * 30;
                for (int d = 0; d < days; d++) {
                    LocalDate day = FIRST.plusDays(d);
                    Instant morning = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
                    for (int e = 0; e < perDay; e++) {
                        Instant at = morning.plusSeconds(e * 1800L);
                        if (e % 2 == 0) {
                            b.addEvent(new Logon("L" + p + "-" + d + "-" + e, at, u, "PC-" + p, Logon.Action.LOGON,
                                    false));
                        } else {
                            b.addEvent(new FileActivity("F" + p + "-" + d + "-" + e, at, u, "PC-" + p,
                                    "C:\\work\\doc-" + e + ".docx", FileActivity.Action.OPEN, false, false, ""));
                        }
                    }
                    level = Math.max(0, Math.min(95, level + random.nextGaussian() * 2));
                    boolean last = d == days - 1;
                    List<Contribution> contributions = last ? List.of(
                            new Contribution("after-hours-logon", "concerning-behaviour", level * 0.6,
                                    List.of("L" + p + "-" + d + "-0"), 1, morning, morning, "late logons"),
                            new Contribution("file-to-removable-media", "exfiltration", level * 0.4,
                                    List.of("F" + p + "-" + d + "-1"), 1, morning, morning, "copies"))
                            : List.of();
                    scores.add(new DailyScore(u, day, level, d % 7 == 0 ? List.of("after-hours-logon") : List.of(),
                            contributions));
                }
                b.putScores(scores);
                if (p % 5 == 0) {
                    Instant t = FIRST.plusDays(days - 1 - p % 30).atTime(22, 0).toInstant(ZoneOffset.UTC);
                    b.putAlert(new Alert(Alert.idFor(u, t), u, t, 40 + p % 50, List.of("after-hours-logon"),
                            "after-hours-logon (20): late logons"));
                }
            }
            b.commit();
        }
    }
}
