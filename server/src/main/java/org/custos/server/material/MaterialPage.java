package org.custos.server.material;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.material.assess.Assessor;
import org.custos.material.assess.BoilerplateRule;
import org.custos.material.assess.FileAssessment;
import org.custos.material.assess.Match;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.TextExtractor;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.Registry;
import org.custos.server.cases.Uploads;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.Role;

/**
 * MaterialPage is the registry of classified material and assessment of an uploaded file: which registered items it
 * contains, at what level, with the matching passages of both texts side by side.
 *
 * <p>The registry is the one {@code custos registry add} writes in the data directory; the assessor over it is
 * built once and rebuilt when the registry's items change.
 */
public final class MaterialPage {

    private final Services services;
    private final TextExtractor extractor = TextExtractor.standard();
    private volatile Loaded loaded;

    private record Loaded(List<String> ids, Registry registry, Assessor assessor) {
    }

    /** Material pages over the services. */
    public MaterialPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access reviewers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/material", reviewers, Route.Kind.PAGE,
                        "The registry of classified material and the assessment upload form.", this::page),
                new Route(HandlerType.POST, "/material/assess", reviewers, Route.Kind.PAGE,
                        "Assesses an uploaded file (multipart: file) and shows the matches side by side.",
                        this::assessPage),
                new Route(HandlerType.GET, "/api/material", reviewers, Route.Kind.API,
                        "The registered items.", this::apiList),
                new Route(HandlerType.POST, "/api/material/assess", reviewers, Route.Kind.API,
                        "Assesses an uploaded file (multipart: file); answers as one file of assessment.json.",
                        this::apiAssess),
                new Route(HandlerType.POST, "/material/trace", reviewers, Route.Kind.PAGE,
                        "Traces a leaked copy (multipart: file): whose marked copy it is, with the evidence.",
                        this::tracePage),
                new Route(HandlerType.POST, "/api/material/trace", reviewers, Route.Kind.API,
                        "Traces a leaked copy (multipart: file); answers as one file of the trace JSON "
                                + "(docs/marking.md), recipients as pseudonyms.",
                        this::apiTrace));
    }

    private synchronized Loaded load() {
        Registry registry = Registry.open(services.dataDir());
        List<String> ids = registry.list().stream().map(ItemSummary::id).toList();
        Loaded l = loaded;
        if (l == null || !l.ids().equals(ids)) {
            Assessor assessor = ids.isEmpty() ? null : Assessor.of(registry, new BoilerplateRule(3, 0.01));
            l = new Loaded(ids, registry, assessor);
            loaded = l;
        }
        return l;
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        services.recordList(viewer, "material.view");
        ctx.html(services.layout().page(viewer, "Material", "/material", Html.of("{}{}{}", registryTable(),
                uploadForm(viewer), traceForm(viewer))));
    }

    private Html registryTable() {
        List<ItemSummary> items = load().registry().list();
        return Html.of("""
                <h1>Classified material</h1><table id="registry"><thead><tr><th>Item</th><th>Name</th><th>Level</th>\
                <th>Project</th><th>Owner</th><th class="num">Characters</th></tr></thead><tbody>{}</tbody></table>{}""",
                Html.each(items, i -> Html.of("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        + "<td class=\"num\">{}</td></tr>", i.id(), i.name(), i.level(), i.project(), i.owner(),
                        i.chars())),
                Html.when(items.isEmpty(), Html.of("<p class=\"notice\">The registry is empty; register material "
                        + "with <code>custos registry add</code>.</p>")));
    }

    private static Html uploadForm(Viewer viewer) {
        return Html.of("""
                <h2>Assess a file</h2><p class="muted">A seized or leaked file (PDF, office document, e-mail, HTML, \
                image, plain text): which registered items it contains, and at what level.</p>\
                <form method="post" action="/material/assess" enctype="multipart/form-data" class="filters">\
                <input type="hidden" name="_csrf" value="{}"><label>File <input type="file" name="file" id="assess-file" required></label>\
                <button type="submit" class="primary" id="assess">Assess</button></form>""",
                viewer.session().csrfToken());
    }

    private static Html traceForm(Viewer viewer) {
        return Html.of("""
                <h2>Trace a leaked copy</h2><p class="muted">A leaked PDF, a photo of a printed page or retyped text:                 which marked copy it is and to whom it was issued, with the marks found. A recipient is named only                 when the evidence supports it.</p>                <form method="post" action="/material/trace" enctype="multipart/form-data" class="filters">                <input type="hidden" name="_csrf" value="{}"><label>File <input type="file" name="file" id="trace-file" required></label>                <button type="submit" class="primary" id="trace">Trace</button></form>""",
                viewer.session().csrfToken());
    }

    /** Traces one upload; recipients come back as pseudonyms, and the trace is recorded with them as subjects. */
    private org.custos.material.trace.TraceResult trace(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw HttpProblem.badRequest("file: choose a file to trace (multipart field 'file')");
        }
        String name = Uploads.safeName(file.filename());
        Path dir = Files.createTempDirectory("custos-trace-");
        try {
            Path target = dir.resolve(name);
            try (InputStream in = file.content()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            org.custos.material.trace.TraceResult r = org.custos.material.trace.Tracer
                    .forDataDirectory(services.dataDir(), extractor).trace(target);
            List<org.custos.material.trace.TraceResult.TracedCopy> masked = r.copies().stream()
                    .map(c -> new org.custos.material.trace.TraceResult.TracedCopy(c.copy(), c.code(), c.item(),
                            c.itemName(), c.recipient() == null ? null : services.names().pseudonym(c.recipient()),
                            c.purpose(), c.issued(), c.channels(), c.confidence()))
                    .toList();
            String subject = r.copies().size() == 1 ? r.copies().get(0).recipient() : null;
            services.record(viewer, "material.trace", subject, name, "status:" + r.status().label());
            String verdict = r.verdict();
            for (org.custos.material.trace.TraceResult.TracedCopy c : r.copies()) {
                if (c.recipient() != null && !c.recipient().isEmpty()) {
                    verdict = verdict.replace(c.recipient(), services.names().pseudonym(c.recipient()));
                }
            }
            return new org.custos.material.trace.TraceResult(name, r.kind(), r.status(), verdict, masked,
                    r.evidence());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void tracePage(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        org.custos.material.trace.TraceResult r = trace(ctx);
        Html copies = Html.each(r.copies(), c -> Html.of("<tr><td><code>{}</code></td><td>{}</td><td>{}</td>"
                + "<td>{}</td><td>{}</td><td>{}</td></tr>", c.code(), c.itemName(), c.recipient(), c.purpose(),
                String.join(", ", c.channels()), c.confidence()));
        ctx.html(services.layout().page(viewer, "Trace", "/material", Html.of("""
                <h1>Trace of {}</h1><dl class="facts" id="trace-result"><dt>Answer</dt><dd id="trace-status">{}</dd>                <dt>Verdict</dt><dd>{}</dd><dt>Read as</dt><dd>{}</dd><dt>QR codes read</dt><dd>{}</dd>                <dt>Printed codes</dt><dd>{}</dd></dl>{}{}""",
                r.path(), r.status().label(), r.verdict(), r.kind(), r.evidence().qr().size(),
                r.evidence().printedCodes().size(),
                Html.when(!r.copies().isEmpty(), Html.of("""
                        <table id="traced-copies"><thead><tr><th>Copy</th><th>Item</th><th>Recipient</th>                        <th>Purpose</th><th>Marks</th><th>Confidence</th></tr></thead><tbody>{}</tbody></table>""",
                        copies)),
                traceForm(viewer))));
    }

    private void apiTrace(Context ctx) throws IOException {
        Json.ok(ctx, trace(ctx));
    }

    /** The outcome of assessing one upload. */
    private record Outcome(String name, String sha256, FileAssessment assessment, String text, Assessor assessor) {
    }

    private Outcome assess(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw HttpProblem.badRequest("file: choose a file to assess (multipart field 'file')");
        }
        String name = Uploads.safeName(file.filename());
        Loaded l = load();
        if (l.assessor() == null) {
            throw HttpProblem.conflict("the registry is empty; register material with 'custos registry add' first");
        }
        Path dir = Files.createTempDirectory("custos-assess-");
        try {
            Path target = dir.resolve(name);
            try (InputStream in = file.content()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            List<Extraction> extracted = extractor.extract(target);
            if (extracted.isEmpty()) {
                throw HttpProblem.badRequest("file: nothing readable in '" + name + "'");
            }
            Extraction first = extracted.get(0);
            FileAssessment a = l.assessor().assess(first);
            String text = first instanceof ExtractedText t ? t.text() : "";
            String sha = first instanceof ExtractedText t ? t.sha256() : "";
            services.record(viewer, "material.assess", null, name, sha,
                    a.highestLevel() == null ? "level:none" : "level:" + a.highestLevel());
            return new Outcome(name, sha, a, text, l.assessor());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void assessPage(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        Outcome o = assess(ctx);
        FileAssessment a = o.assessment();
        Html matches = Html.each(a.matches(), m -> {
            String item = o.assessor().itemText(m.item());
            return Html.of("""
                    <h3>{} · <span class="bad">{}</span> · {} tokens, {}% of the item</h3>\
                    <div class="grid2"><div><p class="muted">Uploaded file, characters {}–{}</p><pre class="text">{}</pre></div>\
                    <div><p class="muted">Registered item {}, characters {}–{}</p><pre class="text">{}</pre></div></div>""",
                    m.itemName(), m.level(), m.tokens(), Math.round(m.itemCoverage() * 100), m.suspectStart(),
                    m.suspectEnd(), excerpt(o.text(), m.suspectStart(), m.suspectEnd()), m.item(), m.itemStart(),
                    m.itemEnd(), excerpt(item == null ? "" : item, m.itemStart(), m.itemEnd()));
        });
        ctx.html(services.layout().page(viewer, "Assessment", "/material", Html.of("""
                <h1>Assessment of {}</h1><dl class="facts" id="assessment"><dt>Status</dt><dd>{}</dd>\
                <dt>Highest level</dt><dd id="highest-level">{}</dd><dt>Verdict</dt><dd id="verdict">{}</dd>\
                <dt>Coverage</dt><dd>{}% of the file's text</dd><dt>SHA-256</dt><dd><code>{}</code></dd></dl>{}{}{}""",
                o.name(), a.status(), a.highestLevel() == null ? "none" : a.highestLevel(), a.verdict(),
                Math.round(a.coverage() * 100), o.sha256(),
                Html.when(a.reason() != null && !a.reason().isEmpty(), Html.of("<p class=\"error\">{}</p>", a.reason())),
                matches, uploadForm(viewer))));
    }

    /** The span (code-point offsets) with up to 200 characters of context each side, the span itself marked. */
    private static Html excerpt(String text, int startCp, int endCp) {
        int cps = text.codePointCount(0, text.length());
        int s = Math.max(0, Math.min(startCp, cps));
        int e = Math.max(s, Math.min(endCp, cps));
        int start = text.offsetByCodePoints(0, s);
        int end = text.offsetByCodePoints(0, e);
        int before = Math.max(0, start - 200);
        int after = Math.min(text.length(), end + 200);
        String lead = text.substring(before, start);
        String span = text.substring(start, end);
        if (span.length() > 4000) {
            span = span.substring(0, 2000) + "\n[…]\n" + span.substring(span.length() - 2000);
        }
        return Html.of("{}{}<mark>{}</mark>{}{}", before > 0 ? "…" : "", lead, span, text.substring(end, after),
                after < text.length() ? "…" : "");
    }

    private void apiList(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        services.recordList(viewer, "material.view");
        Json.ok(ctx, Map.of("items", load().registry().list()));
    }

    private void apiAssess(Context ctx) throws IOException {
        Outcome o = assess(ctx);
        FileAssessment a = o.assessment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", o.name());
        m.put("status", a.status());
        m.put("reason", a.reason());
        m.put("highestLevel", a.highestLevel());
        m.put("verdict", a.verdict());
        m.put("coverage", a.coverage());
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Match x : a.matches()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("item", x.item());
            mm.put("itemName", x.itemName());
            mm.put("level", x.level());
            mm.put("suspectStart", x.suspectStart());
            mm.put("suspectEnd", x.suspectEnd());
            mm.put("itemStart", x.itemStart());
            mm.put("itemEnd", x.itemEnd());
            matches.add(mm);
        }
        m.put("matches", matches);
        m.put("sha256", o.sha256());
        Json.ok(ctx, m);
    }
}
