package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Outcome;
import org.custos.report.reference.SentencingLanguage;
import org.custos.store.Role;
import org.custos.store.audit.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case report from the dashboard: HTML, PDF and JSON, each recorded in the audit log as a view of every
 * subject's data before it is sent, never cached, subjects under pseudonyms unless an investigator on an active case
 * asks for names, references only from the built-in pack, and no sentencing language.
 */
class CaseReportIT {

    @TempDir
    static Path data;
    static ServerHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static CaseFile openCase() {
        return h.store.openCase("Copies to USB <script>alert(1)</script>", List.of(Fixture.INSIDER),
                "investigator1", Instant.now(), Optional.of(Fixture.alertId()));
    }

    static HttpResponse<byte[]> get(Role role, String path) throws IOException, InterruptedException {
        return h.http.send(h.as(role, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> res) {
        return new String(res.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void everyFormatIsRecordedAsAViewOfTheSubjectBeforeItIsSent() throws Exception {
        CaseFile c = openCase();
        String insider = h.pseudonym(Fixture.INSIDER);
        for (String format : List.of("report.html", "report.pdf")) {
            for (Role role : List.of(Role.ANALYST, Role.INVESTIGATOR)) {
                long before = h.audit.size();
                HttpResponse<byte[]> res = get(role, "/cases/" + c.id() + "/" + format);
                assertThat(res.statusCode()).as(format + " as " + role).isEqualTo(200);
                assertThat(h.audit.durableSize()).as("forced before answering").isGreaterThan(before);
                List<AuditRecord> added = h.entriesFrom(before);
                assertThat(added).as(format).anySatisfy(r -> {
                    assertThat(r.entry().actor()).isEqualTo(ServerHarness.account(role));
                    assertThat(r.entry().role()).isEqualTo(role.id());
                    assertThat(r.entry().action()).isEqualTo("case.report");
                    assertThat(r.entry().subject()).isEqualTo(insider);
                    assertThat(r.entry().objects()).containsExactly(c.id());
                    assertThat(r.entry().details()).containsEntry("names", "pseudonyms")
                            .containsEntry("format", format.substring(format.indexOf('.') + 1));
                    assertThat(r.entry().from()).isEqualTo("127.0.0.1");
                });
                assertThat(added).noneMatch(r -> r.entry().action().equals("case.reveal"));
            }
        }
        long before = h.audit.size();
        assertThat(get(Role.ANALYST, "/api/cases/" + c.id() + "/report").statusCode()).isEqualTo(200);
        assertThat(h.entriesFrom(before)).anySatisfy(r -> {
            assertThat(r.entry().action()).isEqualTo("case.report");
            assertThat(r.entry().subject()).isEqualTo(insider);
            assertThat(r.entry().details()).containsEntry("format", "json");
        });
    }

    @Test
    void htmlReportIsSelfContainedUnderAPolicyThatAllowsOnlyItsOwnStyle() throws Exception {
        CaseFile c = openCase();
        HttpResponse<byte[]> res = get(Role.ANALYST, "/cases/" + c.id() + "/report.html");

        String html = text(res);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(res.headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(html).contains("Case " + c.id(), "Timeline", "Indicators and their events",
                "file-to-removable-media", "Exposure", "Project 1", "Audit trail", "case.report",
                h.pseudonym(Fixture.INSIDER), "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script").doesNotContain("Alice Insider").doesNotContain(Fixture.INSIDER)
                .doesNotContain("References");
        assertThat(SentencingLanguage.find(html)).isEmpty();
    }

    @Test
    void pdfIsAnAttachmentWithTheReferencesAskedForAndNoSentence() throws Exception {
        CaseFile c = openCase();
        HttpResponse<byte[]> res = get(Role.INVESTIGATOR, "/cases/" + c.id()
                + "/report.pdf?references=prc-state-secrets");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(res.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + c.id() + "-report.pdf\"");
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(res.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = pdfText(res.body());
        assertThat(text).contains("Case " + c.id(), "Timeline", "Exposure", "References", "Article 111",
                "Counter-espionage Law", h.pseudonym(Fixture.INSIDER)).doesNotContain("Alice Insider");
        assertThat(SentencingLanguage.find(text)).isEmpty();
    }

    @Test
    void namesAppearOnlyWhenAnInvestigatorOnAnActiveCaseAsksAndTheRevealIsRecorded() throws Exception {
        CaseFile c = openCase();
        String path = "/cases/" + c.id() + "/report.html?names=revealed";

        HttpResponse<byte[]> analyst = get(Role.ANALYST, path);
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(text(analyst)).contains("only an investigator on an active case").doesNotContain("Alice Insider");

        long before = h.audit.size();
        HttpResponse<byte[]> investigator = get(Role.INVESTIGATOR, path);
        assertThat(investigator.statusCode()).isEqualTo(200);
        assertThat(text(investigator)).contains("Alice Insider", Fixture.INSIDER);
        assertThat(h.entriesFrom(before)).anySatisfy(r -> {
            assertThat(r.entry().action()).isEqualTo("case.reveal");
            assertThat(r.entry().subject()).isEqualTo(h.pseudonym(Fixture.INSIDER));
            assertThat(r.entry().details()).containsEntry("in", "case.report");
        });
        assertThat(text(get(Role.INVESTIGATOR, "/cases/" + c.id() + "/report.html")))
                .as("pseudonyms by default").doesNotContain("Alice Insider");

        h.store.moveCase(c.id(), CaseStatus.CLOSED, Optional.of(Outcome.NO_ISSUE_FOUND), "investigator1",
                Instant.now());
        assertThat(get(Role.INVESTIGATOR, path).statusCode()).as("closed case").isEqualTo(403);
    }

    @Test
    void jsonReportCarriesTheSameContent() throws Exception {
        CaseFile c = openCase();
        HttpResponse<String> res = h.send(h.as(Role.ANALYST, "/api/cases/" + c.id()
                + "/report?references=prc-state-secrets").header("Accept", "application/json").GET().build());

        assertThat(res.statusCode()).isEqualTo(200);
        var json = ServerHarness.json(res);
        assertThat(json.at("/header/caseId").asText()).isEqualTo(c.id());
        assertThat(json.at("/header/subjects/0/pseudonym").asText()).isEqualTo(h.pseudonym(Fixture.INSIDER));
        assertThat(json.at("/header/subjects/0/account").isNull()).isTrue();
        assertThat(json.get("timeline").size()).isGreaterThan(0);
        assertThat(json.get("findings").findValuesAsText("indicator")).contains("file-to-removable-media");
        assertThat(json.at("/references/id").asText()).isEqualTo("prc-state-secrets");
        assertThat(json.at("/header/preparedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(res.body()).doesNotContain("Alice Insider");
    }

    @Test
    void badOptionsAndUnknownCasesAreClear4xx() throws Exception {
        CaseFile c = openCase();
        HttpResponse<String> bad = h.send(h.as(Role.ANALYST, "/api/cases/" + c.id()
                + "/report?references=/etc/passwd&names=everyone").GET().build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServerHarness.json(bad).get("error").asText())
                .contains("names: expected pseudonyms or revealed", "references: the dashboard lists only");
        assertThat(h.send(h.as(Role.ANALYST, "/cases/C-2026-99999/report.pdf").GET().build()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> tricked = h.send(h.as(Role.ANALYST, "/cases/..%2F..%2Fetc/report.html").GET().build());
        assertThat(tricked.statusCode()).isBetween(400, 404);
        assertThat(tricked.body()).doesNotContain("root:").doesNotContain("Exception");
    }

    @Test
    void theCasePageOffersBothDownloadsAndNamesOnlyUnderTheRevealRule() throws Exception {
        CaseFile c = openCase();
        String analyst = h.send(h.as(Role.ANALYST, "/cases/" + c.id()).GET().build()).body();
        String investigator = h.send(h.as(Role.INVESTIGATOR, "/cases/" + c.id()).GET().build()).body();

        assertThat(analyst).contains("action=\"/cases/" + c.id() + "/report.html\"",
                "formaction=\"/cases/" + c.id() + "/report.pdf\"", "Case report (HTML)", "Case report (PDF)")
                .doesNotContain("id=\"report-names\"");
        assertThat(investigator).contains("id=\"report-names\"");
    }

    @Test
    void theAuditTrailHoldsEntriesFromBeforeTheServerStartedAndAfter() throws Exception {
        CaseFile c = openCase();
        assertThat(get(Role.ANALYST, "/cases/" + c.id()).statusCode()).isEqualTo(200);
        long earlier = h.audit.size();
        try (DashboardServer second = DashboardServer.start(new DashboardServer.Settings("127.0.0.1", 0, data,
                java.time.Clock.systemUTC(), 1 << 20, 5L << 20, 1L << 20, 10_000), h.store, h.audit, h.pseudonyms)) {
            String base = "http://127.0.0.1:" + second.port();
            HttpResponse<String> signIn = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                    + "/api/session")).header("Content-Type", "application/json").POST(java.net.http.HttpRequest
                    .BodyPublishers.ofString("{\"username\":\"analyst1\",\"password\":\""
                            + ServerHarness.PASSWORD + "\"}")).build());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = cookie.substring(0, cookie.indexOf(';'));
            java.net.http.HttpRequest view = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                    + "/cases/" + c.id())).header("Cookie", cookie).GET().build();
            assertThat(h.send(view).statusCode()).isEqualTo(200);

            HttpResponse<String> res = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                    + "/api/cases/" + c.id() + "/report")).header("Cookie", cookie).GET().build());

            assertThat(res.statusCode()).isEqualTo(200);
            var audit = ServerHarness.json(res).get("audit");
            List<Long> seqs = new java.util.ArrayList<>();
            audit.forEach(a -> seqs.add(a.get("seq").asLong()));
            assertThat(seqs).isSorted().anyMatch(s -> s < earlier).anyMatch(s -> s >= earlier);
            assertThat(audit.findValuesAsText("action")).contains("case.view", "case.report");
            for (long s : seqs) {
                assertThat(h.audit.entry(s).entry().objects()).as("entry " + s).contains(c.id());
            }
            long all = h.entriesFrom(0).stream().filter(r -> r.entry().objects().contains(c.id())).count();
            assertThat(seqs).hasSize((int) all);
        }
    }
}
