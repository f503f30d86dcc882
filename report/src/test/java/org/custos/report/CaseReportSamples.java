package org.custos.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custos.report.reference.ReferencePacks;

/** Sample case reports for the renderer tests: one subject, a few events, a note in Chinese, two evidence items. */
final class CaseReportSamples {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private CaseReportSamples() {
    }

    static CaseReport collector(boolean withReferences) {
        Instant t = Instant.parse("2026-03-02T19:40:00Z");
        CaseReport.Header header = new CaseReport.Header("C-2026-0001", "Copies of project files to USB",
                "investigating", null, "ivan", "ana", t.plusSeconds(86_400 * 3), "QIX0001@1772480400",
                List.of(new CaseReport.Subject("P-7K3FM-92QXA", null, null)), "ivan", "investigator", "sec-ws-01",
                Instant.parse("2026-03-10T09:00:00Z"), new CaseReport.AlertSummary(t.plusSeconds(60), 27.5,
                        List.of("file-to-removable-media"), "file-to-removable-media (23.5): first files copied to "
                                + "removable media in 90 active days"));
        List<CaseReport.TimelineEvent> timeline = List.of(
                new CaseReport.TimelineEvent(t, "P-7K3FM-92QXA", "device", "PC-1234", "{E1}",
                        "connected a removable drive", List.of("removable-media-first-use")),
                new CaseReport.TimelineEvent(t.plusSeconds(60), "P-7K3FM-92QXA", "file", "PC-1234", "{E2}",
                        "copied R:\\projects\\guidance\\制导方案.docx to removable media",
                        List.of("file-to-removable-media")));
        List<CaseReport.Finding> findings = List.of(new CaseReport.Finding("P-7K3FM-92QXA",
                "file-to-removable-media", "exfiltration", 23.5, 2, t, t.plusSeconds(60),
                "copied 14 files to removable media; never before in 90 days", List.of("{E1}", "{E2}")));
        List<CaseReport.DailyScore> daily = List.of(
                new CaseReport.DailyScore("P-7K3FM-92QXA", LocalDate.parse("2026-03-01"), 4.0, List.of()),
                new CaseReport.DailyScore("P-7K3FM-92QXA", LocalDate.parse("2026-03-02"), 27.5,
                        List.of("file-to-removable-media")),
                new CaseReport.DailyScore("P-7K3FM-92QXA", LocalDate.parse("2026-03-03"), 26.0, List.of()));
        List<CaseReport.Exposure> exposure = List.of(new CaseReport.Exposure("P-7K3FM-92QXA",
                "employed since 2025-01-01; current staff",
                List.of("Project 7 2025-01 .. 2026-03 (subsidiary Northern Works)"),
                List.of("ec0ca15db605 confidential plan.docx (Project 7)")));
        List<CaseReport.AssessmentSummary> assessments = List.of(new CaseReport.AssessmentSummary("E-2",
                "assessment.json", List.of("seized/photo-1.jpg: contains 1 registered item, highest level "
                        + "confidential (ec0ca15db605 plan.docx)")));
        List<CaseReport.Note> notes = List.of(new CaseReport.Note(1, "ivan", t.plusSeconds(86_400 * 4),
                "Badge records show him leaving at 20:05 with the folder 绝密 marked copy."));
        List<CaseReport.EvidenceItem> evidence = List.of(
                new CaseReport.EvidenceItem("E-1", "file", "photo-1.jpg", SHA, 183_220, "ivan",
                        t.plusSeconds(86_400 * 4), "photograph found on his phone", "intact"),
                new CaseReport.EvidenceItem("E-2", "file", "assessment.json", SHA.replace('9', '8'), 1_024, "ivan",
                        t.plusSeconds(86_400 * 5), "assessment of the photographs", "intact"));
        List<CaseReport.AuditEntry> audit = List.of(
                new CaseReport.AuditEntry(41, t.plusSeconds(86_400 * 3), "ana", "case.open", "sec-ws-02",
                        "C-2026-0001 P-7K3FM-92QXA"),
                new CaseReport.AuditEntry(57, t.plusSeconds(86_400 * 4), "ivan", "case.note", "sec-ws-01",
                        "C-2026-0001 P-7K3FM-92QXA"));
        return new CaseReport(header, timeline, findings, daily, exposure, assessments, List.of(), notes, evidence,
                audit, withReferences ? Optional.of(ReferencePacks.builtIn()) : Optional.empty(), List.of());
    }
}
