package org.custos.material.mark;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.custos.material.pdf.PdfFonts;

/**
 * PdfCopy typesets a marked copy's text on A4 pages, each carrying every mark: the copy code in the top and bottom
 * margins and up both side margins, a faint copy code tiled across the page under the text, and five QR codes
 * (one in each corner and a larger one in a band across the middle of the page, flanked by the copy code), so that
 * a photograph of any 70 % of a page still holds a whole code.
 *
 * <p>The text is set 11/14 pt, 40 lines a page, its line breaks kept and long lines wrapped. A text the built-in
 * Times shows (WinAnsi) is set in it and wrapped at spaces. Any other text (Chinese, for one) is set in the fonts
 * {@link PdfFonts} finds and embeds (DejaVu Sans for Latin, a font for Chinese such as WenQuanYi Zen Hei) and may
 * also wrap before or after a CJK character, never before closing or after opening punctuation. A character none
 * of them has is refused with its offset: Chinese without a font for Chinese names what to install.
 */
final class PdfCopy {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN_X = 72;
    static final float TOP = HEIGHT - 84;
    static final float BAND = 104;
    static final float BAND_BOTTOM = HEIGHT / 2 - BAND / 2;
    static final float LEADING = 14;
    static final float SIZE = 11;
    static final int LINES_PER_HALF = 20;
    static final float CENTRE_QR = 92;
    static final float CORNER_QR = 60;
    static final float CORNER_INSET = 12;

    private static final String NO_BREAK_BEFORE = "，。、；：？！）》」』】〉〕〗’”…—·％,.;:?!)]}%";
    private static final String NO_BREAK_AFTER = "（《「『【〈〔〖‘“([{";

    private final PDType1Font body = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private final PDType1Font label = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font faint = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final float[] widths = new float[256];
    private final Function<PDDocument, PdfFonts> findFonts;
    /** The embedded fonts of the copy being written, or null while the text is set in the built-in Times. */
    private PdfFonts fonts;
    private final Map<Integer, Float> advances = new HashMap<>();

    PdfCopy() throws IOException {
        this(PdfFonts::load);
    }

    /** A PdfCopy that takes its embedded fonts from {@code findFonts} (tests simulate a machine without some). */
    PdfCopy(Function<PDDocument, PdfFonts> findFonts) throws IOException {
        this.findFonts = findFonts;
        for (int c = 32; c < 256; c++) {
            try {
                widths[c] = body.getStringWidth(String.valueOf((char) c)) / 1000f * SIZE;
            } catch (IllegalArgumentException e) {
                widths[c] = -1;
            }
        }
    }

    /**
     * Writes the copy; returns the number of pages.
     *
     * @throws IllegalArgumentException naming the first character no font can show, and nothing is written
     */
    int write(String text, CopyCode code, QrPayload payload, String title, OutputStream out) throws IOException {
        String[] source = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').replace('\f', '\n')
                .split("\n", -1);
        try (PDDocument doc = new PDDocument()) {
            try {
                if (!builtInShows(source)) {
                    fonts = findFonts.apply(doc);
                    refuseMissing(source);
                }
                List<String> lines = lines(source);
                int pages = write(doc, lines, code, payload, title);
                doc.save(out);
                return pages;
            } finally {
                if (fonts != null) {
                    fonts.close();
                    fonts = null;
                    advances.clear();
                }
            }
        }
    }

