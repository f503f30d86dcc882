package org.custos.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.report.reference.Reference;
import org.custos.report.reference.ReferencePack;

/**
 * HtmlCaseReport writes a case report as one self-contained HTML page: no script, charts as inline SVG, so it opens
 * from disk, prints, and passes any content-security policy.
 */
public final class HtmlCaseReport {

    /**
     * The report's only style sheet, inline in its head: a page that serves the report can allow exactly this
     * style by its hash in a Content-Security-Policy. The report has no script and no style attributes.
     */
    public static final String STYLE =
            "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;"
            + "color:#1d2733;max-width:1100px}"
            + "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
            + "td,th{border-bottom:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top;"
            + "overflow-wrap:anywhere}"
            + "th{background:#f3f6f9;white-space:nowrap}"
            + ".num{text-align:right;font-variant-numeric:tabular-nums}"
            + ".mono{font-family:monospace;font-size:.85em;word-break:break-all}.muted{color:#667}"
            + ".bad{color:#a40000;font-weight:bold}svg text{font-size:10px;fill:#334}"
            + "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}";

    private HtmlCaseReport() {
    }

    /** Writes the report to {@code file} (UTF-8), through a temporary file so a crash never leaves half a page. */
    public static void write(CaseReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".case-report", ".tmp");
        try {
            Files.writeString(tmp, render(report), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The report as an HTML document. */
    public static String render(CaseReport r) {
        CaseReport.Header hd = r.header();
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Case ")
                .append(esc(hd.caseId())).append(" — Custos</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>Case ").append(esc(hd.caseId())).append(": ").append(esc(hd.title())).append("</h1>\n<dl>");
        dt(h, "Status", hd.status() + (hd.outcome() == null ? "" : " (outcome: " + hd.outcome() + ")"));
        dt(h, "Subjects", String.join("; ", hd.subjects().stream().map(CaseReport.Subject::shown).toList()));
        dt(h, "Opened", ReportText.time(hd.openedAt()) + " by " + hd.openedBy()
                + (hd.alertId() == null ? " (by hand)" : " from alert " + hd.alertId()));
        dt(h, "Assigned to", ReportText.orDash(hd.assignee()));
        dt(h, "Prepared for", hd.viewer() + " (" + hd.viewerRole() + ") on " + hd.host() + " at "
                + ReportText.time(hd.preparedAt()));
        h.append("</dl>\n<p class=muted>").append(esc(ReportText.LEADS)).append(' ')
                .append(esc(ReportText.PSEUDONYMS)).append("</p>\n");
        if (!r.notices().isEmpty()) {
            h.append("<ul class=muted>");
            r.notices().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>\n");
        }

        h.append("<h2>Timeline</h2>\n");
        if (r.timeline().isEmpty()) {
            h.append("<p class=muted>No events of the subjects are in the store.</p>\n");
        } else {
            boolean many = hd.subjects().size() > 1;
            List<String> head = many ? List.of("Time", "Subject", "Kind", "Host", "What", "Indicators", "Event")
                    : List.of("Time", "Kind", "Host", "What", "Indicators", "Event");
            table(h, head, r.timeline().stream().map(e -> {
                List<String> row = new java.util.ArrayList<>(List.of(ReportText.time(e.time()), e.kind(),
                        ReportText.orDash(e.host()), e.what(), String.join(", ", e.indicators()), e.id()));
                if (many) {
                    row.add(1, e.subject());
                }
                return row;
            }).toList(), head.size() - 1);
        }

        h.append("<h2>Indicators and their events</h2>\n");
        Map<String, List<CaseReport.DailyScore>> bySubject = new LinkedHashMap<>();
        r.daily().forEach(d -> bySubject.computeIfAbsent(d.subject(), s -> new ArrayList<>()).add(d));
        bySubject.forEach((subject, days) -> {
            h.append("<h3>Daily risk of ").append(esc(subject)).append("</h3>\n");
            chart(h, days);
        });
        if (hd.alert() != null) {
            CaseReport.AlertSummary a = hd.alert();
            h.append("<p><b>Alert ").append(esc(hd.alertId())).append("</b> at ").append(esc(ReportText.time(a.time())))
                    .append(": score ").append(ReportText.points(a.score())).append(", indicators ")
                    .append(esc(String.join(", ", a.indicators()))).append(".<br><span class=muted>")
                    .append(esc(a.story())).append("</span></p>\n");
        }
        if (r.findings().isEmpty()) {
            h.append("<p class=muted>No indicator fired for the subjects.</p>\n");
        } else {
            table(h, List.of("Subject", "Indicator", "Stage", "Points", "Events", "First", "Last", "Why", "Event ids"),
                    r.findings().stream().map(f -> List.of(f.subject(), f.indicator(), f.category(),
                            ReportText.points(f.points()), String.valueOf(f.eventCount()),
                            ReportText.time(f.first()), ReportText.time(f.last()), f.explanation(),
                            ReportText.ids(f.eventIds(), 20, f.eventCount()))).toList(), 8);
        }

        h.append("<h2>Exposure</h2>\n");
        if (r.exposure().isEmpty()) {
            h.append("<p class=muted>No exposure was computed for this report.</p>\n");
        }
        for (CaseReport.Exposure e : r.exposure()) {
            h.append("<h3>").append(esc(e.subject())).append("</h3>\n<p>").append(esc(e.status())).append("</p>\n");
            list(h, "Projects granted", e.projects());
            list(h, "Registered items", e.items());
        }

        h.append("<h2>Assessments and mark traces</h2>\n");
        if (r.assessments().isEmpty() && r.traces().isEmpty()) {
            h.append("<p class=muted>No assessment report or mark trace is attached as evidence.</p>\n");
        }
        for (CaseReport.AssessmentSummary a : r.assessments()) {
            list(h, "Assessment " + a.name() + " (evidence " + a.evidenceId() + ")", a.files());
        }
        for (CaseReport.TraceSummary t : r.traces()) {
            list(h, "Mark trace " + t.name() + " (evidence " + t.evidenceId() + ")", t.lines());
        }

        h.append("<h2>Notes</h2>\n");
        if (r.notes().isEmpty()) {
            h.append("<p class=muted>No notes.</p>\n");
        } else {
            table(h, List.of("#", "Time", "Author", "Note"), r.notes().stream()
                    .map(n -> List.of(String.valueOf(n.seq()), ReportText.time(n.time()), n.author(), n.text()))
                    .toList(), -1);
        }

        h.append("<h2>Evidence</h2>\n");
        if (r.evidence().isEmpty()) {
            h.append("<p class=muted>No evidence.</p>\n");
        } else {
            h.append("<table><tr><th>Id</th><th>Kind</th><th>Name</th><th>SHA-256</th><th class=num>Size</th>")
                    .append("<th>Added</th><th>Why</th><th>Check</th></tr>\n");
            for (CaseReport.EvidenceItem e : r.evidence()) {
                h.append("<tr><td>").append(esc(e.id())).append("</td><td>").append(esc(e.kind())).append("</td><td>")
                        .append(esc(e.name())).append("</td><td class=mono>").append(esc(e.sha256()))
                        .append("</td><td class=num>").append(esc(ReportText.bytes(e.size()))).append("</td><td>")
                        .append(esc(ReportText.time(e.addedAt()) + " by " + e.addedBy())).append("</td><td>")
                        .append(esc(e.description())).append("</td><td").append("intact".equals(e.check()) ? ">"
                                : " class=bad>").append(esc(e.check())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Audit trail</h2>\n");
        table(h, List.of("#", "Time", "Account", "Action", "Host", "Concerning"), r.audit().stream()
                .map(a -> List.of(String.valueOf(a.seq()), ReportText.time(a.time()), a.actor(), a.action(),
                        a.host(), a.detail())).toList(), -1);

        r.references().ifPresent(pack -> references(h, pack));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void references(StringBuilder h, ReferencePack pack) {
        h.append("<h2>References</h2>\n<p class=muted>").append(esc(ReportText.REFERENCES_ONLY)).append("</p>\n<p>")
                .append(esc(pack.title()));
        if (!pack.jurisdiction().isEmpty()) {
            h.append(" (").append(esc(pack.jurisdiction())).append(')');
        }
        h.append(". ").append(esc(pack.source())).append("</p>\n");
        if (!pack.notice().isEmpty()) {
            h.append("<p class=muted>").append(esc(pack.notice())).append("</p>\n");
        }
        h.append("<table><tr><th>Law</th><th>Article</th><th>About</th><th>Summary</th></tr>\n");
        for (Reference ref : pack.references()) {
            h.append("<tr><td>").append(esc(ref.law())).append("</td><td>").append(esc(ref.article()))
                    .append("</td><td>").append(esc(ref.title())).append("</td><td>").append(esc(ref.summary()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void dt(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        h.append("<p><b>").append(esc(title)).append("</b>: ").append(items.isEmpty() ? "none" : "").append("</p>\n");
        if (!items.isEmpty()) {
            h.append("<ul>");
            items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
            h.append("</ul>\n");
        }
    }

    private static void table(StringBuilder h, List<String> head, List<List<String>> rows, int monoColumn) {
        h.append("<table><tr>");
        head.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append(i == monoColumn ? "<td class=mono>" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void chart(StringBuilder h, List<CaseReport.DailyScore> days) {
        int w = 1000;
        int ht = 160;
        int n = days.size();
        double step = n > 1 ? (w - 40.0) / (n - 1) : 0;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 30 + i * step,
                    10 + (ht - 30) * (1 - days.get(i).score() / 100.0)));
        }
        h.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(ht).append("\" width=\"100%\" role=\"img\" ")
                .append("aria-label=\"daily risk score\">")
                .append("<line x1=\"30\" y1=\"").append(ht - 20).append("\" x2=\"").append(w - 10).append("\" y2=\"")
                .append(ht - 20).append("\" stroke=\"#99a\"/>")
                .append("<line x1=\"30\" y1=\"10\" x2=\"30\" y2=\"").append(ht - 20).append("\" stroke=\"#99a\"/>")
                .append("<text x=\"0\" y=\"14\">100</text><text x=\"8\" y=\"").append(ht - 20).append("\">0</text>")
                .append("<polyline fill=\"none\" stroke=\"#b03a2e\" stroke-width=\"1.5\" points=\"").append(points)
                .append("\"/>");
        for (int i = 0; i < n; i++) {
            CaseReport.DailyScore d = days.get(i);
            if (!d.movers().isEmpty()) {
                h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#b03a2e\">",
                        30 + i * step, 10 + (ht - 30) * (1 - d.score() / 100.0)))
                        .append("<title>").append(esc(d.day() + ": " + ReportText.points(d.score()) + " — "
                                + String.join(", ", d.movers()))).append("</title></circle>");
            }
        }
        h.append("<text x=\"30\" y=\"").append(ht - 4).append("\">").append(days.get(0).day())
                .append("</text><text x=\"").append(w - 80).append("\" y=\"").append(ht - 4).append("\">")
                .append(days.get(n - 1).day()).append("</text></svg>\n");
    }

    /** Text escaped for HTML content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
