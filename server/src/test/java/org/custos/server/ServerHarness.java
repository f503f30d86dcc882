package org.custos.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.custos.server.security.Guard;
import org.custos.server.security.Passwords;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;
import org.custos.store.privacy.Pseudonyms;

/**
 * ServerHarness starts a dashboard over a fixture store on a free loopback port, with one account per role, and
 * makes raw HTTP requests as any of them.
 */
final class ServerHarness implements AutoCloseable {

    static final String PASSWORD = "correct-horse-battery";

    final Store backing;
    final Store store;
    final AuditLog audit;
    final Pseudonyms pseudonyms;
    final DashboardServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, String> csrf = new EnumMap<>(Role.class);
    final Map<Role, String> passwords = new EnumMap<>(Role.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text of the registered item "plan.txt" (secret, Project 1). */
    static final String PLAN = """
            The optical relay for the second stage uses a folded cavity with three mirrors, cooled to minus forty \
            degrees, and the alignment tolerance of the final lens is eleven micrometres across the full aperture. \
            Test firing at the northern range begins in March with the prototype built by the Northwind workshop, \
            and the telemetry link is encrypted with the new field keys issued to the range officers only.""";

    ServerHarness(Path dataDir) throws IOException, InterruptedException {
        backing = Stores.embedded(dataDir);
        store = new org.custos.server.readcache.CachedStore(backing);
        audit = AuditLog.open(dataDir, Clock.systemUTC());
        pseudonyms = Pseudonyms.open(dataDir);
        Fixture.fill(store);
        org.custos.core.classification.ClassificationScheme prc =
                org.custos.core.classification.ClassificationSchemes.prc();
        org.custos.material.registry.Registry.open(dataDir).add(new org.custos.material.extract.ExtractedText(
                "plan.txt", "plan.txt", "ab".repeat(32), "text", PLAN), prc, prc.level("secret"), "Project 1",
                "security office");
        server = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0, dataDir, Clock.systemUTC(),
                1 << 20, 5L << 20, 1L << 20, 10_000), store, audit, pseudonyms);
        for (Role r : Role.values()) {
            String password = r == Role.ADMIN ? server.initialAdminPassword().orElseThrow() : PASSWORD;
            passwords.put(r, password);
            if (r != Role.ADMIN) {
                store.createAccount(account(r), r, Passwords.hash(PASSWORD), Instant.now());
            }
            String[] session = signIn(r);
            tokens.put(r, session[0]);
            csrf.put(r, session[1]);
        }
    }

    /** Signs the role's account in again: a new session token and its CSRF token. */
    String[] signIn(Role r) throws IOException, InterruptedException {
        HttpResponse<String> res = send(HttpRequest.newBuilder(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + account(r) + "\",\"password\":\""
                        + passwords.get(r) + "\"}")).build());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + account(r) + " failed: " + res.body());
        }
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        return new String[] {cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')),
                JSON.readTree(res.body()).get("csrfToken").asText()};
    }

    /** A request builder with a fresh session of the role (for sign-out, which ends the session). */
    HttpRequest.Builder asFresh(Role role, String path) throws IOException, InterruptedException {
        String[] session = signIn(role);
        return HttpRequest.newBuilder(uri(path)).header("Cookie", Guard.COOKIE + "=" + session[0])
                .header(Guard.CSRF_HEADER, session[1]);
    }

    static String account(Role r) {
        return r == Role.ADMIN ? "admin" : r.id() + "1";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A request builder signed in as the role (null: signed out), with the CSRF header. */
    HttpRequest.Builder as(Role role, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (role != null) {
            b.header("Cookie", Guard.COOKIE + "=" + tokens.get(role));
            b.header(Guard.CSRF_HEADER, csrf.get(role));
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> res) throws IOException {
        return JSON.readTree(res.body());
    }

    /** The pseudonym the server shows for a person. */
    String pseudonym(String user) {
        return pseudonyms.of(user);
    }

    /** The audit log entries from index {@code from} on. */
    java.util.List<AuditRecord> entriesFrom(long from) {
        java.util.List<AuditRecord> out = new java.util.ArrayList<>();
        for (long i = from; i < audit.size(); i++) {
            out.add(audit.entry(i));
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
        backing.close();
        try {
            audit.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
