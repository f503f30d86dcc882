package org.custos.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion path writes ahead before it acknowledges: a server process is killed with SIGKILL in the middle of
 * ingesting 1,000,000 events, restarted, the client re-sends every request that was not acknowledged, and the
 * store then holds every event exactly once. ({@code -Dcustos.crash.events=N} runs it with fewer events.)
 */
class IngestCrashIT {

    static final String PASSWORD = "feeder-password-for-the-crash-test";
    static final int PER_REQUEST = 1000;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Child(Process process, String base, String cookie, String csrf) {
    }

    private Child start(int n) throws Exception {
        Path portFile = data.resolve("port-" + n);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), data.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("child-" + n + ".log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(240);
        while (!Files.exists(portFile)) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the server did not start: "
                        + Files.readString(data.resolve("child-" + n + ".log")));
            }
            Thread.sleep(100);
        }
        String base = "http://127.0.0.1:" + Files.readString(portFile).trim();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"feeder\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Child(p, base, cookie.substring(0, cookie.indexOf(';')),
                r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1"));
    }

    private static byte[] request(int r) {
        StringBuilder b = new StringBuilder(PER_REQUEST * 170);
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        for (int i = 0; i < PER_REQUEST; i++) {
            long n = (long) r * PER_REQUEST + i;
            b.append("{\"kind\":\"file\",\"id\":\"ev-").append(n).append("\",\"time\":\"")
                    .append(start.plusMillis(n * 37)).append("\",\"user\":\"U").append(n % 500)
                    .append("\",\"host\":\"PC-").append(n % 500).append("\",\"path\":\"C:\\\\d\\\\f")
                    .append(n % 50).append(".txt\",\"action\":\"open\"}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the requests not yet acknowledged until all are, or the server dies; the acknowledged ones are kept. */
    private void feed(Child child, int requests, Set<Integer> acknowledged, int stopAfter) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                int r;
                while ((r = next.getAndIncrement()) < requests && acknowledged.size() < stopAfter) {
                    if (acknowledged.contains(r)) {
                        continue;
                    }
                    try {
                        while (true) {
                            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(child.base()
                                    + "/api/ingest")).header("Cookie", child.cookie())
                                    .header("X-CSRF-Token", child.csrf())
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(request(r))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (res.statusCode() == 429) {
                                Thread.sleep(200);
                                continue;
                            }
                            if (res.statusCode() == 200 && res.body().contains("\"accepted\":" + PER_REQUEST)) {
                                acknowledged.add(r);
                            }
                            break;
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void everyEventIsStoredExactlyOnceAfterAKillAndAResend() throws Exception {
        int events = Integer.getInteger("custos.crash.events", 1_000_000);
        int requests = events / PER_REQUEST;
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

        Child first = start(1);
        Thread killer = new Thread(() -> {
            while (acknowledged.size() < requests * 3 / 10) {
                Thread.onSpinWait();
            }
            first.process().destroyForcibly();
        });
        killer.start();
        feed(first, requests, acknowledged, requests);
        killer.join();
        first.process().waitFor();
        assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
        int beforeKill = acknowledged.size();
        assertThat(beforeKill).isBetween(requests * 3 / 10, requests - 1);

        Child second = start(2);
        feed(second, requests, acknowledged, requests);
        assertThat(acknowledged).hasSize(requests);
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            String status = http.send(HttpRequest.newBuilder(URI.create(second.base() + "/api/ingest"))
                    .header("Cookie", second.cookie()).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("\"queuedEvents\":0") && status.replaceAll(".*\"journaledBytes\":(\\d+).*", "$1")
                    .equals(status.replaceAll(".*\"storedBytes\":(\\d+).*", "$1"))) {
                break;
            }
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
        second.process().destroy();
        second.process().waitFor();

        try (Store store = Stores.embedded(data)) {
            assertThat(store.eventCount()).isEqualTo(events);
            assertThat(store.events("U0", List.of("ev-0", "ev-500", "ev-" + (events - 500))))
                    .extracting(e -> e.id()).containsExactly("ev-0", "ev-500", "ev-" + (events - 500));
        }
        assertThat(new File(data.toFile(), "ingest/journal.log").length()).isPositive();
    }
}
