package org.custos.server.web;

import java.util.Locale;

/** Sparkline draws a small trend line as inline SVG (no script, so it needs nothing from the CSP). */
public final class Sparkline {

    private Sparkline() {
    }

    /** An SVG polyline of the values (0–100 scale) across a 160×28 box. */
    public static Html of(double[] values, String label) {
        if (values.length == 0) {
            return Html.of("<span class=\"muted\">no history</span>");
        }
        StringBuilder points = new StringBuilder();
        int n = values.length;
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? 80 : 160.0 * i / (n - 1);
            double y = 27 - Math.max(0, Math.min(100, values[i])) * 26 / 100;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return Html.of("<svg class=\"spark\" viewBox=\"0 0 160 28\" role=\"img\" aria-label=\"{}\">"
                + "<polyline points=\"{}\"/></svg>", label, points.toString().trim());
    }
}
