package org.custos.server.cases;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Evidence;
import org.custos.core.casefile.Outcome;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.CaseQuery;
import org.custos.store.Role;

/**
 * CasesPage is case work: the list of cases, one case with its notes, evidence and status, and the moves between
 * statuses. Analysts and investigators read cases and add notes; only investigators change a case's status, take
 * it on and add evidence. Subjects are named by pseudonym, except to an investigator while the case is active.
 */
public final class CasesPage {

    private static final Pattern CASE_ID = Pattern.compile("C-\\d{4}-\\d{1,8}");
    private static final Pattern EVIDENCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Services services;

    /** Case work over the services. */
    public CasesPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access readers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        Access investigators = Access.roles(Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/cases", readers, Route.Kind.PAGE, "The list of cases (query: status).",
                        this::listPage),
                new Route(HandlerType.GET, "/cases/{id}", readers, Route.Kind.PAGE,
                        "One case: subjects, notes, evidence, status.", this::casePage),
                new Route(HandlerType.POST, "/cases/{id}/notes", readers, Route.Kind.PAGE,
                        "Adds a note (form: text).", this::noteForm),
                new Route(HandlerType.POST, "/cases/{id}/status", investigators, Route.Kind.PAGE,
                        "Moves a case (form: status, outcome when closing).", this::statusForm),
                new Route(HandlerType.POST, "/cases/{id}/assign", investigators, Route.Kind.PAGE,
                        "Takes the case on (assigns it to the signed-in investigator).", this::assignForm),
                new Route(HandlerType.POST, "/cases/{id}/evidence", investigators, Route.Kind.PAGE,
                        "Adds a file as evidence (multipart: file, description).", this::evidenceForm),
                new Route(HandlerType.GET, "/cases/{id}/evidence/{evidence}", Access.roles(Role.INVESTIGATOR),
                        Route.Kind.PAGE, "Downloads a piece of evidence after re-checking its SHA-256.",
                        this::download),
                new Route(HandlerType.GET, "/api/cases", readers, Route.Kind.API, "Cases (query: status, limit).",
                        this::apiList),
                new Route(HandlerType.GET, "/api/cases/{id}", readers, Route.Kind.API,
                        "One case with its notes and evidence.", this::apiCase),
                new Route(HandlerType.POST, "/api/cases/{id}/notes", readers, Route.Kind.API,
                        "Adds a note: JSON {text}.", this::apiNote),
                new Route(HandlerType.POST, "/api/cases/{id}/status", investigators, Route.Kind.API,
                        "Moves a case: JSON {status, outcome}.", this::apiStatus));
    }

    private CaseFile find(Context ctx) {
        return find(services, ctx.pathParam("id"));
    }

    /** The case with the id; 404 naming it when the id is malformed or unknown. */
    static CaseFile find(Services services, String id) {
        if (!CASE_ID.matcher(id).matches()) {
            throw HttpProblem.notFound("no case with id '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                    + "' (case ids look like C-2026-0007)");
        }
        return services.store().caseFile(id).orElseThrow(() -> HttpProblem.notFound("no case with id '" + id + "'"));
    }

    private void recordCase(Viewer viewer, String action, CaseFile c, String... more) {
        String[] objects = new String[more.length + 1];
        objects[0] = c.id();
        System.arraycopy(more, 0, objects, 1, more.length);
        services.recordEach(viewer, action, c.subjects(), Map.of(), objects);
    }

    /** True when the viewer may see the names of the case's subjects: an investigator on an active case. */
    static boolean mayReveal(Viewer viewer, CaseFile c) {
        return viewer.role() == Role.INVESTIGATOR && c.isActive();
    }

    private Html subjects(Viewer viewer, CaseFile c) {
        boolean reveal = mayReveal(viewer, c);
        return Html.each(c.subjects(), u -> {
            String p = services.names().pseudonym(u);
            if (reveal) {
                String name = services.store().person(u).map(r -> r.name()).orElse("");
                return Html.of("<li><a href=\"/people/{}\">{}</a> — {} ({})</li>", p, p, name.isEmpty() ? u : name, u);
            }
            return Html.of("<li><a href=\"/people/{}\">{}</a></li>", p, p);
        });
    }

    private void listPage(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<CaseStatus> status = status(ctx.queryParam("status"));
        services.recordList(viewer, "cases.view");
        List<CaseFile> cases = services.store().cases(new CaseQuery(status, Optional.empty(), Optional.empty(), 500));
        ctx.html(services.layout().page(viewer, "Cases", "/cases", Html.of("""
                <h1>Cases</h1><table id="cases"><thead><tr><th>Case</th><th>Title</th><th>Subjects</th><th>Status</th>\
                <th>Assignee</th><th>Opened</th><th>Updated</th></tr></thead><tbody>{}</tbody></table>{}""",
                Html.each(cases, c -> Html.of("""
                        <tr><td><a href="/cases/{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} by {}</td>\
                        <td>{}</td></tr>""", c.id(), c.id(), c.title(),
                        String.join(", ", c.subjects().stream().map(services.names()::pseudonym).toList()),
                        c.status().id(), c.assignee().orElse("—"), Format.time(c.openedAt()), c.openedBy(),
                        Format.time(c.updatedAt()))),
                Html.when(cases.isEmpty(), Html.of("<p class=\"notice\">No cases yet. Open one from an alert.</p>")))));
    }

    private static Optional<CaseStatus> status(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CaseStatus.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("status: expected open, investigating, referred or closed, got '"
                    + (value.length() > 30 ? value.substring(0, 30) : value) + "'");
        }
    }

    private void casePage(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        recordCase(viewer, "case.view", c);
        render(ctx, viewer, c, Html.empty());
    }

    private void render(Context ctx, Viewer viewer, CaseFile c, Html notice) {
        String csrf = viewer.session().csrfToken();
        List<CaseNote> notes = services.store().notes(c.id());
        List<Evidence> evidence = services.store().evidence(c.id());
        boolean investigator = viewer.role() == Role.INVESTIGATOR;
        Html moves = Html.when(investigator, Html.of("""
                <form method="post" action="/cases/{}/status" class="filters"><input type="hidden" name="_csrf" value="{}">\
                <label>Move to <select name="status" id="case-status">{}</select></label>\
                <label>Outcome (when closing) <select name="outcome" id="case-outcome"><option value="">—</option>{}</select></label>\
                <button type="submit" id="move-case">Move</button></form>\
                <form method="post" action="/cases/{}/assign" class="inline"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit" id="take-case">Take this case</button></form>""", c.id(), csrf,
                Html.each(List.copyOf(c.status().next()), s -> Html.of("<option value=\"{}\">{}</option>", s.id(),
                        s.id())),
                Html.each(List.of(Outcome.values()), o -> Html.of("<option value=\"{}\">{}</option>", o.id(), o.id())),
                c.id(), csrf));
        Html evidenceForm = Html.when(investigator && c.isActive(), Html.of("""
                <form method="post" action="/cases/{}/evidence" enctype="multipart/form-data" class="filters">\
                <input type="hidden" name="_csrf" value="{}"><label>File <input type="file" name="file" id="evidence-file" required></label>\
                <label>Why it matters <input name="description" maxlength="1000" id="evidence-description"></label>\
                <button type="submit" id="add-evidence">Add evidence</button></form>""", c.id(), csrf));
        ctx.html(services.layout().page(viewer, c.id(), "/cases", Html.of("""
                <h1 id="case-title">{} · {}</h1>{}\
                <dl class="facts"><dt>Status</dt><dd id="case-state">{}{}</dd><dt>Assignee</dt><dd>{}</dd>\
                <dt>Opened</dt><dd>{} by {}</dd><dt>From alert</dt><dd>{}</dd></dl>\
                <h2>Subjects</h2><ul>{}</ul>{}{}\
                <h2>Notes</h2><ol id="notes">{}</ol>\
                <form method="post" action="/cases/{}/notes" class="stack"><input type="hidden" name="_csrf" value="{}">\
                <label>New note <textarea name="text" id="note-text" rows="3" maxlength="10000" required></textarea></label>\
                <button type="submit" id="add-note">Add note</button></form>\
                <h2>Evidence</h2><table id="evidence"><thead><tr><th>Id</th><th>Kind</th><th>Name</th><th>SHA-256</th>\
                <th class="num">Bytes</th><th>Added</th><th>Why</th></tr></thead><tbody>{}</tbody></table>{}""",
                c.id(), c.title(), notice, c.status().id(),
                c.outcome().map(o -> " (" + o.id() + ")").orElse(""), c.assignee().orElse("—"),
                Format.time(c.openedAt()), c.openedBy(),
                c.alertId().map(a -> a.substring(a.lastIndexOf('@') + 1)).map(e -> "yes (raised at epoch " + e + ")")
                        .orElse("no, opened by hand"),
                subjects(viewer, c), moves, reportForm(viewer, c),
                Html.each(notes, n -> Html.of("<li><span class=\"muted\">{} · {}</span><br>{}</li>", Format.time(n.time()),
                        n.author(), n.text())),
                c.id(), csrf,
                Html.each(evidence, e -> Html.of("""
                        <tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td class="num">{}</td><td>{} by {}</td>\
                        <td>{}</td></tr>""", investigator ? Html.of("<a href=\"/cases/{}/evidence/{}\">{}</a>", c.id(),
                        e.id(), e.id()) : Html.of("{}", e.id()), e.kind().name().toLowerCase(Locale.ROOT), e.name(),
                        e.sha256(), e.size(), Format.time(e.addedAt()), e.addedBy(), e.description())),
                evidenceForm)));
    }

    /**
     * The case report's options and its two downloads: a plain GET form, so the choice shows in the address and
     * works without script. Names can be asked for only where the reveal rule allows them.
     */
    private static Html reportForm(Viewer viewer, CaseFile c) {
        return Html.of("""
                <h2>Case report</h2><form method="get" action="/cases/{}/report.html" class="filters" id="report-form">\
                <label class="check"><input type="checkbox" name="references" value="{}" id="report-references"> \
                List legal references (built-in PRC pack; orientation only, never a sentence)</label>{}\
                <button type="submit" id="report-html">Case report (HTML)</button>\
                <button type="submit" formaction="/cases/{}/report.pdf" id="report-pdf">Case report (PDF)</button>\
                </form><p class="muted">Each report is recorded in the audit log as a view of every subject's data. \
                Subjects appear under their pseudonyms{}.</p>""", c.id(),
                org.custos.report.reference.ReferencePacks.BUILT_IN,
                Html.when(mayReveal(viewer, c), Html.of("""
                        <label class="check"><input type="checkbox" name="names" value="revealed" id="report-names"> \
                        Show names (recorded as a reveal)</label>""")), c.id(),
                mayReveal(viewer, c) ? " unless you ask for names" : "");
    }

    private CaseNote addNote(Context ctx, String text) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        if (text == null || text.isBlank()) {
            throw HttpProblem.badRequest("text: a note needs text");
        }
        if (text.length() > 10_000) {
            throw HttpProblem.badRequest("text: at most 10,000 characters");
        }
        recordCase(viewer, "case.note", c);
        return services.store().addNote(c.id(), viewer.account(), services.clock().instant(), text.strip());
    }

    private void noteForm(Context ctx) {
        CaseNote n = addNote(ctx, ctx.formParam("text"));
        ctx.redirect("/cases/" + n.caseId() + "#notes", HttpStatus.SEE_OTHER);
    }

    private CaseFile move(Context ctx, String statusId, String outcomeId) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        CaseStatus target = status(statusId).orElseThrow(() -> HttpProblem.badRequest("status: required"));
        Optional<Outcome> outcome;
        try {
            outcome = outcomeId == null || outcomeId.isBlank() ? Optional.empty() : Optional.of(Outcome.parse(outcomeId));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("outcome: " + e.getMessage());
        }
        if (target == CaseStatus.CLOSED && outcome.isEmpty()) {
            throw HttpProblem.badRequest("outcome: closing a case needs an outcome");
        }
        if (!c.status().canMoveTo(target)) {
            throw HttpProblem.conflict("case " + c.id() + " is " + c.status().id() + " and cannot move to "
                    + target.id());
        }
        recordCase(viewer, "case.move." + target.id(), c);
        return services.store().moveCase(c.id(), target, outcome, viewer.account(), services.clock().instant());
    }

    private void statusForm(Context ctx) {
        CaseFile c = move(ctx, ctx.formParam("status"), ctx.formParam("outcome"));
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void assignForm(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        recordCase(viewer, "case.assign", c);
        services.store().assignCase(c.id(), viewer.account(), viewer.account(), services.clock().instant());
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void evidenceForm(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        if (!c.isActive()) {
            throw HttpProblem.conflict("case " + c.id() + " is closed; reopen it to add evidence");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw HttpProblem.badRequest("file: choose a file to add");
        }
        String name = Uploads.safeName(file.filename());
        String description = Format.textParam(ctx.formParam("description"), "description", 1000);
        recordCase(viewer, "evidence.add", c, name);
        try (InputStream in = file.content()) {
            services.store().addFileEvidence(c.id(), name, in, viewer.account(), services.clock().instant(),
                    description);
        }
        ctx.redirect("/cases/" + c.id() + "#evidence", HttpStatus.SEE_OTHER);
    }

    private void download(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        String id = ctx.pathParam("evidence");
        if (!EVIDENCE_ID.matcher(id).matches()) {
            throw HttpProblem.notFound("no evidence '" + (id.length() > 40 ? id.substring(0, 40) : id) + "'");
        }
        Evidence e = services.store().evidence(c.id()).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("case " + c.id() + " has no evidence '" + id + "'"));
        recordCase(viewer, "evidence.download", c, e.id());
        byte[] content = services.store().evidenceContent(e.id());
        ctx.header("Content-Disposition", "attachment; filename=\"" + Uploads.safeName(e.name()) + "\"");
        ctx.contentType("application/octet-stream").result(content);
    }

    private Map<String, Object> json(Viewer viewer, CaseFile c, boolean details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("subjects", c.subjects().stream().map(services.names()::pseudonym).toList());
        if (mayReveal(viewer, c)) {
            m.put("subjectUsers", c.subjects());
        }
        m.put("status", c.status().id());
        m.put("outcome", c.outcome().map(Outcome::id).orElse(null));
        m.put("assignee", c.assignee().orElse(null));
        m.put("openedBy", c.openedBy());
        m.put("openedAt", c.openedAt().toString());
        m.put("updatedAt", c.updatedAt().toString());
        if (details) {
            m.put("notes", services.store().notes(c.id()).stream().map(n -> Map.of("seq", n.seq(), "author",
                    n.author(), "time", n.time().toString(), "text", n.text())).toList());
            List<Map<String, Object>> ev = new ArrayList<>();
            for (Evidence e : services.store().evidence(c.id())) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("id", e.id());
                em.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
                em.put("name", e.name());
                em.put("sha256", e.sha256());
                em.put("size", e.size());
                em.put("addedBy", e.addedBy());
                em.put("addedAt", e.addedAt().toString());
                em.put("description", e.description());
                ev.add(em);
            }
            m.put("evidence", ev);
        }
        return m;
    }

    private void apiList(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<CaseStatus> status = status(ctx.queryParam("status"));
        int limit = Format.intParam(ctx.queryParam("limit"), "limit", 200, 1, 1000);
        services.recordList(viewer, "cases.view");
        Json.ok(ctx, Map.of("cases", services.store().cases(new CaseQuery(status, Optional.empty(), Optional.empty(),
                limit)).stream().map(c -> json(viewer, c, false)).toList()));
    }

    private void apiCase(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = find(ctx);
        recordCase(viewer, "case.view", c);
        Json.ok(ctx, json(viewer, c, true));
    }

    private void apiNote(Context ctx) {
        var body = Json.object(ctx);
        CaseNote n = addNote(ctx, Json.text(body, "text"));
        Json.send(ctx, 201, Map.of("caseId", n.caseId(), "seq", n.seq(), "author", n.author(), "time",
                n.time().toString(), "text", n.text()));
    }

    private void apiStatus(Context ctx) {
        var body = Json.object(ctx);
        CaseFile c = move(ctx, Json.text(body, "status"), Json.optionalText(body, "outcome"));
        Json.ok(ctx, json(Viewer.of(ctx), c, false));
    }
}
