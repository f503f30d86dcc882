package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.core.casefile.CaseFile;
import org.custos.server.web.Route;
import org.custos.store.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the server's route table, as every role and signed out: the roles the table allows get a
 * successful answer, every other role a 403, and a visitor who is not signed in a redirect to sign-in (pages) or a
 * 401 (everything else). A route without a sample request here fails the test, so no route escapes the matrix.
 */
class AuthorizationMatrixIT {

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

    /** Makes the request a route is probed with, for a role (null: signed out). */
    @FunctionalInterface
    interface Sample {
        HttpRequest make(Role role) throws Exception;
    }

    static String insider(ServerHarness h) {
        return h.pseudonym(Fixture.INSIDER);
    }

    static String alert(ServerHarness h) {
        return insider(h) + "@" + Fixture.at(Fixture.FIRST.plusDays(Fixture.DAYS - 1), 22).getEpochSecond();
    }

    static String insider() {
        return insider(h);
    }

    static String alert() {
        return alert(h);
    }

    static CaseFile freshCase() {
        CaseFile c = h.store.openCase("probe", List.of(Fixture.INSIDER), "probe", Instant.now(), Optional.empty());
        return c;
    }

    static HttpRequest.Builder as(Role role, String path) {
        return role == null ? HttpRequest.newBuilder(h.uri(path)) : h.as(role, path);
    }

