package org.custos.server.cases;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.core.casefile.CaseFile;
import org.custos.report.CaseReport;
import org.custos.report.CaseReportAssembler;
import org.custos.report.HtmlCaseReport;
import org.custos.report.PdfCaseReport;
import org.custos.report.PeopleMask;
import org.custos.report.reference.ReferencePack;
import org.custos.report.reference.ReferencePacks;
import org.custos.server.web.Access;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.Role;

/**
 * CaseReports serves the case report from the dashboard: the same report {@code custos case report} writes (timeline,
 * indicators and their events, daily risk, exposure, attached assessments and traces, notes, evidence re-hashed now,
 * the case's audit trail, optionally the built-in legal references, never a sentence) as a self-contained HTML
 * page, a PDF download, or its content as JSON. Whoever may read the case may have its report; subjects appear under
 * their pseudonyms unless an investigator on an active case asks for names. Every report is recorded in the audit
 * log, once per subject, before it is sent.
 */
public final class CaseReports {

    /*
     * The HTML report carries its own style sheet inline and no script. It is served with a policy of its own that
     * allows that one style sheet by its hash and nothing else (no script, no connection, no frame, no form), since
     * the dashboard's policy forbids inline style. The report is rendered for each request, as each is audited
     * separately; only the people mask (a regular expression over everyone the store knows) is kept until a batch
     * changes the people.
     */

    /** The most events per subject and window on a report's timeline. */
    static final int TIMELINE_LIMIT = 1000;

    /** The Content-Security-Policy of the HTML report. */
    static final String REPORT_CSP = "default-src 'none'; style-src '" + sha256(HtmlCaseReport.STYLE)
            + "'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    private final Services services;
    private volatile Mask mask;

    /** The people mask made at one version of the stored events. */
    private record Mask(long version, PeopleMask people) {
    }

    /** What a request asks the report to include. */
    private record Options(boolean reveal, Optional<ReferencePack> references) {
    }

    /** The case reports over the services. */
    public CaseReports(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access readers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/cases/{id}/report.html", readers, Route.Kind.PAGE,
                        "The case report as one self-contained HTML page (query: references=prc-state-secrets, "
                                + "names=revealed).", this::html),
                new Route(HandlerType.GET, "/cases/{id}/report.pdf", readers, Route.Kind.PAGE,
                        "The case report as a PDF download (query: references, names).", this::pdf),
                new Route(HandlerType.GET, "/api/cases/{id}/report", readers, Route.Kind.API,
                        "The case report's content as JSON (query: references=prc-state-secrets, names=revealed).",
                        this::api));
    }

    private void html(Context ctx) {
        CaseReport report = prepare(ctx, "html");
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.header("Content-Disposition", "inline; filename=\"" + fileName(report, "html") + "\"");
        ctx.contentType("text/html; charset=utf-8").result(HtmlCaseReport.render(report));
    }

    private void pdf(Context ctx) throws IOException {
        CaseReport report = prepare(ctx, "pdf");
        byte[] pdf = PdfCaseReport.bytes(report);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(report, "pdf") + "\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    private void api(Context ctx) {
        CaseReport report = prepare(ctx, "json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("header", report.header());
        out.put("notices", report.notices());
        out.put("timeline", report.timeline());
        out.put("findings", report.findings());
        out.put("daily", report.daily());
        out.put("exposure", report.exposure());
        out.put("assessments", report.assessments());
        out.put("traces", report.traces());
        out.put("notes", report.notes());
        out.put("evidence", report.evidence());
        out.put("audit", report.audit());
        out.put("references", report.references().orElse(null));
        Json.ok(ctx, out);
    }

    private static String fileName(CaseReport report, String extension) {
        return report.header().caseId() + "-report." + extension;
    }

    /** Checks the request, records the report in the audit log (forced to disk), and assembles it. */
    private CaseReport prepare(Context ctx, String format) {
        Viewer viewer = Viewer.of(ctx);
        CaseFile c = CasesPage.find(services, ctx.pathParam("id"));
        Options options = options(ctx, viewer, c);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("names", options.reveal() ? "revealed" : "pseudonyms");
        options.references().ifPresent(p -> details.put("references", p.id()));
        services.recordEach(viewer, "case.report", c.subjects(), details, c.id());
        if (options.reveal()) {
            services.recordEach(viewer, "case.reveal", c.subjects(), Map.of("in", "case.report"), c.id());
        }
        CaseReportAssembler assembler = new CaseReportAssembler(new CaseReportAssembler.Sources(services.store(),
                services.dataDir(), services.names()::pseudonym, people(), services.trails()::of, TIMELINE_LIMIT,
                "the command 'custos case report --timeline-limit N' shows more"));
        return assembler.assemble(c, options.reveal(), options.references(), new CaseReportAssembler.PreparedFor(
                viewer.account(), viewer.role().id(), "the dashboard, from " + viewer.address(),
                services.clock().instant()));
    }

    private Options options(Context ctx, Viewer viewer, CaseFile c) {
        List<String> problems = new ArrayList<>();
        String names = Optional.ofNullable(ctx.queryParam("names")).orElse("").strip();
        boolean reveal = false;
        if (names.equals("revealed")) {
            if (!CasesPage.mayReveal(viewer, c)) {
                throw new HttpProblem(403, "names: only an investigator on an active case may see the subjects' "
                        + "names; ask for the report without names=revealed to get it under pseudonyms");
            }
            reveal = true;
        } else if (!names.isEmpty() && !names.equals("pseudonyms")) {
            problems.add("names: expected pseudonyms or revealed, got '" + clip(names) + "'");
        }
        String references = Optional.ofNullable(ctx.queryParam("references")).orElse("").strip();
        Optional<ReferencePack> pack = Optional.empty();
        if (references.equals(ReferencePacks.BUILT_IN)) {
            pack = Optional.of(BuiltIn.PACK);
        } else if (!references.isEmpty() && !references.equals("none")) {
            problems.add("references: the dashboard lists only the built-in pack '" + ReferencePacks.BUILT_IN
                    + "' (or none), got '" + clip(references) + "'");
        }
        if (!problems.isEmpty()) {
            throw HttpProblem.badRequest(String.join("; ", problems));
        }
        return new Options(reveal, pack);
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private PeopleMask people() {
        long version = services.store() instanceof org.custos.server.readcache.CachedStore cached
                ? cached.eventsVersion() : -1;
        Mask m = mask;
        if (m == null || m.version() != version || version < 0) {
            m = new Mask(version, PeopleMask.of(services.store(), services.names()::pseudonym));
            mask = m;
        }
        return m.people();
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** The built-in reference pack, read once. */
    private static final class BuiltIn {
        static final ReferencePack PACK = ReferencePacks.builtIn();
    }
}
