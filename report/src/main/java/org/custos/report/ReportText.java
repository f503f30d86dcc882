package org.custos.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** ReportText holds the wording and number formats both case-report renderers share, so HTML and PDF say the same. */
final class ReportText {

    static final String LEADS = "Scores are leads for a human reviewer, never verdicts: every point is explained by "
            + "the events behind it. This report makes no legal finding.";
    static final String PSEUDONYMS = "People appear under their stable pseudonyms; a name is shown only to an "
            + "investigator on an active case that covers the person, and every such showing is audited.";
    static final String REFERENCES_ONLY = "Listed for orientation only. Custos makes no legal finding and proposes no "
            + "outcome under any provision; whether and how a provision applies is for the competent authority alone "
            + "to decide.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /** An instant as {@code 2026-11-29 08:15:00 UTC}, or a dash. */
    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** A score or point count with one decimal. */
    static String points(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value or a dash. */
    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** Ids joined by ", ", at most {@code max} of them, with how many more there are. */
    static String ids(List<String> ids, int shown, int total) {
        String joined = String.join(", ", ids.subList(0, Math.min(shown, ids.size())));
        int more = Math.max(total, ids.size()) - Math.min(shown, ids.size());
        return more > 0 ? joined + " (+" + more + " more)" : joined;
    }

    /** A byte count for people. */
    static String bytes(long n) {
        return n < 1024 ? n + " B" : String.format(Locale.ROOT, "%,d B", n);
    }
}
