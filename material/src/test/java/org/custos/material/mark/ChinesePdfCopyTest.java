package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.pdf.PdfFonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marked PDF copies of Chinese items, with the machine's font for Chinese embedded (Debian: fonts-wqy-zenhei, which
 * run-tests installs).
 */
class ChinesePdfCopyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void machineHasAFontForChinese() throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.load(doc)) {
            assertThat(fonts.hasCjk()).as("a font for Chinese (Debian: apt-get install fonts-wqy-zenhei, or set "
                    + "CUSTOS_PDF_FONT)").isTrue();
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Canary.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withoutWhitespace(String s) {
        return s.replaceAll("\\p{javaWhitespace}+", "");
    }

    /** The text of each page; without {@code upright}, also the rotated text (the faint tiles, the side codes). */
    static List<String> pageTexts(Path pdf, boolean upright) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (!upright || Math.abs(text.getTextMatrix().getShearY()) < 1e-3) {
                        super.processTextPosition(text);
                    }
                }
            };
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }

    /**
     * The strings each page's content stream shows in its single-byte fonts, in drawing order. Extracted text cannot
     * count the rotated tiles: the extractor orders their letters by position, and a tile crossing another breaks up.
     */
    private static List<List<String>> shownStrings(Path pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                List<String> shown = new ArrayList<>();
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (token instanceof COSString s) {
                        shown.add(new String(s.getBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
                pages.add(shown);
            }
        }
        return pages;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void setsAChineseItemWhoseExtractedTextIsTheCopysWordingWithItsCodeOnEveryPage() throws IOException {
        CustodyFiles book = CustodyFiles.open(dir.resolve("data"));
        String text = resource("final-regulation.txt");

        Marking.Marked m = new Marking(MarkFixtures.KEY, book).mark(MarkFixtures.item("c2", "涉密载体管理办法.txt", text),
                "王五", "审阅", "clerk", NOW, dir.resolve("copy.pdf"));

        String code = m.copy().code();
        List<String> pages = pageTexts(dir.resolve("copy.pdf"), false);
        List<String> upright = pageTexts(dir.resolve("copy.pdf"), true);
        List<List<String>> shown = shownStrings(dir.resolve("copy.pdf"));
        assertThat(m.text()).isNotEqualTo(text);
        assertThat(pages).hasSize(m.copy().pages()).hasSizeGreaterThan(1);
        StringBuilder body = new StringBuilder();
        for (int p = 1; p <= pages.size(); p++) {
            String page = pages.get(p - 1);
            String margin = "CONTROLLED COPY " + code + "   page " + p + " of " + pages.size();
            // The margins are upright; counted among the rotated tiles, a tile crossing a margin can pull one of its
            // letters out of the line in extraction order (one copy code in four did).
            assertThat(count(upright.get(p - 1), margin)).as("top and bottom margin of page %d", p).isEqualTo(2);
            assertThat(count(page, "COPY " + code)).as("margins and band of page %d", p).isGreaterThanOrEqualTo(2);
            assertThat(shown.get(p - 1).stream().filter(s -> s.contains("COPY " + code)).count())
                    .as("margins, band and faint tiles drawn on page %d", p).isGreaterThan(2 + 4 + 20);
            body.append(withoutWhitespace(upright.get(p - 1)).replace(withoutWhitespace(margin), "")
                    .replace("COPY" + code, ""));
        }
        assertThat(body.toString()).isEqualTo(withoutWhitespace(m.text()));
        try (PDDocument doc = Loader.loadPDF(dir.resolve("copy.pdf").toFile())) {
            List<String> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                fonts.add(f.getName() + (f.isEmbedded() ? " embedded" : ""));
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f).contains("+", "embedded"));
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo("涉密载体管理办法.txt (controlled copy " + code + ")");
        }
    }

    @Test
    void wrapsChineseBetweenCharactersAndLatinOnlyAtSpaces() throws IOException {
        String paragraph = ("第八条　借阅涉密载体应当填写《涉密载体借阅审批单》，经部门负责人审批，并录入 Custos registry "
                + "ledger 系统（version 3.2）后方可借出。").repeat(6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new PdfCopy().write("标题\n\n" + paragraph + "\n", MarkFixtures.KEY.code("ABCDEFGH"),
                QrPayload.of(MarkFixtures.KEY, "ABCDEFGH"), "t", out);

        Path pdf = Files.write(dir.resolve("wrap.pdf"), out.toByteArray());
        List<String> lines = new ArrayList<>();
        for (String line : pageTexts(pdf, true).get(0).split("\n")) {
            if (!line.contains("COPY ") && !line.isBlank()) {
                lines.add(line.strip());
            }
        }
        assertThat(lines.get(0)).isEqualTo("标题");
        assertThat(lines).hasSizeGreaterThan(4);
        assertThat(withoutWhitespace(String.join("", lines))).isEqualTo(withoutWhitespace("标题" + paragraph));
        List<String> words = List.of(paragraph.split("[^A-Za-z0-9.]+"));
        for (String line : lines) {
            assertThat(line).doesNotStartWith("，").doesNotStartWith("。").doesNotStartWith("》")
                    .doesNotStartWith("）").doesNotEndWith("《").doesNotEndWith("（");
            for (String latin : line.split("[^A-Za-z0-9.]+")) {
                assertThat(latin.isEmpty() || words.contains(latin)).as("'%s' in line '%s'", latin, line).isTrue();
            }
        }
        int betweenHan = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String a = lines.get(i);
            if (isHan(a.codePointBefore(a.length())) && isHan(lines.get(i + 1).codePointAt(0))) {
                betweenHan++;
            }
        }
        assertThat(betweenHan).as("lines broken between two Chinese characters").isPositive();
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    @Test
    void refusesChineseOnAMachineWithoutAFontForChineseNamingWhatToInstall() throws IOException {
        PdfCopy noChinese = new PdfCopy(doc -> PdfFonts.load(doc, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> noChinese.write("Plan\n第二阶段试验", MarkFixtures.KEY.code("ABCDEFGH"),
                QrPayload.of(MarkFixtures.KEY, "ABCDEFGH"), "t", out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character U+7B2C ('第') at offset 5 needs a font for Chinese and this machine has none to "
                        + "embed in the PDF: install one (Debian: apt-get install fonts-wqy-zenhei) or set "
                        + "CUSTOS_PDF_FONT to a TrueType font file (.ttf or .ttc), or mark to .txt or .docx instead");
        assertThat(out.size()).isZero();
    }
}
