package org.custos.simulator;

import java.time.LocalDate;

/**
 * Timestamps maps the simulation's clock (seconds since midnight of the first day) to dates and to the CERT text
 * form {@code MM/DD/YYYY HH:MM:SS}.
 *
 * <p>Day prefixes are formatted once up front; the time of day is appended digit by digit because this runs for
 * every row written.
 */
final class Timestamps {

    static final int DAY = 86_400;
    static final int HOUR = 3_600;
    static final int MINUTE = 60;

    private final LocalDate start;
    private final String[] dayPrefixes;

    Timestamps(LocalDate start, int days) {
        this.start = start;
        this.dayPrefixes = new String[days + 3];
        for (int day = 0; day < dayPrefixes.length; day++) {
            LocalDate date = start.plusDays(day);
            dayPrefixes[day] = String.format("%02d/%02d/%04d ", date.getMonthValue(), date.getDayOfMonth(),
                    date.getYear());
        }
    }

    /** The calendar date of a simulation day. */
    LocalDate date(int day) {
        return start.plusDays(day);
    }

    /** The first second of a simulation day. */
    static long dayStart(int day) {
        return (long) day * DAY;
    }

    /** The simulation day a second falls on. */
    static int dayOf(long second) {
        return (int) Math.floorDiv(second, DAY);
    }

    /** Appends {@code MM/DD/YYYY HH:MM:SS}. */
    void append(StringBuilder sb, long second) {
        int day = dayOf(second);
        int ofDay = (int) (second - (long) day * DAY);
        sb.append(dayPrefixes[day]);
        appendTwo(sb, ofDay / HOUR);
        sb.append(':');
        appendTwo(sb, ofDay / MINUTE % 60);
        sb.append(':');
        appendTwo(sb, ofDay % 60);
    }

    /** {@code MM/DD/YYYY HH:MM:SS} as a string. */
    String format(long second) {
        StringBuilder sb = new StringBuilder(19);
        append(sb, second);
        return sb.toString();
    }

    private static void appendTwo(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
