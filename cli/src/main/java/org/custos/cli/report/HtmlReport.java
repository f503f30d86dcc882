package org.custos.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.DailySeries;
import org.custos.core.engine.PersonOutcome;

/**
 * HtmlReport writes the human-readable analysis: the ranking, each top person's reasons with their events, and a
 * chart of their daily risk marked with the indicators that moved it.
 *
 * <p>The page is one self-contained file: charts are inline SVG and there is no script, so it opens from disk,
 * prints, and passes any content-security policy.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the HTML report for the {@code top} highest-ranked people. */
    public static void write(Report report, Analysis analysis, int top, Path file) throws IOException {
        Map<String, PersonOutcome> outcomes = new HashMap<>();
        analysis.people().forEach(o -> outcomes.put(o.user(), o));
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Custos analysis</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#1d2733;max-width:1100px}")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}")
                .append("td,th{border-bottom:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f3f6f9}.num{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".person{border:1px solid #dde3ea;border-radius:6px;padding:1em;margin:1.5em 0}")
                .append(".ids{font-family:monospace;font-size:.8em;color:#556;word-break:break-all}")
                .append("svg text{font-size:10px;fill:#334}.muted{color:#667}")
                .append("</style></head><body>\n");
        h.append("<h1>Custos analysis</h1>\n<p>").append(report.input().events()).append(" events read from ")
                .append(report.input().files().size()).append(" files; ").append(report.input().rejected())
                .append(" records rejected; ").append(report.people().size()).append(" people; ")
                .append(report.alerts().size()).append(" alerts. Scores are leads for a human reviewer, never ")
                .append("verdicts: every point is explained by the events behind it.</p>\n");
        if (!report.input().notices().isEmpty()) {
            h.append("<ul>");
            report.input().notices().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<h2>Ranking</h2>\n<table><tr><th class=num>Rank</th><th>Person</th><th class=num>Score</th>")
                .append("<th>Main reasons</th></tr>\n");
        List<Report.PersonEntry> shown = report.people().subList(0, Math.min(top, report.people().size()));
        for (Report.PersonEntry p : shown) {
            h.append("<tr><td class=num>").append(p.rank()).append("</td><td><a href=\"#p-").append(esc(p.user()))
                    .append("\">").append(esc(p.user())).append("</a></td><td class=num>")
                    .append(fmt(p.score())).append("</td><td>");
            p.reasons().stream().limit(3).forEach(r -> h.append(esc(r.indicator())).append(" (")
                    .append(fmt(r.contribution())).append(") "));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (Report.PersonEntry p : shown) {
            if (p.score() <= 0) {
                continue;
            }
            h.append("<section class=person id=\"p-").append(esc(p.user())).append("\"><h2>").append(p.rank())
                    .append(". ").append(esc(p.user())).append(" — score ").append(fmt(p.score()))
                    .append("</h2>\n<p class=muted>Peak at ").append(esc(p.peakTime())).append("; ")
                    .append(p.events()).append(" events analyzed.</p>\n");
            PersonOutcome outcome = outcomes.get(p.user());
            if (outcome != null && !outcome.series().isEmpty()) {
                chart(h, outcome.series());
            }
            h.append("<table><tr><th>Indicator</th><th>Stage</th><th class=num>Points</th><th>Why</th>")
                    .append("<th>When</th></tr>\n");
            for (Report.Reason r : p.reasons()) {
                h.append("<tr><td>").append(esc(r.indicator())).append("</td><td>").append(esc(r.category()))
                        .append("</td><td class=num>").append(fmt(r.contribution())).append("</td><td>")
                        .append(esc(r.explanation())).append("<div class=ids>").append(r.eventCount())
                        .append(" event(s): ").append(esc(String.join(" ", r.events()))).append("</div></td><td>")
                        .append(esc(r.first())).append(" – ").append(esc(r.last())).append("</td></tr>\n");
            }
            h.append("</table></section>\n");
        }
        h.append("<h2>Alerts</h2>\n<table><tr><th>Time</th><th>Person</th><th class=num>Score</th><th>Story</th></tr>\n");
        for (Report.AlertEntry a : report.alerts()) {
            h.append("<tr><td>").append(esc(a.time())).append("</td><td>").append(esc(a.user()))
                    .append("</td><td class=num>").append(fmt(a.score())).append("</td><td>").append(esc(a.story()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static void chart(StringBuilder h, DailySeries series) {
        int width = 1000;
        int height = 180;
        int left = 30;
        int bottom = 20;
        int n = series.length();
        double dx = n <= 1 ? 0 : (double) (width - left - 10) / (n - 1);
        h.append("<svg role=img aria-label=\"daily risk\" viewBox=\"0 0 ").append(width).append(' ').append(height + 60)
                .append("\" width=\"100%\">");
        for (int s = 0; s <= 100; s += 50) {
            double y = y(s, height, bottom);
            h.append("<line x1=").append(left).append(" x2=").append(width).append(" y1=").append(f1(y))
                    .append(" y2=").append(f1(y)).append(" stroke=\"#e4e8ee\"/><text x=0 y=").append(f1(y + 3))
                    .append('>').append(s).append("</text>");
        }
        h.append("<polyline fill=none stroke=\"#c0392b\" stroke-width=1.5 points=\"");
        for (int i = 0; i < n; i++) {
            h.append(f1(left + i * dx)).append(',').append(f1(y(series.score(i), height, bottom))).append(' ');
        }
        h.append("\"/>");
        double previous = 0;
        int labelRow = 0;
        for (int i = 0; i < n; i++) {
            double score = series.score(i);
            String movers = series.movers(i);
            if (movers != null && score - previous >= 2) {
                double x = left + i * dx;
                double y = y(score, height, bottom);
                h.append("<circle cx=").append(f1(x)).append(" cy=").append(f1(y)).append(" r=3 fill=\"#c0392b\">")
                        .append("<title>").append(LocalDate.ofEpochDay(series.firstDay() + i)).append(": ")
                        .append(esc(movers)).append(" → ").append(fmt(score)).append("</title></circle>")
                        .append("<text x=\"").append(f1(x > width * 0.6 ? x - 4 : x + 4)).append("\" y=\"")
                        .append(height + 12 + 12 * (labelRow % 4)).append('"')
                        .append(x > width * 0.6 ? " text-anchor=\"end\">" : ">")
                        .append(LocalDate.ofEpochDay(series.firstDay() + i)).append(' ').append(esc(movers))
                        .append("</text><line x1=\"").append(f1(x)).append("\" x2=\"").append(f1(x))
                        .append("\" y1=\"").append(f1(y)).append("\" y2=\"").append(height + 2 + 12 * (labelRow % 4))
                        .append("\" stroke=\"#bbb\" stroke-dasharray=\"2\"/>");
                labelRow++;
            }
            previous = score;
        }
        h.append("<text x=").append(left).append(" y=").append(height - 5).append('>')
                .append(LocalDate.ofEpochDay(series.firstDay())).append("</text><text x=").append(width - 70)
                .append(" y=").append(height - 5).append('>').append(LocalDate.ofEpochDay(series.firstDay() + n - 1))
                .append("</text></svg>\n");
    }

    private static double y(double score, int height, int bottom) {
        return (height - bottom) - score / 100.0 * (height - bottom - 10);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
