package org.custos.material.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {

    private static final String SENTENCE = "The injector plate was redesigned by the thermal group";
    private final TextExtractor extractor = TextExtractor.standard();

    @Test
    void plainTextIsKeptExactlyAsWritten(@TempDir Path tmp) throws IOException {
        String text = "  机密 line one\r\nline two\n\n";
        Path file = Files.writeString(tmp.resolve("a.txt"), text);
        ExtractedText t = (ExtractedText) single(extractor.extract(file));
        assertThat(t.text()).isEqualTo(text);
        assertThat(t.name()).isEqualTo("a.txt");
        assertThat(t.method()).isEqualTo("text");
        assertThat(t.sha256()).hasSize(64);
    }

    @Test
    void officeDocumentsHtmlAndMailAreReadThroughTika(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = Map.of(
                "a.docx", docx(SENTENCE),
                "a.xlsx", xlsx(SENTENCE),
                "a.pptx", pptx(SENTENCE),
                "a.odt", odt(SENTENCE),
                "a.html", ("<html><head><script>alert('x')</script></head><body><p>" + SENTENCE
                        + "</p></body></html>").getBytes(StandardCharsets.UTF_8),
                "a.eml", ("From: a@example.org\r\nTo: b@example.org\r\nSubject: plan\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + SENTENCE + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = Files.write(tmp.resolve(e.getKey()), e.getValue());
            Extraction x = single(extractor.extract(file));
            assertThat(x).as(e.getKey()).isInstanceOf(ExtractedText.class);
            assertThat(((ExtractedText) x).text()).as(e.getKey()).contains(SENTENCE);
        }
    }

    @Test
    void pdfTextLayerIsReadPageByPage(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("a.pdf");
        try (PDDocument pdf = new PDDocument()) {
            for (String line : List.of("First page words", SENTENCE)) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                    s.beginText();
                    s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    s.newLineAtOffset(72, 700);
                    s.showText(line);
                    s.endText();
                }
            }
            pdf.save(file.toFile());
        }
        ExtractedText t = (ExtractedText) single(extractor.extract(file));
        assertThat(t.method()).isEqualTo("pdf");
        assertThat(t.text()).contains("First page words").contains(SENTENCE);
    }

    @Test
    void imagesAndScannedPdfPagesAreReadByTesseract(@TempDir Path tmp) throws IOException {
        BufferedImage image = textImage("CUSTOS REGISTRY");
        Path png = tmp.resolve("scan.png");
        ImageIO.write(image, "png", png.toFile());
        ExtractedText fromImage = (ExtractedText) single(extractor.extract(png));
        assertThat(fromImage.method()).isEqualTo("ocr");
        assertThat(fromImage.text()).contains("CUSTOS REGISTRY");

        Path pdf = tmp.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(x, 20, 500, 560, 140);
            }
            doc.save(pdf.toFile());
        }
        ExtractedText fromPdf = (ExtractedText) single(extractor.extract(pdf));
        assertThat(fromPdf.method()).isEqualTo("pdf+ocr");
        assertThat(fromPdf.text()).contains("CUSTOS REGISTRY");
    }

    @Test
    void aMissingTesseractIsNamedInTheReason(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("scan.png");
        ImageIO.write(textImage("HELLO"), "png", png.toFile());
        TextExtractor without = new TextExtractor(new Ocr("custos-no-such-tesseract", "eng"),
                ExtractionLimits.DEFAULT);
        ExtractionFailure f = (ExtractionFailure) single(without.extract(png));
        assertThat(f.reason()).contains("tesseract").contains("apt-get install tesseract-ocr");
    }

    @Test
    void foldersAndArchivesExpandToTheirFiles(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(dir.resolve("b.txt"), "bee text");
        Files.writeString(tmp.resolve("in/a.txt"), "ay text");
        byte[] inner = zip(Map.of("deep.txt", "deep text".getBytes(StandardCharsets.UTF_8)));
        Files.write(tmp.resolve("in/c.zip"), zip(Map.of("docs/one.txt", "one text".getBytes(StandardCharsets.UTF_8),
                "inner.zip", inner)));
        List<Extraction> all = extractor.extract(tmp.resolve("in"));
        assertThat(all).allMatch(e -> e instanceof ExtractedText);
        assertThat(all.stream().map(Extraction::path).map(p -> p.replace(tmp.toString(), "")).sorted().toList())
                .containsExactly("/in/a.txt", "/in/c.zip!/docs/one.txt", "/in/c.zip!/inner.zip!/deep.txt",
                        "/in/sub/b.txt");
        assertThat(all.stream().map(e -> ((ExtractedText) e).name()).sorted().toList())
                .containsExactly("a.txt", "b.txt", "deep.txt", "one.txt");
    }

    @Test
    void archivesBeyondTheLimitsFailWithAReason(@TempDir Path tmp) throws IOException {
        byte[] big = new byte[200_000];
        Path bomb = Files.write(tmp.resolve("bomb.zip"), zip(Map.of("zeros.txt", big)));
        TextExtractor small = new TextExtractor(new Ocr("tesseract", "eng"),
                new ExtractionLimits(1 << 20, 100_000, 10, 1, 1 << 20));
        assertThat(((ExtractionFailure) single(small.extract(bomb))).reason()).contains("zip bomb");

        byte[] nested = zip(Map.of("inner.zip", zip(Map.of("x.txt", "x".getBytes(StandardCharsets.UTF_8)))));
        Path deep = Files.write(tmp.resolve("deep.zip"), nested);
        assertThat(((ExtractionFailure) single(small.extract(deep))).reason()).contains("nested deeper than 1");
    }

    @Test
    void corruptAndMissingFilesFailWithOneLineReasons(@TempDir Path tmp) throws IOException {
        byte[] docx = docx(SENTENCE);
        Path broken = Files.write(tmp.resolve("broken.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));
        ExtractionFailure f = (ExtractionFailure) single(extractor.extract(broken));
        assertThat(f.path()).endsWith("broken.docx");
        assertThat(f.reason()).isNotBlank().doesNotContain("\n");
        ExtractionFailure missing = (ExtractionFailure) single(extractor.extract(tmp.resolve("nope.txt")));
        assertThat(missing.reason()).isEqualTo("no such file");
    }

    @Test
    void aZipWithNoReadableMemberStillGetsAReason(@TempDir Path tmp) throws IOException {
        Path empty = Files.write(tmp.resolve("empty.zip"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0});
        ExtractionFailure f = (ExtractionFailure) single(extractor.extract(empty));
        assertThat(f.reason()).isEqualTo("archive with no readable member");
    }

    @Test
    void aDocumentThatTripsAParsersOwnAssertionGetsAReasonInsteadOfEscaping(@TempDir Path tmp) throws IOException {
        // found by TextExtractorFuzzTest: Tika's RTF parser asserts on a stray group end; with -ea (as in tests) the
        // AssertionError escaped extraction
        Path rtf = Files.writeString(tmp.resolve("stray.rtf"), "}");
        ExtractionFailure f = (ExtractionFailure) single(extractor.extract(rtf));
        assertThat(f.reason()).isEqualTo("corrupt or unreadable: the parser's own consistency check failed");
    }

    @Test
    void aZipMemberInACompressionThisBuildCannotReadGetsAReasonInsteadOfEscaping(@TempDir Path tmp)
            throws IOException {
        // found by TextExtractorFuzzTest: a member declaring Zstandard (method 93) made Tika's zip detection load
        // zstd-jni, which is not on the class path, and the NoClassDefFoundError escaped extraction
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putStored(zip, "plan.txt", "The reactor cooling plan is confidential.".getBytes(StandardCharsets.UTF_8));
        }
        byte[] zstd = bytes.toByteArray();
        zstd[8] = 93; // the local header's compression method
        Path file = Files.write(tmp.resolve("plans.zip"), zstd);

        List<Extraction> out = extractor.extract(file);

        assertThat(out).singleElement().extracting(x -> ((ExtractionFailure) x).reason()).isEqualTo(
                "unreadable: needs a component this build does not include (com.github.luben.zstd.ZstdInputStream)");
    }

    @Test
    void anEncryptedPdfIsNamedAsSuch(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("locked.pdf");
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(file.toFile());
        }
        ExtractionFailure f = (ExtractionFailure) single(extractor.extract(file));
        assertThat(f.reason()).isEqualTo("encrypted or password-protected");
    }

    private static Extraction single(List<Extraction> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    static BufferedImage textImage(String text) {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 90));
        g.drawString(text, 40, 190);
        g.dispose();
        return image;
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx(String text) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("plan").createRow(0).createCell(0).setCellValue(text);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pptx(String text) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText(text);
            show.write(out);
            return out.toByteArray();
        }
    }

    /** Writes a member without compression (a stored entry needs its size and CRC up front). */
    private static void putStored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] odt(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putStored(zip, "mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            put(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """);
            put(zip, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                     <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                    </office:document-content>
                    """.formatted(text));
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                ((OutputStream) zip).write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
