package org.custos.server.audit;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.Role;
import org.custos.store.audit.AuditRecord;
import org.custos.store.audit.SignedTreeHead;
import org.custos.store.audit.TreeHead;
import org.custos.store.audit.Verification;

/**
 * AuditPage is the audit view for auditors: the entries of the audit log, newest first and filtered by actor, person
 * or action, the current and last signed tree heads with the log's public key, and a full verification on demand.
 * Auditors are watched too: every look at the log is itself an entry.
 */
public final class AuditPage {

    /** The most entries a filtered view scans back from the newest. */
    static final int SCAN = 20_000;

    private final Services services;

    /** The audit view over the services. */
    public AuditPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access auditors = Access.roles(Role.AUDITOR);
        return List.of(
                new Route(HandlerType.GET, "/audit", auditors, Route.Kind.PAGE,
                        "The audit log (query: actor, subject, action, before).", this::page),
                new Route(HandlerType.POST, "/audit/verify", auditors, Route.Kind.PAGE,
                        "Replays and verifies the whole audit log.", this::verifyPage),
                new Route(HandlerType.GET, "/api/audit", auditors, Route.Kind.API,
                        "Audit log entries, newest first (query: actor, subject, action, before, limit).",
                        this::apiEntries),
                new Route(HandlerType.GET, "/api/audit/head", auditors, Route.Kind.API,
                        "The current tree head, a freshly signed tree head and the log's public key.", this::apiHead),
                new Route(HandlerType.POST, "/api/audit/verify", auditors, Route.Kind.API,
                        "Replays and verifies the whole audit log.", this::apiVerify));
    }

    /** A filter over entries. */
    private record Filter(String actor, String subject, String action, long before, int limit) {

        static Filter of(Context ctx) {
            String before = Format.textParam(ctx.queryParam("before"), "before", 19);
            long b;
            try {
                b = before.isEmpty() ? Long.MAX_VALUE : Long.parseLong(before);
            } catch (NumberFormatException e) {
                throw org.custos.server.web.HttpProblem.badRequest("before: not an entry index: '" + before + "'");
            }
            return new Filter(Format.textParam(ctx.queryParam("actor"), "actor", 100),
                    Format.textParam(ctx.queryParam("subject"), "subject", 100),
                    Format.textParam(ctx.queryParam("action"), "action", 100), b,
                    Format.intParam(ctx.queryParam("limit"), "limit", 100, 1, 1000));
        }

        boolean matches(AuditRecord r) {
            return (actor.isEmpty() || actor.equals(r.entry().actor()))
                    && (subject.isEmpty() || subject.equals(r.entry().subject()))
                    && (action.isEmpty() || r.entry().action().startsWith(action));
        }
    }

    private List<AuditRecord> entries(Filter f) {
        long size = services.auditLog().size();
        long from = Math.min(size, f.before()) - 1;
        List<AuditRecord> out = new ArrayList<>();
        for (long i = from; i >= 0 && i > from - SCAN && out.size() < f.limit(); i--) {
            AuditRecord r = services.auditLog().entry(i);
            if (f.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Filter f = Filter.of(ctx);
        services.recordList(viewer, "audit.view");
        render(ctx, viewer, f, Html.empty());
    }

    private void render(Context ctx, Viewer viewer, Filter f, Html notice) {
        List<AuditRecord> entries = entries(f);
        TreeHead head = services.auditLog().treeHead();
        SignedTreeHead signed = services.auditLog().lastSignedTreeHead();
        Html more = entries.size() == f.limit() ? Html.of("<p class=\"pager\"><a href=\"/audit?actor={}&subject={}"
                + "&action={}&before={}\" id=\"older\">Older entries</a></p>", f.actor(), f.subject(), f.action(),
                entries.get(entries.size() - 1).index()) : Html.empty();
        ctx.html(services.layout().page(viewer, "Audit", "/audit", Html.of("""
                <h1>Audit log</h1>{}\
                <dl class="facts" id="tree-heads"><dt>Entries</dt><dd id="audit-size">{}</dd>\
                <dt>Current root</dt><dd><code>{}</code></dd>\
                <dt>Last signed head</dt><dd>{}</dd></dl>\
                <form method="post" action="/audit/verify" class="inline"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit" class="primary" id="verify">Verify the whole log</button></form>\
                <details><summary>Public key (to check signed heads elsewhere)</summary><pre class="text">{}</pre></details>\
                <h2>Entries</h2><form class="filters" method="get" action="/audit">\
                <label>Actor <input name="actor" value="{}"></label><label>Person (pseudonym) <input name="subject" value="{}"></label>\
                <label>Action starts with <input name="action" value="{}"></label><button type="submit">Filter</button></form>\
                <table id="audit-entries"><thead><tr><th class="num">#</th><th>Time</th><th>Actor</th><th>Role</th><th>Action</th>\
                <th>Person</th><th>Objects</th><th>From</th></tr></thead><tbody>{}</tbody></table>{}""",
                notice, head.size(), Base64.getEncoder().encodeToString(head.root()),
                signed == null ? Html.of("<span class=\"muted\">none yet</span>")
                        : Html.of("size {} at {}, signature <code>{}…</code>", signed.size(), Format.time(signed.time()),
                        Base64.getEncoder().encodeToString(signed.signature()).substring(0, 16)),
                viewer.session().csrfToken(), services.auditLog().publicKeyPem(), f.actor(), f.subject(), f.action(),
                Html.each(entries, r -> Html.of("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        + "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", r.index(), r.time().toString(),
                        r.entry().actor(), r.entry().role(), r.entry().action(),
                        r.entry().subject() == null ? "" : r.entry().subject(), String.join(", ", r.entry().objects()),
                        r.entry().from())), more)));
    }

    private Verification verify(Viewer viewer) throws IOException {
        services.record(viewer, "audit.verify", null);
        return services.auditLog().verify();
    }

    private void verifyPage(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        Verification v = verify(viewer);
        render(ctx, viewer, new Filter("", "", "", Long.MAX_VALUE, 100), Html.of("<p class=\"{}\" id=\"verification\" "
                + "role=\"status\">{}</p>", v.ok() ? "notice ok" : "error", v.summary()));
    }

    private static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("time", r.time().toString());
        m.put("actor", r.entry().actor());
        m.put("role", r.entry().role());
        m.put("action", r.entry().action());
        m.put("subject", r.entry().subject());
        m.put("objects", r.entry().objects());
        m.put("from", r.entry().from());
        m.put("details", r.entry().details());
        return m;
    }

    private void apiEntries(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Filter f = Filter.of(ctx);
        services.recordList(viewer, "audit.view");
        Json.ok(ctx, Map.of("entries", entries(f).stream().map(AuditPage::json).toList()));
    }

    private void apiHead(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        services.record(viewer, "audit.head", null);
        SignedTreeHead signed = services.auditLog().signedTreeHead();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signedTreeHead", Json.MAPPER.convertValue(signed == null ? null
                : parse(signed.toJson()), Object.class));
        m.put("publicKey", services.auditLog().publicKeyPem());
        Json.ok(ctx, m);
    }

    private static Object parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the audit log wrote a head that is not JSON", e);
        }
    }

    private void apiVerify(Context ctx) throws IOException {
        Verification v = verify(Viewer.of(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", v.ok());
        m.put("entries", v.entries());
        m.put("summary", v.summary());
        m.put("problem", v.problem().map(p -> Map.of("index", p.index(), "kind", p.kind().name().toLowerCase(
                java.util.Locale.ROOT), "message", p.message())).orElse(null));
        Json.ok(ctx, m);
    }
}
