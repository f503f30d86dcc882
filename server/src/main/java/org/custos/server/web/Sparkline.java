package org.custos.server.web;

/** Sparkline draws a small trend line as inline SVG (no script, so it needs nothing from the CSP). */
public final class Sparkline {

    private Sparkline() {
    }

    /** An SVG polyline of the values (0–100 scale) across a 160×28 box. */
    public static Html of(double[] values, String label) {
        if (values.length == 0) {
            return Html.of("<span class=\"muted\">no history</span>");
        }
        StringBuilder points = new StringBuilder(values.length * 10);
        int n = values.length;
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? 80 : 160.0 * i / (n - 1);
            double y = 27 - Math.max(0, Math.min(100, values[i])) * 26 / 100;
            if (i > 0) {
                points.append(' ');
            }
            tenths(points, x);
            points.append(',');
            tenths(points, y);
        }
        return Html.of("<svg class=\"spark\" viewBox=\"0 0 160 28\" role=\"img\" aria-label=\"{}\">"
                + "<polyline points=\"{}\"/></svg>", label, points.toString());
    }

    /** Appends a non-negative number rounded to one decimal ({@code 12.3}), without a Formatter (the board draws
     * thousands of points per page). */
    static void tenths(StringBuilder out, double value) {
        long t = Math.round(Math.max(0, value) * 10);
        out.append(t / 10).append('.').append(t % 10);
    }
}
