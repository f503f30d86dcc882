package org.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.material.pdf.PdfFonts;
import org.custos.report.reference.SentencingLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportRenderTest {

    @TempDir
    Path dir;

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void pdfHasExtractableTextOfEverySection() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        PdfCaseReport.write(CaseReportSamples.collector(true), pdf);

        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("Case C-2026-0001: Copies of project files to USB", "investigating",
                "P-7K3FM-92QXA", "Timeline", "connected a removable drive", "Indicators and their events",
                "file-to-removable-media", "23.5", "Exposure", "Project 7", "Assessments and mark traces",
                "contains 1 registered item", "Notes", "Evidence", "Audit trail", "case.open", "sec-ws-02",
                "References", "Article 110", "Article 111", "Counter-espionage Law", "Article 54");
        assertThat(text.replaceAll("\\s+", "")).contains(CaseReportSamples.SHA);
    }

    @Test
    void pdfShowsChineseOrNamesItsCodePoints() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        PdfCaseReport.write(CaseReportSamples.collector(false), pdf);
        assertChineseOrCodePoints(pdf);
    }

    @Test
    void reportsMadeOneAfterAnotherAndAtOnceShareTheParsedFontsAndEachEmbedsThem() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<byte[]>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                made.add(pool.submit(() -> PdfCaseReport.bytes(CaseReportSamples.collector(false))));
            }
            for (int i = 0; i < made.size(); i++) {
                Path pdf = dir.resolve("case-" + i + ".pdf");
                Files.write(pdf, made.get(i).get());
                assertChineseOrCodePoints(pdf);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertChineseOrCodePoints(Path pdf) throws IOException {
        String text = pdfText(pdf).replaceAll("\\s+", "");
        boolean cjkFont;
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.load(doc)) {
            cjkFont = fonts.hasCjk();
        }
        if (cjkFont) {
            assertThat(text).contains("绝密", "制导方案.docx");
        } else {
            assertThat(text).contains("[U+7EDD][U+5BC6]", "nofontforChinese");
        }
    }

    @Test
    void reportsProposeNoSentenceOrPenalty() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        CaseReport report = CaseReportSamples.collector(true);
        PdfCaseReport.write(report, pdf);

        assertThat(SentencingLanguage.find(HtmlCaseReport.render(report))).isEmpty();
        assertThat(SentencingLanguage.find(pdfText(pdf))).isEmpty();
    }

    @Test
    void htmlEscapesInvestigatorTextAndKeepsChinese() {
        CaseReport base = CaseReportSamples.collector(false);
        CaseReport report = new CaseReport(base.header(), base.timeline(), base.findings(), base.daily(),
                base.exposure(), base.assessments(), base.traces(),
                java.util.List.of(new CaseReport.Note(1, "ivan", base.header().openedAt(),
                        "<script>alert(1)</script> 绝密")),
                base.evidence(), base.audit(), base.references(), base.notices());

        String html = HtmlCaseReport.render(report);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; 绝密").doesNotContain("<script>")
                .contains("<polyline").contains(CaseReportSamples.SHA).doesNotContain("References");
    }

    @Test
    void htmlChartIsWellFormedSvgWithOnePointPerDay() throws Exception {
        String html = HtmlCaseReport.render(CaseReportSamples.collector(false));
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());

        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        var polyline = (org.w3c.dom.Element) doc.getElementsByTagName("polyline").item(0);
        assertThat(polyline.getAttribute("points").trim().split(" ")).hasSize(3);
        assertThat(polyline.getParentNode().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(1);
    }

    @Test
    void longUnbrokenValuesWrapInsideTheirColumn() throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.load(doc)) {
            PdfPages pages = new PdfPages(doc, fonts, "test");
            var lines = pages.wrap("a".repeat(400) + " tail", false, 8.5f, 100);
            assertThat(lines).hasSizeGreaterThan(3);
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo("a".repeat(400) + "tail");
            for (String line : lines) {
                assertThat(fonts.width(line, false, 8.5f)).isLessThanOrEqualTo(100f);
            }
        }
    }
}
