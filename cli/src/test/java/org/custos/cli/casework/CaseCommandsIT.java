package org.custos.cli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.cli.CommandRun;
import org.custos.report.reference.SentencingLanguage;
import org.custos.core.casefile.Evidence;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code custos case} and {@code custos account} commands against a real embedded store and audit log. */
class CaseCommandsIT {

    @TempDir
    Path dir;

    Path data;

    @BeforeEach
    void organization() {
        data = dir.resolve("data");
        CaseData.fill(data);
    }

    CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        return CommandRun.of(all.toArray(String[]::new));
    }

    void accounts() {
        assertThat(run("account", "add", "boss", "--role", "admin").code()).isZero();
        assertThat(run("account", "add", "ivan", "--role", "investigator", "--as", "boss").code()).isZero();
        assertThat(run("account", "add", "ana", "--role", "analyst", "--as", "boss").code()).isZero();
        assertThat(run("account", "add", "audrey", "--role", "auditor", "--as", "boss").code()).isZero();
    }

    String openFromAlert() {
        CommandRun open = run("case", "open", "--alert", CaseData.ALERT, "--as", "ana");
        assertThat(open.code()).as(open.err()).isZero();
        Matcher m = Pattern.compile("opened (C-\\d{4}-\\d{4})").matcher(open.out());
        assertThat(m.find()).as(open.out()).isTrue();
        return m.group(1);
    }

    List<AuditRecord> auditLog() throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(data, 0, records::add);
        return records;
    }

    @Test
    void aFreshDataDirectoryRefusesCaseWorkAndSaysHowToCreateTheFirstAccount() {
        CommandRun list = run("case", "list", "--as", "ivan");
        assertThat(list.code()).isEqualTo(2);
        assertThat(list.err()).contains("no accounts").contains("custos account add NAME --role admin");

        CommandRun notAdmin = run("account", "add", "ivan", "--role", "investigator");
        assertThat(notAdmin.code()).isEqualTo(2);
        assertThat(notAdmin.err()).contains("the first account must be an admin");

        CommandRun first = run("account", "add", "boss", "--role", "admin");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("account boss (admin) created").contains("dashboard password (shown once): ");

        CommandRun byInvestigator = run("account", "add", "eve", "--role", "admin", "--as", "boss");
        assertThat(byInvestigator.code()).isZero();
        assertThat(run("account", "add", "ivan", "--role", "investigator", "--as", "boss").code()).isZero();
        CommandRun refused = run("account", "add", "mallory", "--role", "admin", "--as", "ivan");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("only an admin may add accounts");
        assertThat(run("account", "list").out()).contains("boss", "eve", "ivan").doesNotContain("mallory");
    }

    @Test
    void aCaseGoesFromAlertToReferralWithNotesEvidenceAndAReport() throws IOException {
        accounts();
        Path plan = dir.resolve("plan.txt");
        Files.writeString(plan, "Guidance section plan for Project 7, second revision, with the test schedule.");
        CommandRun registered = CommandRun.of("registry", "add", "--level", "confidential", "--project", "Project 7",
                plan.toString(), "--data", data.toString());
        assertThat(registered.code()).as(registered.err()).isZero();
        String id = openFromAlert();
        CommandRun show = run("case", "show", id, "--as", "ana");
        String pseudonym = show.out().lines().filter(l -> l.startsWith("subjects: ")).findFirst().orElseThrow()
                .substring("subjects: ".length()).strip();
        assertThat(show.out()).contains("status:   open")
                .contains("from alert " + CaseData.ALERT.replace(CaseData.QI, pseudonym))
                .doesNotContain(CaseData.QI).doesNotContain("Qi Wen");

        assertThat(run("case", "assign", id, "ivan", "--as", "ana").code()).isEqualTo(1);
        assertThat(run("case", "assign", id, "ana", "--as", "ivan").err()).contains("ana is analyst");
        assertThat(run("case", "assign", id, "ivan", "--as", "ivan").out()).contains(id + " assigned to ivan");
        assertThat(run("case", "status", id, "investigating", "--as", "ivan").out())
                .contains("open -> investigating");
        assertThat(run("case", "note", id, "Badge", "records:", "left", "20:05", "with", "绝密", "folder",
                "--as", "ivan").out()).contains("note #1 added");

        Path photo = dir.resolve("photo-1.jpg");
        byte[] photoBytes = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, 0x42};
        Files.write(photo, photoBytes);
        Path assessment = dir.resolve("assessment.json");
        Files.writeString(assessment, """
                {"files": [{"path": "seized/photo-1.jpg", "status": "assessed", "reason": null,
                  "highestLevel": "confidential", "verdict": "contains 1 registered item, highest level confidential",
                  "coverage": 0.5, "matches": [{"item": "ec0ca15db605", "itemName": "plan.txt",
                  "level": "confidential", "suspectStart": 0, "suspectEnd": 40, "itemStart": 10, "itemEnd": 50}]}]}
                """);
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, """
                {"file": "seized/photo-1.jpg", "found": [{"recipient": "QIX0001", "copy": "copy-0007",
                 "method": "qr", "issued": "2026-02-27"}]}
                """);
        CommandRun added = run("case", "evidence", "add", id, photo.toString(), assessment.toString(),
                trace.toString(), "--description", "from the seized phone", "--as", "ivan");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains(EvidenceCommand.sha256(photoBytes));
        CommandRun events = run("case", "evidence", "events", id, "{E1}", "{E2}", "--as", "ivan");
        assertThat(events.code()).as(events.err()).isZero();
        assertThat(events.out()).contains("2 event(s) of " + pseudonym);
        CommandRun verify = run("case", "evidence", "verify", id, "--as", "audrey");
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).contains("all 4 piece(s) of evidence intact");
        assertThat(run("case", "status", id, "referred", "--as", "ivan").out())
                .contains("investigating -> referred");

        CommandRun reveal = run("case", "reveal", id, pseudonym, "--as", "ivan");
        assertThat(reveal.code()).as(reveal.err()).isZero();
        assertThat(reveal.out()).contains(pseudonym + " = " + CaseData.QI + " (Qi Wen)");

        Path html = dir.resolve("case.html");
        Path pdf = dir.resolve("case.pdf");
        CommandRun report = run("case", "report", id, "--html", html.toString(), "--pdf", pdf.toString(),
                "--references", "--as", "ivan");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("names revealed (audited)");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String out : List.of(page, text)) {
            String squashed = out.replaceAll("\\s+", "");
            for (String expected : List.of(id, "referred", "Qi Wen", pseudonym, "removable device connect",
                    "file-to-removable-media", "23.5", "Project 7", "confidential plan.txt (Project 7, granted)",
                    "handled: 1 file events", "contains 1 registered item", "ec0ca15db605",
                    "recipient QIX0001", "copy copy-0007", "Badge records", "case.open", "case.evidence.add",
                    "case.reveal", "case.report", "Article 111", "Counter-espionage Law",
                    EvidenceCommand.sha256(photoBytes))) {
                assertThat(squashed).contains(expected.replaceAll("\\s+", ""));
            }
            assertThat(SentencingLanguage.find(out)).isEmpty();
        }

        List<AuditRecord> log = auditLog();
        assertThat(log).extracting(r -> r.entry().action()).contains("case.open", "case.view", "case.assign",
                "case.status", "case.note", "case.evidence.add", "case.evidence.verify", "case.reveal",
                "case.report", "case.refused");
        assertThat(log).filteredOn(r -> r.entry().action().startsWith("case."))
                .allSatisfy(r -> {
                    assertThat(r.entry().from()).isNotBlank();
                    assertThat(r.entry().details()).containsKey("osUser");
                });
        assertThat(log).filteredOn(r -> r.entry().action().equals("case.reveal"))
                .allSatisfy(r -> assertThat(r.entry().subject()).isEqualTo(pseudonym))
                .extracting(r -> r.entry().actor()).containsOnly("ivan");
        assertThat(log).noneSatisfy(r -> assertThat(r.entry().toString()).containsAnyOf("Qi Wen", CaseData.QI));
    }

    @Test
    void revealIsOnlyForAnInvestigatorOnAnActiveCaseCoveringThePerson() throws IOException {
        accounts();
        String id = openFromAlert();
        String other = run("case", "open", "--subject", CaseData.ANA, "--title", "Second look", "--as", "ivan")
                .out().replaceAll("(?s).*opened (C-\\d{4}-\\d{4}).*", "$1");
        String anaPseudonym = run("case", "show", other, "--as", "ivan").out().lines()
                .filter(l -> l.startsWith("subjects: ")).findFirst().orElseThrow().substring(10).strip();

        CommandRun analyst = run("case", "reveal", id, "--as", "ana");
        assertThat(analyst.code()).isEqualTo(1);
        assertThat(analyst.err()).contains("refused: ana is an analyst").doesNotContain("Qi Wen");
        CommandRun auditor = run("case", "reveal", id, "--as", "audrey");
        assertThat(auditor.code()).isEqualTo(1);
        CommandRun notCovered = run("case", "reveal", id, anaPseudonym, "--as", "ivan");
        assertThat(notCovered.code()).isEqualTo(1);
        assertThat(notCovered.err()).contains("does not cover").doesNotContain("Ana Bell");

        assertThat(run("case", "status", id, "closed", "--outcome", "no-issue-found", "--as", "ivan").code())
                .isZero();
        CommandRun closed = run("case", "reveal", id, "--as", "ivan");
        assertThat(closed.code()).isEqualTo(1);
        assertThat(closed.err()).contains("is closed").doesNotContain("Qi Wen");

        Path html = dir.resolve("closed.html");
        assertThat(run("case", "report", id, "--html", html.toString(), "--as", "ivan").code()).isZero();
        assertThat(Files.readString(html)).doesNotContain("Qi Wen").doesNotContain(CaseData.QI + ",");

        List<AuditRecord> refusals = auditLog().stream()
                .filter(r -> r.entry().action().equals("case.refused")).toList();
        assertThat(refusals).extracting(r -> r.entry().actor()).contains("ana", "audrey", "ivan");
        assertThat(refusals).allSatisfy(r -> assertThat(r.entry().details()).containsEntry("asked", "case.reveal"));
        assertThat(auditLog()).noneMatch(r -> r.entry().action().equals("case.reveal"));
    }

    @Test
    void reportsListACustomReferencePackAndRefuseABadOneNamingEveryProblem() throws IOException {
        accounts();
        String id = openFromAlert();
        Path pack = dir.resolve("pack.json");
        Files.writeString(pack, """
                {"format": 1, "id": "ours", "title": "Provisions our legal office lists",
                 "references": [{"id": "osa-1", "law": "Official Secrets Act", "article": "Section 1",
                   "title": "Spying", "summary": "Obtaining or passing on information useful to an enemy."}]}
                """);
        Path html = dir.resolve("custom.html");
        CommandRun ok = run("case", "report", id, "--html", html.toString(), "--references", pack.toString(),
                "--as", "audrey");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("subjects as pseudonyms");
        assertThat(Files.readString(html)).contains("Official Secrets Act", "Section 1", "Provisions our legal office")
                .doesNotContain("Article 111").doesNotContain("Qi Wen");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"format": 2, "id": "bad", "title": "Bad",
                 "references": [{"id": "x", "law": "Some Act", "article": "", "title": "Leaks",
                   "summary": "Leaking is punished with a fine of up to 5,000."}]}
                """);
        CommandRun refused = run("case", "report", id, "--html", dir.resolve("bad.html").toString(),
                "--references", bad.toString(), "--as", "audrey");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("format: expected 1, found 2", "references[0].article",
                "references[0].summary: states a punishment");
        assertThat(dir.resolve("bad.html")).doesNotExist();
    }

    @Test
    void statusMovesFollowTheCaseLifecycleAndClosingNeedsAnOutcome() {
        accounts();
        String id = openFromAlert();
        assertThat(run("case", "status", id, "referred", "--as", "ivan").err())
                .contains("is open and cannot move to referred");
        CommandRun noOutcome = run("case", "status", id, "closed", "--as", "ivan");
        assertThat(noOutcome.code()).isEqualTo(2);
        assertThat(noOutcome.err()).contains("needs --outcome");
        assertThat(run("case", "status", id, "closed", "--outcome", "maybe", "--as", "ivan").err())
                .contains("unknown outcome 'maybe'");
        assertThat(run("case", "status", id, "closed", "--outcome", "insufficient-evidence", "--as", "ivan").out())
                .contains("open -> closed (outcome: insufficient-evidence)");
        assertThat(run("case", "note", id, "late", "thought", "--as", "ivan").code()).isEqualTo(1);
        assertThat(run("case", "status", id, "investigating", "--as", "ivan").code()).isZero();
        assertThat(run("case", "list", "--status", "investigating", "--as", "audrey").out()).contains(id);
        assertThat(run("case", "show", "C-1999-0001", "--as", "ivan").code()).isEqualTo(2);

        String pseudonym = run("case", "show", id, "--as", "ivan").out().lines()
                .filter(l -> l.startsWith("subjects: ")).findFirst().orElseThrow().substring(10).strip();
        CommandRun byPseudonym = run("case", "open", "--alert", CaseData.ALERT.replace(CaseData.QI, pseudonym),
                "--as", "ana");
        assertThat(byPseudonym.code()).as(byPseudonym.err()).isZero();
        assertThat(byPseudonym.out()).contains("subjects: " + pseudonym);
    }

    @Test
    void storedEvidenceIsNeverAlteredAndAChangedCopyIsCaught() throws IOException {
        accounts();
        String id = openFromAlert();
        Path photo = dir.resolve("photo.jpg");
        byte[] bytes = "a photograph of page 3, pretend JPEG".getBytes(StandardCharsets.UTF_8);
        Files.write(photo, bytes);
        String sha = EvidenceCommand.sha256(bytes);
        assertThat(run("case", "evidence", "add", id, photo.toString(), "--as", "ivan").out()).contains(sha);

        Files.writeString(photo, "the original file changed afterwards");
        assertThat(run("case", "evidence", "verify", id, "--as", "ivan").code()).isZero();
        try (Store store = Stores.open(data.toString())) {
            Evidence e = store.evidence(id).get(0);
            assertThat(e.sha256()).isEqualTo(sha);
            assertThat(store.evidenceContent(e.id())).isEqualTo(bytes);
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("custos.duckdb"));
                PreparedStatement ps = c.prepareStatement("UPDATE evidence_blobs SET content = ? WHERE sha256 = ?")) {
            ps.setBytes(1, "tampered".getBytes(StandardCharsets.UTF_8));
            ps.setString(2, sha);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        CommandRun verify = run("case", "evidence", "verify", id, "--as", "ivan");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out()).contains("ALTERED").contains("1 of 1 piece(s) of evidence FAILED the check");
        Path html = dir.resolve("tampered.html");
        assertThat(run("case", "report", id, "--html", html.toString(), "--as", "ivan").code()).isZero();
        assertThat(Files.readString(html)).contains("class=bad>ALTERED");
    }
}
