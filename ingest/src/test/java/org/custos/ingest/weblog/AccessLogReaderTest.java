package org.custos.ingest.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.custos.core.harvest.WebRequest;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogReaderTest {

    @TempDir
    Path tmp;

    private final List<WebRequest> requests = new ArrayList<>();

    private AccessLogReader.Stats read(String text, DeadLetters letters) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), letters);
    }

    private AccessLogReader.Stats read(byte[] bytes, DeadLetters letters) throws IOException {
        return AccessLogReader.read(new ByteArrayInputStream(bytes), "access.log", letters,
                (sec, client, agent, method, target, status, size, referrer) -> requests.add(
                        new WebRequest(sec, client, agent, method, target, status, size, referrer)));
    }

    @Test
    void readsCombinedLogFormatWithTheZoneOffsetApplied() throws IOException {
        AccessLogReader.Stats stats = read("""
                203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET /papers/a.pdf?x=1 HTTP/1.1" 200 2326 \
                "https://www.example.org/start" "Mozilla/5.0 (X11; Linux x86_64)"
                """, DeadLetters.discard());

        assertThat(stats).isEqualTo(new AccessLogReader.Stats("access.log", "combined", 1, 1, 0));
        assertThat(requests).containsExactly(new WebRequest(Instant.parse("2000-10-10T20:55:36Z").getEpochSecond(),
                "203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64)", "GET", "/papers/a.pdf?x=1", 200, 2326,
                "https://www.example.org/start"));
    }

    @Test
    void readsCommonLogFormatWithoutReferrerOrAgentAndDashForBytes() throws IOException {
        AccessLogReader.Stats stats = read("""
                192.0.2.1 - - [01/Feb/2010:00:00:00 +0000] "HEAD / HTTP/1.0" 304 -
                """, DeadLetters.discard());

        assertThat(stats.format()).isEqualTo("common");
        assertThat(requests).containsExactly(new WebRequest(Instant.parse("2010-02-01T00:00:00Z").getEpochSecond(),
                "192.0.2.1", "", "HEAD", "/", 304, 0, ""));
    }

    @Test
    void readsApacheVhostCombinedAndNginxExtraFields() throws IOException {
        AccessLogReader.Stats vhost = read("""
                www.example.org:443 198.51.100.2 - - [29/Feb/2012:23:59:59 +0100] "GET /x HTTP/2.0" 200 10 "-" "curl/8.4.0"
                """, DeadLetters.discard());
        AccessLogReader.Stats nginx = read("""
                198.51.100.3 - - [29/Feb/2012:23:59:59 +0000] "GET /y HTTP/1.1" 404 0 "-" "Wget/1.21" "10.1.1.1" rt=0.002
                """, DeadLetters.discard());

        assertThat(vhost.format()).isEqualTo("vhost_combined");
        assertThat(nginx.format()).isEqualTo("combined+extra");
        assertThat(requests).extracting(WebRequest::client).containsExactly("198.51.100.2", "198.51.100.3");
        assertThat(requests.get(0).epochSecond()).isEqualTo(Instant.parse("2012-02-29T22:59:59Z").getEpochSecond());
        assertThat(requests.get(1).userAgent()).isEqualTo("Wget/1.21");
    }

    @Test
    void keepsApacheEscapedQuotesInsideAField() throws IOException {
        read("""
                192.0.2.1 - - [01/Feb/2010:00:00:00 +0000] "GET /q?s=\\"x\\" HTTP/1.1" 200 5 "-" "say \\"hi\\""
                """, DeadLetters.discard());

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("/q?s=\\\"x\\\"");
            assertThat(r.userAgent()).isEqualTo("say \\\"hi\\\"");
        });
    }

    @Test
    void sendsEachBadLineToTheDeadLettersWithItsReasonAndReadsTheRest() throws IOException {
        Path csv = tmp.resolve("dead.csv");
        String good = "192.0.2.1 - - [01/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"b\"\n";
        String hostile = "192.0.2.6 - - [01/Feb/2010:00:00:00 +0000] \"GET /\u001b[31mred HTTP/1.1\" 2x0 5\n";
        StringBuilder huge = new StringBuilder("192.0.2.7 - - [01/Feb/2010:00:00:00 +0000] \"GET /");
        huge.append("a".repeat(1 << 20)).append(" HTTP/1.1\" 200 5 \"-\" \"b\"\n");
        String text = good
                + "garbage without a time\n"
                + "192.0.2.2 - - [31/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n"
                + "192.0.2.3 - - [01/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1 200 5\n"
                + hostile
                + huge
                + good
                + "192.0.2.4 - - [01/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"cut";
        try (DeadLetters letters = DeadLetters.to(csv)) {
            AccessLogReader.Stats stats = read(text, letters);
            assertThat(stats.requests()).isEqualTo(2);
            assertThat(stats.rejected()).isEqualTo(6);
            assertThat(stats.lines()).isEqualTo(8);
        }
        String dead = Files.readString(csv);
        assertThat(dead).contains("access.log,2,\"expected 'host ident user [time] \"\"request\"\" status bytes': "
                + "no [time] field\",garbage without a time");
        assertThat(dead).contains("access.log,3,time: '31/Feb/2010:00:00:00 +0000' is not of the form");
        assertThat(dead).contains("access.log,4,request: quote not closed");
        assertThat(dead).contains("access.log,5,status: '2x0' is not a three-digit HTTP status");
        assertThat(dead).contains("/\\x1B[31mred").doesNotContain("\u001b");
        assertThat(dead).contains("access.log,6,line longer than 65536 bytes (" + (huge.length() - 1) + " bytes); skipped");
        assertThat(dead).contains("access.log,8,user agent: quote not closed");
        assertThat(dead.length()).isLessThan(20_000);
    }

    @Test
    void readsGzippedLogs() throws IOException {
        Path gz = tmp.resolve("access.log.1.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("192.0.2.1 - - [01/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());

        AccessLogReader.Stats stats = AccessLogReader.read(gz, "access.log.1.gz", DeadLetters.discard(),
                (sec, client, agent, method, target, status, size, referrer) -> requests.add(null));

        assertThat(stats.requests()).isEqualTo(1);
    }

    @Test
    void recognizesAccessLogLinesAndNothingElse() {
        assertThat(AccessLogReader.isAccessLogLine(
                "192.0.2.1 - - [01/Feb/2010:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5")).isTrue();
        assertThat(AccessLogReader.isAccessLogLine("id,date,user,pc,activity")).isFalse();
        assertThat(AccessLogReader.isAccessLogLine("{\"class_uid\":1001}")).isFalse();
    }
}
