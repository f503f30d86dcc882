package org.custos.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.custos.cli.CommandRun;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path report() throws Exception {
        Path file = tmp.resolve("report.json");
        ReportFiles.write(new Report(Report.VERSION, List.of(), List.of(
                new Report.AlertEntry("A-1", "ACM2278", "2010-03-01T18:30:00Z", 72.5,
                        List.of("removable-media-first-use", "after-hours-logon"),
                        "first USB copy | after hours = new\nthen more"),
                new Report.AlertEntry("A-2", "CDE1846", "2010-04-02T09:00:00Z", 95.0, List.of("leak-site"), "x")),
                new Report.Input(0, 0, 0, List.of(), List.of(), null, List.of(), 0, 0, 0)), file);
        return file;
    }

    @Test
    void writesOcsfDetectionFindings() throws Exception {
        Path out = tmp.resolve("findings.jsonl");
        CommandRun run = CommandRun.of("export", report().toString(), "--ocsf", out.toString());

        assertThat(run.code()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        JsonNode finding = JSON.readTree(lines.get(0));
        assertThat(finding.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(finding.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(finding.get("time").asLong()).isEqualTo(1267468200000L);
        assertThat(finding.get("severity_id").asInt()).isEqualTo(4);
        assertThat(finding.at("/finding_info/uid").asText()).isEqualTo("A-1");
        assertThat(finding.at("/finding_info/types/1").asText()).isEqualTo("after-hours-logon");
        assertThat(finding.at("/observables/0/value").asText()).isEqualTo("ACM2278");
        assertThat(JSON.readTree(lines.get(1)).get("severity").asText()).isEqualTo("Critical");
    }

    @Test
    void sendsCefOverUdpAndTcpToLoopback() throws Exception {
        Path report = report();
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                ServerSocket tcp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            udp.setSoTimeout(10_000);
            tcp.setSoTimeout(10_000);
            CommandRun viaUdp = CommandRun.of("export", report.toString(), "--cef",
                    "udp://127.0.0.1:" + udp.getLocalPort());
            List<String> datagrams = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
                udp.receive(packet);
                datagrams.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            }
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = tcp.accept(); BufferedReader in = new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                    return in.lines().toList();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CommandRun viaTcp = CommandRun.of("export", report.toString(), "--cef",
                    "tcp://127.0.0.1:" + tcp.getLocalPort());
            List<String> lines = received.get(10, TimeUnit.SECONDS);

            assertThat(viaUdp.code()).isZero();
            assertThat(viaTcp.code()).isZero();
            assertThat(datagrams.get(0)).startsWith("<163>1 2010-03-01T18:30:00Z ")
                    .contains(" custos - alert - CEF:0|Custos|Custos|")
                    .contains("|removable-media-first-use|Insider-risk alert for ACM2278|7|rt=1267468200000 "
                            + "suser=ACM2278 externalId=A-1 cn1Label=score cn1=72.50 cs1Label=indicators "
                            + "cs1=removable-media-first-use,after-hours-logon "
                            + "msg=first USB copy | after hours \\= new\\nthen more");
            assertThat(datagrams.get(1)).startsWith("<162>1 ").contains("|leak-site|");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo(datagrams.get(0));
        }
    }

    @Test
    void postsSignedFindingsToAWebhookRetryingServerErrors() throws Exception {
        Path report = report();
        Path secret = tmp.resolve("secret");
        Files.writeString(secret, "s3cret\n");
        AtomicInteger calls = new AtomicInteger();
        List<String> verified = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int call = calls.incrementAndGet();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Custos-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Custos-Signature");
            String expected = Webhook.signature("s3cret".getBytes(StandardCharsets.UTF_8), Long.parseLong(timestamp),
                    new String(body, StandardCharsets.UTF_8));
            int status = call <= 2 ? 503 : signature.equals(expected) ? 204 : 401;
            if (status == 204) {
                verified.add(JSON.readTree(body).at("/finding_info/uid").asText());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            CommandRun run = CommandRun.of("export", report.toString(), "--webhook", url, "--secret-file",
                    secret.toString(), "--backoff-ms", "10");

            assertThat(run.code()).isZero();
            assertThat(calls.get()).isEqualTo(4);
            assertThat(verified).containsExactly("A-1", "A-2");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void reportsUndeliveredAlertsWithExitCodeOne() throws Exception {
        Path report = report();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        server.start();
        try {
            Path secret = tmp.resolve("k");
            Files.writeString(secret, "k");
            CommandRun run = CommandRun.of("export", report.toString(), "--webhook",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/", "--secret-file", secret.toString(),
                    "--backoff-ms", "1");
            assertThat(run.code()).isEqualTo(1);
            assertThat(calls.get()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAWebhookWithoutASecret() throws Exception {
        CommandRun run = CommandRun.of("export", report().toString(), "--webhook", "http://127.0.0.1:9/");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--webhook needs exactly one of --secret-file FILE or --secret-env NAME");
    }
}