    static HttpRequest form(Role role, String path, String body) {
        return as(role, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest json(Role role, String method, String path, String body) {
        return as(role, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest get(Role role, String path) {
        return as(role, path).GET().build();
    }

    static String csrf(Role role) {
        return role == null ? "" : h.csrf.get(role);
    }

    static Map<String, Sample> samples() {
        Map<String, Sample> s = new HashMap<>();
        s.put("GET /signin", r -> get(r, "/signin"));
        s.put("POST /signin", r -> (r == null ? HttpRequest.newBuilder(h.uri("/signin")) : h.asFresh(r, "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                        .ofString("username=investigator1&password=" + ServerHarness.PASSWORD)).build());
        s.put("POST /signout", r -> (r == null ? HttpRequest.newBuilder(h.uri("/signout")) : h.asFresh(r, "/signout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        s.put("POST /api/session", r -> (r == null ? HttpRequest.newBuilder(h.uri("/api/session"))
                : h.asFresh(r, "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"analyst1\",\"password\":\""
                        + ServerHarness.PASSWORD + "\"}")).build());
        s.put("GET /api/session", r -> get(r, "/api/session"));
        s.put("DELETE /api/session", r -> (r == null ? HttpRequest.newBuilder(h.uri("/api/session"))
                : h.asFresh(r, "/api/session")).DELETE().build());
        s.put("GET /accounts", r -> get(r, "/accounts"));
        s.put("POST /accounts", r -> form(r, "/accounts", "name=probe" + System.nanoTime() + "&role=analyst"));
        s.put("POST /accounts/{name}/reset", r -> {
            String name = "reset" + System.nanoTime();
            h.store.createAccount(name, Role.ANALYST, "$argon2id$v=19$m=19456,t=2,p=1$AAAA$AAAA", Instant.now());
            return form(r, "/accounts/" + name + "/reset", "");
        });
        s.put("GET /api/accounts", r -> get(r, "/api/accounts"));
        s.put("POST /api/accounts", r -> json(r, "POST", "/api/accounts",
                "{\"name\":\"api" + System.nanoTime() + "\",\"role\":\"auditor\"}"));
        s.put("GET /board", r -> get(r, "/board?stage=2"));
        s.put("GET /api/board", r -> get(r, "/api/board"));
        s.put("GET /people/{pseudonym}", r -> get(r, "/people/" + insider()));
        s.put("GET /api/people/{pseudonym}", r -> get(r, "/api/people/" + insider()));
        s.put("GET /alerts", r -> get(r, "/alerts?state=all"));
        s.put("POST /alerts/{id}/acknowledge", r -> form(r, "/alerts/" + alert() + "/acknowledge", ""));
        s.put("POST /alerts/{id}/dismiss", r -> form(r, "/alerts/" + alert() + "/dismiss", "reason=known+project+work"));
        s.put("POST /alerts/{id}/case", r -> form(r, "/alerts/" + alert() + "/case", ""));
        s.put("GET /api/alerts", r -> get(r, "/api/alerts?state=all"));
        s.put("POST /api/alerts/{id}/review", r -> json(r, "POST", "/api/alerts/" + alert() + "/review",
                "{\"state\":\"acknowledged\"}"));
        s.put("POST /api/alerts/{id}/case", r -> json(r, "POST", "/api/alerts/" + alert() + "/case", "{}"));
        s.put("GET /cases", r -> get(r, "/cases"));
        s.put("GET /cases/{id}", r -> get(r, "/cases/" + freshCase().id()));
        s.put("POST /cases/{id}/notes", r -> form(r, "/cases/" + freshCase().id() + "/notes", "text=seen"));
        s.put("POST /cases/{id}/status", r -> form(r, "/cases/" + freshCase().id() + "/status",
                "status=investigating&outcome="));
        s.put("POST /cases/{id}/assign", r -> form(r, "/cases/" + freshCase().id() + "/assign", ""));
        s.put("POST /cases/{id}/evidence", r -> new Multipart().field("_csrf", csrf(r))
                .field("description", "photo").file("file", "photo.txt", "a photo".getBytes(StandardCharsets.UTF_8))
                .into(as(r, "/cases/" + freshCase().id() + "/evidence")).build());
        s.put("GET /cases/{id}/evidence/{evidence}", r -> {
            CaseFile c = freshCase();
            var e = h.store.addFileEvidence(c.id(), "x.txt", new java.io.ByteArrayInputStream(new byte[] {1, 2}),
                    "probe", Instant.now(), "");
            return get(r, "/cases/" + c.id() + "/evidence/" + e.id());
        });
        s.put("GET /cases/{id}/report.html", r -> get(r, "/cases/" + freshCase().id() + "/report.html"));
        s.put("GET /cases/{id}/report.pdf", r -> get(r, "/cases/" + freshCase().id()
                + "/report.pdf?references=prc-state-secrets"));
        s.put("GET /api/cases/{id}/report", r -> get(r, "/api/cases/" + freshCase().id() + "/report"));
        s.put("GET /api/cases", r -> get(r, "/api/cases"));
        s.put("GET /api/cases/{id}", r -> get(r, "/api/cases/" + freshCase().id()));
        s.put("POST /api/cases/{id}/notes", r -> json(r, "POST", "/api/cases/" + freshCase().id() + "/notes",
                "{\"text\":\"seen\"}"));
        s.put("POST /api/cases/{id}/status", r -> json(r, "POST", "/api/cases/" + freshCase().id() + "/status",
                "{\"status\":\"closed\",\"outcome\":\"no-issue-found\"}"));
        s.put("GET /material", r -> get(r, "/material"));
        s.put("POST /material/assess", r -> new Multipart().field("_csrf", csrf(r))
                .file("file", "leak.txt", ServerHarness.PLAN.getBytes(StandardCharsets.UTF_8))
                .into(as(r, "/material/assess")).build());
        s.put("GET /api/material", r -> get(r, "/api/material"));
        s.put("POST /api/material/assess", r -> new Multipart()
                .file("file", "leak.txt", ServerHarness.PLAN.getBytes(StandardCharsets.UTF_8))
                .into(as(r, "/api/material/assess")).build());
        s.put("POST /material/trace", r -> new Multipart().field("_csrf", csrf(r))
                .file("file", "leak.txt", ServerHarness.PLAN.getBytes(StandardCharsets.UTF_8))
                .into(as(r, "/material/trace")).build());
        s.put("POST /api/material/trace", r -> new Multipart()
                .file("file", "leak.txt", ServerHarness.PLAN.getBytes(StandardCharsets.UTF_8))
                .into(as(r, "/api/material/trace")).build());
        s.put("GET /custody", r -> get(r, "/custody"));
        s.put("GET /api/custody", r -> get(r, "/api/custody"));
        s.put("GET /audit", r -> get(r, "/audit?action=person."));
        s.put("POST /audit/verify", r -> form(r, "/audit/verify", ""));
        s.put("GET /api/audit", r -> get(r, "/api/audit?limit=10"));
        s.put("GET /api/audit/head", r -> get(r, "/api/audit/head"));
        s.put("POST /api/audit/verify", r -> json(r, "POST", "/api/audit/verify", "{}"));
        s.put("POST /api/ingest", r -> as(r, "/api/ingest").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"logon\",\"id\":\"m" + System.nanoTime()
                        + "\",\"time\":\"2026-02-04T08:00:00Z\",\"user\":\"ACM0002\",\"host\":\"PC-2\","
                        + "\"action\":\"logon\"}\n")).build());
        s.put("GET /api/ingest", r -> get(r, "/api/ingest"));
        s.put("GET /", r -> get(r, "/"));
        s.put("GET /openapi.json", r -> get(r, "/openapi.json"));
        return s;
    }

    @Test
    void everyRouteAnswersExactlyTheRolesItsTableEntryAllows() throws Exception {
        Map<String, Sample> samples = samples();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Route route : h.server.routes()) {
            String key = route.method() + " " + route.path();
            Sample sample = samples.get(key);
            if (sample == null) {
                problems.add(key + ": no sample request in AuthorizationMatrixIT; add one");
                continue;
            }
            for (Role role : Role.values()) {
                HttpResponse<String> res = h.send(sample.make(role));
                boolean allowed = route.access().allows(role);
                int status = res.statusCode();
                if (allowed && (status < 200 || status >= 400)) {
                    problems.add(key + " as " + role.id() + ": expected success, got " + status + " " + res.body());
                } else if (!allowed && status != 403) {
                    problems.add(key + " as " + role.id() + ": expected 403, got " + status);
                }
                checked++;
            }
            HttpResponse<String> res = h.send(sample.make(null));
            int status = res.statusCode();
            if (route.access().publicRoute()) {
                if (status >= 500) {
                    problems.add(key + " signed out: got " + status);
                }
            } else if (route.kind() == Route.Kind.PAGE && !route.changesState()) {
                if (status != 303 || !res.headers().firstValue("Location").orElse("").startsWith("/signin")) {
                    problems.add(key + " signed out: expected a redirect to /signin, got " + status);
                }
            } else if (status != 401) {
                problems.add(key + " signed out: expected 401, got " + status);
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isEqualTo(h.server.routes().size() * (Role.values().length + 1));
        assertThat(h.server.routes()).hasSizeGreaterThan(40);
    }
}
