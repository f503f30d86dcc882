package org.custos.ingest.weblog;

/**
 * LogTime reads the access-log time stamp {@code dd/MMM/yyyy:HH:mm:ss ±hhmm} (Apache {@code %t}, nginx
 * {@code $time_local}) into epoch seconds, caching the day so that a log's many lines of one day cost little.
 */
final class LogTime {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private int cachedYear = -1;
    private int cachedMonth = -1;
    private int cachedDay = -1;
    private long cachedEpochDay;

    /** Epoch seconds of the 26 bytes at {@code off}, or {@link Long#MIN_VALUE} when they are not such a time. */
    long parse(byte[] b, int off, int len) {
        if (len != 26 || b[off + 2] != '/' || b[off + 6] != '/' || b[off + 11] != ':' || b[off + 14] != ':'
                || b[off + 17] != ':' || b[off + 20] != ' ') {
            return Long.MIN_VALUE;
        }
        int day = two(b, off);
        int month = month(b, off + 3);
        int year = two(b, off + 7) * 100 + two(b, off + 9);
        int hour = two(b, off + 12);
        int minute = two(b, off + 15);
        int second = two(b, off + 18);
        byte sign = b[off + 21];
        int zh = two(b, off + 22);
        int zm = two(b, off + 24);
        if (day < 1 || month < 1 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 60 || (sign != '+' && sign != '-') || zh < 0 || zh > 18 || zm < 0 || zm > 59
                || day > daysIn(year, month)) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        if (year == cachedYear && month == cachedMonth && day == cachedDay) {
            epochDay = cachedEpochDay;
        } else {
            epochDay = epochDay(year, month, day);
            cachedYear = year;
            cachedMonth = month;
            cachedDay = day;
            cachedEpochDay = epochDay;
        }
        int offset = (zh * 3600 + zm * 60) * (sign == '-' ? -1 : 1);
        return epochDay * 86400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offset;
    }

    private static int two(byte[] b, int off) {
        int hi = b[off] - '0';
        int lo = b[off + 1] - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
            return -100;
        }
        return hi * 10 + lo;
    }

    private static int month(byte[] b, int off) {
        for (int m = 0; m < 12; m++) {
            if (MONTHS.charAt(m * 3) == b[off] && MONTHS.charAt(m * 3 + 1) == b[off + 1]
                    && MONTHS.charAt(m * 3 + 2) == b[off + 2]) {
                return m + 1;
            }
        }
        return -1;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
