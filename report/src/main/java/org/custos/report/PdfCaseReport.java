package org.custos.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.custos.material.pdf.PdfFonts;
import org.custos.report.reference.Reference;
import org.custos.report.reference.ReferencePack;

/**
 * PdfCaseReport writes a case report as a PDF with real, extractable text: the same sections as the HTML report, laid
 * out on A4 pages with embedded fonts (a font for Chinese when the machine has one, else {@code [U+XXXX]} escapes).
 */
public final class PdfCaseReport {

    private PdfCaseReport() {
    }

    /** Writes the report to {@code file}, through a temporary file so a crash never leaves half a document. */
    public static void write(CaseReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".case-report", ".tmp");
        try {
            try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.load(doc)) {
                render(report, doc, fonts);
                doc.save(tmp.toFile());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The report as the bytes of a PDF document. */
    public static byte[] bytes(CaseReport report) throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.load(doc)) {
            render(report, doc, fonts);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void render(CaseReport r, PDDocument doc, PdfFonts fonts) throws IOException {
        CaseReport.Header hd = r.header();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Case " + hd.caseId() + ": " + hd.title());
        info.setCreator("Custos");
        info.setSubject("Case report prepared for " + hd.viewer());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(hd.preparedAt().toEpochMilli());
        info.setCreationDate(created);

        PdfPages p = new PdfPages(doc, fonts, "Custos case report " + hd.caseId() + " - prepared for " + hd.viewer()
                + " on " + hd.host() + " at " + ReportText.time(hd.preparedAt()));
        p.heading("Case " + hd.caseId() + ": " + hd.title(), 16);
        p.table(List.of("", ""), new float[] {1, 4}, List.of(
                List.of("Status", hd.status() + (hd.outcome() == null ? "" : " (outcome: " + hd.outcome() + ")")),
                List.of("Subjects", String.join("; ", hd.subjects().stream().map(CaseReport.Subject::shown).toList())),
                List.of("Opened", ReportText.time(hd.openedAt()) + " by " + hd.openedBy()
                        + (hd.alertId() == null ? " (by hand)" : " from alert " + hd.alertId())),
                List.of("Assigned to", ReportText.orDash(hd.assignee())),
                List.of("Prepared for", hd.viewer() + " (" + hd.viewerRole() + ") on " + hd.host() + " at "
                        + ReportText.time(hd.preparedAt()))));
        p.paragraph(ReportText.LEADS + " " + ReportText.PSEUDONYMS, 7.5f, false);
        List<String> notices = new ArrayList<>(r.notices());
        if (!fonts.hasCjk()) {
            notices.add("This machine has no font for Chinese (fc-list :lang=zh is empty; set CUSTOS_PDF_FONT to a "
                    + "TrueType font file): characters the fonts lack appear as [U+XXXX]; the HTML report shows "
                    + "them as written.");
        }
        if (!notices.isEmpty()) {
            p.bullets(notices);
        }

        p.heading("Timeline", 12);
        if (r.timeline().isEmpty()) {
            p.paragraph("No events of the subjects are in the store.", PdfPages.BODY, false);
        } else {
            boolean many = hd.subjects().size() > 1;
            List<String> head = many ? List.of("Time", "Subject", "Kind", "Host", "What", "Indicators", "Event")
                    : List.of("Time", "Kind", "Host", "What", "Indicators", "Event");
            float[] widths = many ? new float[] {1.8f, 1.3f, 0.8f, 1.1f, 3.0f, 2.0f, 1.6f}
                    : new float[] {1.6f, 0.7f, 1.0f, 3.4f, 2.0f, 1.9f};
            p.table(head, widths, r.timeline().stream().map(e -> {
                List<String> row = new ArrayList<>(List.of(ReportText.time(e.time()), e.kind(),
                        ReportText.orDash(e.host()), e.what(), String.join(", ", e.indicators()), e.id()));
                if (many) {
                    row.add(1, e.subject());
                }
                return row;
            }).toList());
        }

        p.heading("Indicators and their events", 12);
        Map<String, List<CaseReport.DailyScore>> bySubject = new LinkedHashMap<>();
        r.daily().forEach(d -> bySubject.computeIfAbsent(d.subject(), s -> new ArrayList<>()).add(d));
        for (var e : bySubject.entrySet()) {
            List<CaseReport.DailyScore> days = e.getValue();
            p.paragraph("Daily risk of " + e.getKey(), PdfPages.BODY, true);
            p.chart(days.stream().map(CaseReport.DailyScore::score).toList(), days.get(0).day().toString(),
                    days.get(days.size() - 1).day().toString());
            List<List<String>> moving = days.stream().filter(d -> !d.movers().isEmpty())
                    .map(d -> List.of(d.day().toString(), ReportText.points(d.score()), String.join(", ", d.movers())))
                    .toList();
            if (!moving.isEmpty()) {
                p.table(List.of("Day", "Score", "Indicators that fired"), new float[] {1, 0.7f, 5}, moving);
            }
        }
        if (hd.alert() != null) {
            CaseReport.AlertSummary a = hd.alert();
            p.paragraph("Alert " + hd.alertId() + " at " + ReportText.time(a.time()) + ": score "
                    + ReportText.points(a.score()) + ", indicators " + String.join(", ", a.indicators()) + ".",
                    PdfPages.BODY, true);
            p.paragraph(a.story(), 7.5f, false);
        }
        if (r.findings().isEmpty()) {
            p.paragraph("No indicator fired for the subjects.", PdfPages.BODY, false);
        } else {
            p.table(List.of("Subject", "Indicator", "Stage", "Points", "Events", "First - last", "Why", "Event ids"),
                    new float[] {1.2f, 2.0f, 1.3f, 1.0f, 1.05f, 1.9f, 2.7f, 1.8f},
                    r.findings().stream().map(f -> List.of(f.subject(), f.indicator(), f.category(),
                            ReportText.points(f.points()), String.valueOf(f.eventCount()),
                            ReportText.time(f.first()) + " - " + ReportText.time(f.last()), f.explanation(),
                            ReportText.ids(f.eventIds(), 10, f.eventCount()))).toList());
        }

        p.heading("Exposure", 12);
        if (r.exposure().isEmpty()) {
            p.paragraph("No exposure was computed for this report.", PdfPages.BODY, false);
        }
        for (CaseReport.Exposure e : r.exposure()) {
            p.paragraph(e.subject() + ": " + e.status(), PdfPages.BODY, true);
            p.paragraph("Projects granted: " + (e.projects().isEmpty() ? "none" : ""), PdfPages.BODY, false);
            p.bullets(e.projects());
            p.paragraph("Registered items: " + (e.items().isEmpty() ? "none" : ""), PdfPages.BODY, false);
            p.bullets(e.items());
        }

        p.heading("Assessments and mark traces", 12);
        if (r.assessments().isEmpty() && r.traces().isEmpty()) {
            p.paragraph("No assessment report or mark trace is attached as evidence.", PdfPages.BODY, false);
        }
        for (CaseReport.AssessmentSummary a : r.assessments()) {
            p.paragraph("Assessment " + a.name() + " (evidence " + a.evidenceId() + ")", PdfPages.BODY, true);
            p.bullets(a.files());
        }
        for (CaseReport.TraceSummary t : r.traces()) {
            p.paragraph("Mark trace " + t.name() + " (evidence " + t.evidenceId() + ")", PdfPages.BODY, true);
            p.bullets(t.lines());
        }

        p.heading("Notes", 12);
        if (r.notes().isEmpty()) {
            p.paragraph("No notes.", PdfPages.BODY, false);
        } else {
            p.table(List.of("#", "Time", "Author", "Note"), new float[] {0.3f, 1.5f, 1, 5},
                    r.notes().stream().map(n -> List.of(String.valueOf(n.seq()), ReportText.time(n.time()),
                            n.author(), n.text())).toList());
        }

        p.heading("Evidence", 12);
        if (r.evidence().isEmpty()) {
            p.paragraph("No evidence.", PdfPages.BODY, false);
        } else {
            p.table(List.of("Id", "Kind", "Name", "SHA-256", "Size", "Added", "Why", "Check"),
                    new float[] {0.6f, 0.9f, 1.4f, 2.6f, 0.9f, 1.6f, 1.5f, 1},
                    r.evidence().stream().map(e -> List.of(e.id(), e.kind(), e.name(), e.sha256(),
                            ReportText.bytes(e.size()), ReportText.time(e.addedAt()) + " by " + e.addedBy(),
                            e.description(), e.check())).toList());
        }

        p.heading("Audit trail", 12);
        p.table(List.of("#", "Time", "Account", "Action", "Host", "Concerning"),
                new float[] {0.5f, 1.5f, 1.3f, 1.7f, 1, 2.8f},
                r.audit().stream().map(a -> List.of(String.valueOf(a.seq()), ReportText.time(a.time()), a.actor(),
                        a.action(), a.host(), a.detail())).toList());

        if (r.references().isPresent()) {
            ReferencePack pack = r.references().get();
            p.heading("References", 12);
            p.paragraph(ReportText.REFERENCES_ONLY, 7.5f, false);
            p.paragraph(pack.title() + (pack.jurisdiction().isEmpty() ? "" : " (" + pack.jurisdiction() + ")")
                    + ". " + pack.source(), PdfPages.BODY, false);
            if (!pack.notice().isEmpty()) {
                p.paragraph(pack.notice(), 7.5f, false);
            }
            for (Reference ref : pack.references()) {
                p.paragraph(ref.law() + ", " + ref.article() + ": " + ref.title(), PdfPages.BODY, true);
                p.paragraph(ref.summary(), PdfPages.BODY, false);
            }
        }
        p.finish();
    }
}
