package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custos.server.security.Guard;
import org.custos.server.security.Passwords;
import org.custos.server.security.SecurityHeaders;
import org.custos.store.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear 4xx with a one-line message, never a 500 or a stack trace; text from the data is rendered
 * inert; every answer carries the security headers.
 */
class BadInputIT {

    @TempDir
    static Path data;
    static ServerHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static String alert() {
        return AuthorizationMatrixIT.alert(h);
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        HttpResponse<String> res = h.send(r);
        assertThat(res.statusCode()).as(r.method() + " " + r.uri()).isLessThan(500);
        assertThat(res.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.eclipse");
        return res;
    }

    private static void assertProblem(HttpResponse<String> res, int status, String messagePart) throws Exception {
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var json = ServerHarness.json(res);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("error").asText()).contains(messagePart);
    }

    @Test
    void malformedJsonIsA400NamingWhere() throws Exception {
        var res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"state\": ")).build());
        assertProblem(res, 400, "malformed JSON at line 1");
        res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("[1,2]")).build());
        assertProblem(res, 400, "expected a JSON object");
        // nesting beyond Jackson's limit has no location; reading it threw (found by fuzzing EventLine)
        res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("[".repeat(1001))).build());
        assertProblem(res, 400, "malformed JSON: Document nesting depth");
        res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"state\": 7}")).build());
        assertProblem(res, 400, "field 'state' is required and must be a string");
        res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"dismissed\"}")).build());
        assertProblem(res, 400, "a dismissal needs a reason");
    }

    @Test
    void wrongContentTypeIsA415() throws Exception {
        var res = send(h.as(Role.ANALYST, "/api/alerts/" + alert() + "/review").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("state=acknowledged")).build());
        assertProblem(res, 415, "expected Content-Type application/json");
    }

    @Test
    void oversizeBodyIsA413() throws Exception {
        String big = "{\"text\":\"" + "x".repeat(2 << 20) + "\"}";
        var c = h.store.openCase("big", List.of(Fixture.INSIDER), "t", Instant.now(), Optional.empty());
        var res = send(h.as(Role.INVESTIGATOR, "/api/cases/" + c.id() + "/notes").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build());
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(h.store.notes(c.id())).isEmpty();
    }

    @Test
    void unknownIdsAre404WithAMessage() throws Exception {
        assertProblem(send(h.as(Role.ANALYST, "/api/people/P-NOBODY").GET().build()), 404,
                "nobody has the pseudonym 'P-NOBODY'");
        assertProblem(send(h.as(Role.ANALYST, "/api/cases/C-2026-9999").GET().build()), 404, "no case with id");
        assertProblem(send(h.as(Role.ANALYST, "/api/alerts/P-NOBODY@1/review").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"new\"}")).build()), 404,
                "no alert with id");
        assertProblem(send(h.as(Role.ANALYST, "/api/nothing-here").GET().build()), 404, "no such page");
        var page = send(h.as(Role.ANALYST, "/people/P-NOBODY").GET().build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("nobody has the pseudonym").contains("<!DOCTYPE html>");
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        assertThat(send(h.as(Role.ANALYST, "/board?stage=9").GET().build()).body())
                .contains("stage: must be between -1 and 3, got 9");
        assertProblem(send(h.as(Role.ANALYST, "/api/board?limit=lots").GET().build()), 400,
                "limit: not a whole number");
        assertProblem(send(h.as(Role.ANALYST, "/api/alerts?state=%3Cscript%3E").GET().build()), 400,
                "unknown alert state");
    }

    @Test
    void pathTricksFindNothing() throws Exception {
        for (String path : List.of("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2f..%2f..%2fetc%2fpasswd", "/webjars/../../../etc/passwd",
                "/cases/..%2F..%2Fetc%2Fpasswd", "/cases/C-2026-0001%00", "/people/..%2F..%2Fadmin")) {
            var res = h.send(h.as(Role.INVESTIGATOR, "/").uri(URI.create("http://127.0.0.1:" + h.server.port()
                    + path)).GET().build());
            assertThat(res.statusCode()).as(path).isBetween(400, 499);
            assertThat(res.body()).as(path).doesNotContain("root:x:0:0").doesNotContain("Exception");
        }
        var c = h.store.openCase("files", List.of(Fixture.INSIDER), "t", Instant.now(), Optional.empty());
        var res = send(new Multipart().field("_csrf", h.csrf.get(Role.INVESTIGATOR))
                .file("file", "../../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8))
                .into(h.as(Role.INVESTIGATOR, "/cases/" + c.id() + "/evidence")).build());
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(h.store.evidence(c.id())).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("evil"));
    }

    @Test
    void scriptInTextFieldsIsRenderedInert() throws Exception {
        var c = h.store.openCase("<script>alert('title')</script>", List.of(Fixture.INSIDER), "t", Instant.now(),
                Optional.empty());
        send(h.as(Role.INVESTIGATOR, "/api/cases/" + c.id() + "/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"<script>alert('note')</script>"
                        + "<img src=x onerror=alert(2)>\"}")).build());
        String page = send(h.as(Role.INVESTIGATOR, "/cases/" + c.id()).GET().build()).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        String alerts = send(h.as(Role.ANALYST, "/alerts").GET().build()).body();
        assertThat(alerts).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        String person = send(h.as(Role.ANALYST, "/people/" + AuthorizationMatrixIT.insider(h)).GET().build()).body();
        assertThat(person).contains("&lt;b&gt;after hours&lt;/b&gt;").doesNotContain("<b>after hours");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/board", "/signin", "/api/board", "/nothing", "/static/custos.js")) {
            var res = h.send(h.as(Role.ANALYST, path).GET().build());
            assertThat(res.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityHeaders.CSP);
            assertThat(res.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(res.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(h.send(h.as(Role.ANALYST, "/board").GET().build()).headers().firstValue("Cache-Control"))
                .contains("no-store");
        assertThat(h.send(h.as(Role.ANALYST, "/api/people/" + AuthorizationMatrixIT.insider(h)).GET().build())
                .headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(SecurityHeaders.CSP).contains("script-src 'self'").doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void signInSetsAHostOnlySecureStrictCookieWithAFreshToken() throws Exception {
        var first = h.send(HttpRequest.newBuilder(h.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"analyst1\",\"password\":\""
                        + ServerHarness.PASSWORD + "\"}")).build());
        var second = h.send(HttpRequest.newBuilder(h.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"analyst1\",\"password\":\""
                        + ServerHarness.PASSWORD + "\"}")).build());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(Guard.COOKIE + "=").contains("; Path=/").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Domain=");
        assertThat(second.headers().firstValue("Set-Cookie").orElseThrow()).isNotEqualTo(cookie);
        String firstCookie = cookie.substring(0, cookie.indexOf(';'));
        assertThat(h.send(HttpRequest.newBuilder(h.uri("/api/session")).header("Cookie", firstCookie).GET().build())
                .statusCode()).isEqualTo(200);
        var again = h.send(HttpRequest.newBuilder(h.uri("/api/session")).header("Content-Type", "application/json")
                .header("Cookie", firstCookie).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"analyst1\",\"password\":\"" + ServerHarness.PASSWORD + "\"}")).build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(h.send(HttpRequest.newBuilder(h.uri("/api/session")).header("Cookie", firstCookie).GET().build())
                .statusCode()).as("a new sign-in ends the client's previous session").isEqualTo(401);
    }

    @Test
    void stateChangesNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        String path = "/api/alerts/" + alert() + "/review";
        var noToken = send(HttpRequest.newBuilder(h.uri(path))
                .header("Cookie", Guard.COOKIE + "=" + h.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"acknowledged\"}")).build());
        assertProblem(noToken, 403, "CSRF token");
        var crossSite = send(h.as(Role.ANALYST, path).header("Origin", "https://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"acknowledged\"}")).build());
        assertProblem(crossSite, 403, "cross-origin request refused");
        var fetchSite = send(h.as(Role.ANALYST, path).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"acknowledged\"}")).build());
        assertProblem(fetchSite, 403, "cross-site request refused");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        h.store.createAccount("locky", Role.ANALYST, Passwords.hash("the-right-one"), Instant.now());
        for (int i = 0; i < 5; i++) {
            var res = send(HttpRequest.newBuilder(h.uri("/api/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"locky\",\"password\":\"guess" + i
                            + "\"}")).build());
            assertProblem(res, 401, "wrong name or password");
        }
        assertThat(h.store.account("locky").orElseThrow().failedAttempts()).isEqualTo(5);
        assertThat(h.store.account("locky").orElseThrow().lockedUntil()).isPresent();
        var right = send(HttpRequest.newBuilder(h.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"locky\",\"password\":\"the-right-one\"}"))
                .build());
        assertProblem(right, 401, "wrong name or password");
        assertThat(h.entriesFrom(0)).anyMatch(r -> r.entry().actor().equals("locky")
                && r.entry().action().equals("session.signin.refused"));
    }
}
