package org.custos.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Format holds how the dashboard writes scores, times and critical-path stages. */
public final class Format {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> STAGES = List.of("stressor", "concerning behaviour", "collection",
            "exfiltration");

    private Format() {
    }

    /** A score with one decimal. */
    public static String score(double score) {
        if (Double.isNaN(score) || Double.isInfinite(score) || Math.abs(score) >= 1e15) {
            return String.format(Locale.ROOT, "%.1f", score);
        }
        long tenths = Math.round(Math.abs(score) * 10);
        String digits = (tenths / 10) + "." + (tenths % 10);
        return score < 0 && tenths != 0 ? "-" + digits : digits;
    }

    /** An instant to the minute, UTC. */
    public static String time(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** A day. */
    public static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** The name of a critical-path stage 0–3; "none" for -1. */
    public static String stage(int stage) {
        return stage < 0 || stage >= STAGES.size() ? "none" : STAGES.get(stage);
    }

    /** A bounded integer query parameter; 400 naming it when it is not a number in range. */
    public static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw HttpProblem.badRequest(name + ": must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(name + ": not a whole number: '" + value + "'");
        }
    }

    /** A short text query parameter, trimmed; 400 naming it when longer than {@code max}. */
    public static String textParam(String value, String name, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            throw HttpProblem.badRequest(name + ": at most " + max + " characters");
        }
        return value.trim();
    }
}
