package org.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachedReportsTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void summarizesEachSuspectFileOfAnAssessment() {
        byte[] json = utf8("""
                {"files": [
                  {"path": "seized/a.jpg", "status": "assessed", "reason": null, "highestLevel": "confidential",
                   "matches": [{"item": "ec0ca15db605", "itemName": "plan.txt", "level": "confidential"},
                               {"item": "ec0ca15db605", "itemName": "plan.txt", "level": "confidential"}]},
                  {"path": "seized/b.pdf", "status": "assessed", "reason": null, "highestLevel": null, "matches": []},
                  {"path": "seized/c.docx", "status": "not-assessed", "reason": "encrypted or password-protected",
                   "highestLevel": null, "matches": []}],
                 "candidateSourcesOverall": ["QIX0001", "ANB0002"]}
                """);

        var summary = AttachedReports.assessment("E-3", "assessment.json", json).orElseThrow();

        assertThat(summary.files()).containsExactly(
                "seized/a.jpg: highest level confidential - ec0ca15db605 plan.txt (confidential)",
                "seized/b.pdf: no registered material",
                "seized/c.docx: not assessed: encrypted or password-protected",
                "people who had access to every item matched: 2");
        assertThat(AttachedReports.trace("E-3", "assessment.json", json)).isEmpty();
    }

    @Test
    void summarizesEveryRecipientATraceNames() {
        byte[] json = utf8("""
                {"input": "photo.jpg", "results": [
                  {"recipient": "QIX0001", "copy": "copy-0007", "confidence": 0.98, "region": {"x": 1}},
                  {"recipient": "ANB0002", "copy": "copy-0011", "confidence": null}]}
                """);

        var summary = AttachedReports.trace("E-4", "trace.json", json).orElseThrow();

        assertThat(summary.lines()).containsExactly("recipient QIX0001, copy copy-0007, confidence 0.98",
                "recipient ANB0002, copy copy-0011");
        assertThat(AttachedReports.assessment("E-4", "trace.json", json)).isEmpty();
    }

    @Test
    void leavesOtherFilesAlone() {
        assertThat(AttachedReports.trace("E-1", "photo.jpg", new byte[] {1, 2, 3})).isEmpty();
        assertThat(AttachedReports.trace("E-1", "notes.json", utf8("{\"a\": [1, 2]}"))).isEmpty();
        assertThat(AttachedReports.assessment("E-1", "broken.json", utf8("{\"files\": ["))).isEmpty();
    }
}