    private boolean builtInShows(String[] source) throws IOException {
        for (String line : source) {
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if ((c >= 256 || widths[c] < 0 && c >= 32) && widthOf(String.valueOf(c)) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void refuseMissing(String[] source) {
        int offset = 0;
        for (String line : source) {
            for (int k = 0; k < line.length(); ) {
                int cp = line.codePointAt(k);
                if (!Character.isISOControl(cp) && cp != 0xFEFF && !fonts.has(cp, false)) {
                    String shown = String.format("character U+%04X ('%s') at offset %d", cp,
                            new String(Character.toChars(cp)), offset + k);
                    if (isCjk(cp) && !fonts.hasCjk()) {
                        throw new IllegalArgumentException(shown + " needs a font for Chinese and this machine has "
                                + "none to embed in the PDF: install one (Debian: apt-get install fonts-wqy-zenhei) "
                                + "or set CUSTOS_PDF_FONT to a TrueType font file (.ttf or .ttc), or mark to .txt or "
                                + ".docx instead");
                    }
                    throw new IllegalArgumentException(shown + " is in none of the fonts this machine has for the "
                            + "PDF; mark to .txt or .docx instead");
                }
                k += Character.charCount(cp);
            }
            offset += line.length() + 1;
        }
    }

    /** Lays out the lines of the text in lines of at most the text width. */
    private List<String> lines(String[] source) throws IOException {
        float max = WIDTH - 2 * MARGIN_X;
        List<String> out = new ArrayList<>();
        for (String line : source) {
            String rest = line.replaceAll("\\p{Cntrl}", "");
            while (width(rest) > max) {
                int cut = fit(rest, max);
                out.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private float widthOf(String s) throws IOException {
        try {
            return body.getStringWidth(s) / 1000f * SIZE;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private float advance(int cp) throws IOException {
        if (fonts != null) {
            return advances.computeIfAbsent(cp, c -> fonts.width(new String(Character.toChars(c)), false, SIZE));
        }
        return cp < 256 && widths[cp] >= 0 ? widths[cp] : widthOf(String.valueOf((char) cp));
    }

    private float width(String s) throws IOException {
        float w = 0;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            w += advance(cp);
            k += Character.charCount(cp);
        }
        return w;
    }

    /** Where to cut a line too wide: the last space, or (with embedded fonts) a break beside a CJK character. */
    private int fit(String s, float max) throws IOException {
        float w = 0;
        int lastBreak = -1;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            int next = k + Character.charCount(cp);
            w += advance(cp);
            if (w > max) {
                return lastBreak > 0 ? lastBreak : Math.max(1, k);
            }
            if (cp == ' ') {
                lastBreak = k;
            } else if (fonts != null && next < s.length() && breaksBetween(cp, s.codePointAt(next))) {
                lastBreak = next;
            }
            k = next;
        }
        return s.length();
    }

    private static boolean breaksBetween(int before, int after) {
        return (isCjk(before) || isCjk(after)) && after != ' ' && NO_BREAK_BEFORE.indexOf(after) < 0
                && NO_BREAK_AFTER.indexOf(before) < 0;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF;
    }

    private int write(PDDocument doc, List<String> lines, CopyCode code, QrPayload payload, String title)
            throws IOException {
        BitMatrix qr = payload.matrix();
        int perPage = 2 * LINES_PER_HALF;
        int pages = Math.max(1, (lines.size() + perPage - 1) / perPage);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title + " (controlled copy " + code.printed() + ")");
        info.setSubject("Controlled copy " + code.printed());
        info.setProducer("Custos");
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                tiles(cs, code);
                int from = p * perPage;
                text(cs, lines, from, Math.min(lines.size(), from + LINES_PER_HALF), TOP);
                text(cs, lines, Math.min(lines.size(), from + LINES_PER_HALF),
                        Math.min(lines.size(), from + perPage), BAND_BOTTOM - LEADING);
                margins(cs, code, p + 1, pages);
                float c = CORNER_QR;
                float i = CORNER_INSET;
                qr(cs, qr, i, i, c);
                qr(cs, qr, WIDTH - i - c, i, c);
                qr(cs, qr, i, HEIGHT - i - c, c);
                qr(cs, qr, WIDTH - i - c, HEIGHT - i - c, c);
                qr(cs, qr, (WIDTH - CENTRE_QR) / 2, (HEIGHT - CENTRE_QR) / 2, CENTRE_QR);
            }
        }
        return pages;
    }

    private void text(PDPageContentStream cs, List<String> lines, int from, int to, float top) throws IOException {
        if (from >= to) {
            return;
        }
        cs.setNonStrokingColor(0f);
        cs.beginText();
        cs.setFont(body, SIZE);
        cs.setLeading(LEADING);
        cs.newLineAtOffset(MARGIN_X, top);
        for (int k = from; k < to; k++) {
            if (fonts == null) {
                cs.showText(lines.get(k));
            } else {
                for (PdfFonts.Run run : fonts.runs(lines.get(k), false)) {
                    cs.setFont(run.face().font(), SIZE);
                    cs.showText(run.text());
                }
            }
            cs.newLine();
        }
        cs.endText();
    }

    private void tiles(PDPageContentStream cs, CopyCode code) throws IOException {
        cs.setNonStrokingColor(0.86f);
        String s = "COPY " + code.printed();
        for (float y = 30; y < HEIGHT; y += 64) {
            float shift = ((int) (y / 64) % 2) * 60;
            for (float x = -40 + shift; x < WIDTH; x += 120) {
                cs.beginText();
                cs.setFont(faint, 8);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(30), x, y));
                cs.showText(s);
                cs.endText();
            }
        }
    }

    private void margins(PDPageContentStream cs, CopyCode code, int page, int pages) throws IOException {
        cs.setNonStrokingColor(0f);
        String line = "CONTROLLED COPY " + code.printed() + "   page " + page + " of " + pages;
        float w = label.getStringWidth(line) / 1000f * 8;
        for (float y : new float[] {HEIGHT - 44, 38}) {
            cs.beginText();
            cs.setFont(label, 8);
            cs.newLineAtOffset((WIDTH - w) / 2, y);
            cs.showText(line);
            cs.endText();
        }
        String side = "COPY " + code.printed();
        float sw = label.getStringWidth(side) / 1000f * 9;
        float gap = (WIDTH - CENTRE_QR) / 2;
        float mid = (HEIGHT - 9) / 2 + 2;
        for (float x : new float[] {(gap - sw) / 2 + 20, WIDTH - gap + (gap - sw) / 2 - 20}) {
            cs.beginText();
            cs.setFont(label, 9);
            cs.newLineAtOffset(x, mid);
            cs.showText(side);
            cs.endText();
        }
        for (float x : new float[] {40, WIDTH - 32}) {
            cs.beginText();
            cs.setFont(label, 8);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(90), x, (HEIGHT - sw) / 2));
            cs.showText(side);
            cs.endText();
        }
    }

    private static void qr(PDPageContentStream cs, BitMatrix m, float x, float y, float size) throws IOException {
        int n = m.getWidth();
        float quiet = size * 2 / (n + 4);
        float module = (size - 2 * quiet) / n;
        cs.setNonStrokingColor(1f);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(0f);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && m.get(col, row)) {
                    col++;
                }
                cs.addRect(x + quiet + start * module, y + size - quiet - (row + 1) * module,
                        (col - start) * module, module);
            }
        }
        cs.fill();
    }
}
