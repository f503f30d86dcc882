package org.custos.ingest;

/**
 * CertTime reads the CERT timestamp form {@code MM/DD/YYYY HH:MM:SS} straight from bytes, as seconds since the
 * epoch, taking the local time as UTC.
 *
 * <p>Month, day and hour may have one or two digits (older releases do not zero-pad); minutes and seconds have
 * two and the year four. Anything else, or a date that does not exist (02/30/2010), is invalid.
 */
final class CertTime {

    /** The value returned for text that is not a valid timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    /** The expected form, for messages. */
    static final String FORM = "MM/DD/YYYY HH:MM:SS";

    private CertTime() {
    }

    /** The epoch second of the timestamp in {@code b[off, off+len)}, or {@link #INVALID}. */
    static long epochSecond(byte[] b, int off, int len) {
        int end = off + len;
        int p = off;
        int month = 0;
        int day = 0;
        int year = 0;
        int hour = 0;
        int minute;
        int second;
        int start = p;
        while (p < end && p - start < 2 && isDigit(b[p])) {
            month = month * 10 + b[p++] - '0';
        }
        if (p == start || p >= end || b[p++] != '/') {
            return INVALID;
        }
        start = p;
        while (p < end && p - start < 2 && isDigit(b[p])) {
            day = day * 10 + b[p++] - '0';
        }
        if (p == start || p >= end || b[p++] != '/') {
            return INVALID;
        }
        if (end - p < 4) {
            return INVALID;
        }
        for (int i = 0; i < 4; i++, p++) {
            if (!isDigit(b[p])) {
                return INVALID;
            }
            year = year * 10 + b[p] - '0';
        }
        if (p >= end || b[p++] != ' ') {
            return INVALID;
        }
        start = p;
        while (p < end && p - start < 2 && isDigit(b[p])) {
            hour = hour * 10 + b[p++] - '0';
        }
        if (p == start || end - p != 6 || b[p] != ':' || b[p + 3] != ':' || !isDigit(b[p + 1])
                || !isDigit(b[p + 2]) || !isDigit(b[p + 4]) || !isDigit(b[p + 5])) {
            return INVALID;
        }
        minute = (b[p + 1] - '0') * 10 + b[p + 2] - '0';
        second = (b[p + 4] - '0') * 10 + b[p + 5] - '0';
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1 || hour > 23
                || minute > 59 || second > 59) {
            return INVALID;
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for years >= 1. */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
