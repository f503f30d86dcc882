package org.custos.material.assess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * HtmlAssessment writes an assessment as one self-contained HTML page: per suspect file its verdict, and per match
 * the suspect text and the registered text side by side with the matched spans highlighted. Every text is escaped.
 */
public final class HtmlAssessment {

    private static final int CONTEXT = 200;

    private HtmlAssessment() {
    }

    /**
     * Writes the page.
     *
     * @param suspectTexts the extracted text of each assessed file, by path
     * @param itemTexts the text of a registered item by id
     */
    public static void write(Assessment assessment, Map<String, String> suspectTexts,
            Function<String, String> itemTexts, Path file) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Custos assessment</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("td{vertical-align:top;border:1px solid #ccc;padding:.5em;width:50%;white-space:pre-wrap}")
                .append("mark{background:#ffd54f}.na{color:#b00}.none{color:#060}</style></head><body>\n")
                .append("<h1>Assessment</h1>\n");
        for (FileAssessment f : assessment.files()) {
            html.append("<h2>").append(escape(f.path())).append("</h2>\n");
            String css = f.status().equals(FileAssessment.NOT_ASSESSED) ? "na" : f.matches().isEmpty() ? "none" : "";
            html.append("<p class=\"").append(css).append("\">").append(escape(f.verdict())).append("</p>\n");
            String suspect = suspectTexts.get(f.path());
            for (Match m : f.matches()) {
                html.append("<h3>").append(escape(m.itemName())).append(" (").append(escape(m.item())).append(", ")
                        .append(escape(m.level())).append(")</h3>\n<table><tr><th>suspect ")
                        .append(m.suspectStart()).append("&ndash;").append(m.suspectEnd())
                        .append("</th><th>registered ").append(m.itemStart()).append("&ndash;").append(m.itemEnd())
                        .append("</th></tr><tr><td>");
                excerpt(html, suspect, m.suspectStart(), m.suspectEnd());
                html.append("</td><td>");
                excerpt(html, itemTexts.apply(m.item()), m.itemStart(), m.itemEnd());
                html.append("</td></tr></table>\n");
            }
        }
        html.append("</body></html>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /** Appends the span [start, end) of {@code text} (code points) highlighted, with some context either side. */
    private static void excerpt(StringBuilder html, String text, int start, int end) {
        if (text == null) {
            html.append("(text not available)");
            return;
        }
        int[] cps = text.codePoints().toArray();
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(cps.length, end + CONTEXT);
        html.append(from > 0 ? "&hellip;" : "").append(escape(slice(cps, from, start))).append("<mark>")
                .append(escape(slice(cps, start, end))).append("</mark>").append(escape(slice(cps, end, to)))
                .append(to < cps.length ? "&hellip;" : "");
    }

    private static String slice(int[] cps, int from, int to) {
        return new String(cps, from, Math.max(0, to - from));
    }

    /** The text with {@code & < > " '} escaped for HTML. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
