package org.custos.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.custos.material.pdf.PdfFonts;

/**
 * PdfPages lays out a flowing document on A4 pages: headings, wrapped paragraphs, tables whose cells wrap, and a
 * line chart, breaking pages as needed and numbering them at the end.
 */
final class PdfPages {

    /*
     * Coordinates are PDF points from the bottom-left corner. A line break may fall after a space, before or after a
     * CJK character, or anywhere inside a word too long for its column (hashes, paths).
     */

    static final float MARGIN = 48;
    static final float BODY = 8.5f;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final String running;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    PdfPages(PDDocument doc, PdfFonts fonts, String running) throws IOException {
        this.doc = doc;
        this.fonts = fonts;
        this.running = running;
        newPage();
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    void heading(String text, float size) throws IOException {
        need(size * 3 + 40);
        y -= size * 0.8f;
        for (String line : wrap(text, true, size, width())) {
            need(size * 1.3f);
            write(MARGIN, y - size, line, true, size);
            y -= size * 1.3f;
        }
        y -= size * 0.3f;
    }

    void paragraph(String text, float size, boolean strong) throws IOException {
        for (String line : wrap(text, strong, size, width())) {
            need(size * 1.35f);
            write(MARGIN, y - size, line, strong, size);
            y -= size * 1.35f;
        }
        y -= size * 0.4f;
    }

    void bullets(List<String> items) throws IOException {
        for (String item : items) {
            List<String> lines = wrap(item, false, BODY, width() - 12);
            for (int i = 0; i < lines.size(); i++) {
                need(BODY * 1.35f);
                if (i == 0) {
                    write(MARGIN, y - BODY, "-", false, BODY);
                }
                write(MARGIN + 12, y - BODY, lines.get(i), false, BODY);
                y -= BODY * 1.35f;
            }
        }
        y -= BODY * 0.4f;
    }

    /** A table; {@code weights} share the text width between the columns. */
    void table(List<String> head, float[] weights, List<List<String>> rows) throws IOException {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
        }
        row(head, widths, true);
        for (List<String> r : rows) {
            row(r, widths, false);
        }
        y -= BODY * 0.6f;
    }

    private void row(List<String> cells, float[] widths, boolean strong) throws IOException {
        float size = BODY;
        float lead = size * 1.3f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            List<String> w = wrap(cell, strong, size, widths[i] - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        int done = 0;
        while (done < lines) {
            float room = y - MARGIN - 20;
            int fit = Math.max(1, Math.min(lines - done, (int) ((room - 4) / lead)));
            if (room < lead * 2 && done == 0 || room < lead) {
                newPage();
                continue;
            }
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                List<String> w = wrapped.get(i);
                for (int k = done; k < Math.min(done + fit, w.size()); k++) {
                    write(x, y - size - (k - done) * lead, w.get(k), strong, size);
                }
                x += widths[i];
            }
            y -= fit * lead + 3;
            out.setLineWidth(strong ? 0.8f : 0.3f);
            out.moveTo(MARGIN, y + 1);
            out.lineTo(MARGIN + width(), y + 1);
            out.stroke();
            y -= 2;
            done += fit;
        }
    }

    /** A line chart of values in [0, 100] with the first and last labels under it. */
    void chart(List<Double> values, String firstLabel, String lastLabel) throws IOException {
        float h = 90;
        need(h + 30);
        float left = MARGIN + 20;
        float right = MARGIN + width();
        float bottom = y - h;
        out.setLineWidth(0.4f);
        out.moveTo(left, bottom);
        out.lineTo(right, bottom);
        out.moveTo(left, bottom);
        out.lineTo(left, y);
        out.stroke();
        write(MARGIN, y - 7, "100", false, 6.5f);
        write(MARGIN + 8, bottom, "0", false, 6.5f);
        int n = values.size();
        float step = n > 1 ? (right - left) / (n - 1) : 0;
        out.setStrokingColor(0.69f, 0.23f, 0.18f);
        out.setLineWidth(1f);
        for (int i = 0; i < n; i++) {
            float px = left + i * step;
            float py = bottom + (float) (h * Math.max(0, Math.min(100, values.get(i))) / 100.0);
            if (i == 0) {
                out.moveTo(px, py);
            } else {
                out.lineTo(px, py);
            }
        }
        if (n == 1) {
            out.lineTo(left + 2, bottom + (float) (h * values.get(0) / 100.0));
        }
        out.stroke();
        out.setStrokingColor(0f, 0f, 0f);
        write(left, bottom - 10, firstLabel, false, 6.5f);
        write(right - fonts.width(lastLabel, false, 6.5f), bottom - 10, lastLabel, false, 6.5f);
        y = bottom - 18;
    }

    /** Ends the last page and writes the running header and page numbers on every page. */
    void finish() throws IOException {
        out.close();
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = s;
                write(MARGIN, SIZE.getHeight() - MARGIN + 16, running, false, 7);
                String page = "page " + (i + 1) + " of " + n;
                write(MARGIN + width() - fonts.width(page, false, 7), MARGIN - 24, page, false, 7);
            }
        }
        out = null;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = SIZE.getHeight() - MARGIN;
    }

    private void write(float x, float baseline, String text, boolean strong, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.newLineAtOffset(x, baseline);
        for (PdfFonts.Run run : fonts.runs(text, strong)) {
            out.setFont(run.face().font(), size);
            out.showText(run.text());
        }
        out.endText();
    }

    /** The text broken into lines no wider than {@code max}. */
    List<String> wrap(String text, boolean strong, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\r?\n", -1)) {
            wrapParagraph(para.replace('\t', ' '), strong, size, max, lines);
        }
        return lines;
    }

    private void wrapParagraph(String text, boolean strong, float size, float max, List<String> lines) {
        if (text.isEmpty()) {
            lines.add("");
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int lastBreak = -1;
            float w = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int next = end + Character.charCount(cp);
                float cw = fonts.width(text.substring(end, next), strong, size);
                if (w + cw > max && end > start) {
                    break;
                }
                w += cw;
                if (cp == ' ' || isCjk(cp)) {
                    lastBreak = next;
                }
                if (end > start && isCjk(cp)) {
                    lastBreak = Math.max(lastBreak, end);
                }
                end = next;
            }
            if (end < text.length() && lastBreak > start) {
                end = lastBreak;
            }
            lines.add(text.substring(start, end).stripTrailing());
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF;
    }
}
