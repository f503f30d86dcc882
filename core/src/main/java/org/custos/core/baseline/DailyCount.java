package org.custos.core.baseline;

import java.io.Serializable;

/**
 * A DailyCount is one person's count of one kind of thing per day, with a compact history of past days that
 * answers "is today far above usual?" robustly for heavy-tailed counts.
 *
 * <p>The history keeps the number of past days with a non-zero count, their total and maximum, and a
 * histogram of non-zero counts in power-of-two buckets (1, 2–3, 4–7, …). Days without any count are the
 * person's active days minus the days with a count, so the caller passes how many days the person was
 * active before today. Quantiles read from the histogram are upper bounds of their bucket, which errs on the
 * side of "usual" and so against false alarms. A bit mask of the last 64 calendar days tells which recent days had
 * a count, so a burst can be compared with the rate before it. State is about 100 bytes.
 */
public final class DailyCount implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BUCKETS = 16;

    private long day = Long.MIN_VALUE;
    private int today;
    private int daysWithCount;
    private long total;
    private int max;
    private final int[] histogram = new int[BUCKETS];
    private long recent;

    /** A count with no history. */
    public DailyCount() {
    }

    /**
     * Adds {@code n} to the count of day {@code epochDay}, first folding the previous day into the history when
     * the day changed. Days must not go backwards; an earlier day is counted as the current one.
     *
     * @return today's count after adding
     */
    public int add(long epochDay, int n) {
        if (epochDay > day) {
            fold();
            long shift = day == Long.MIN_VALUE ? 64 : epochDay - day;
            recent = shift >= 64 ? 0 : recent << shift;
            day = epochDay;
        }
        today += n;
        if (today > 0) {
            recent |= 1;
        }
        return today;
    }

    private void fold() {
        if (today > 0) {
            daysWithCount++;
            total += today;
            max = Math.max(max, today);
            histogram[bucket(today)]++;
        }
        today = 0;
    }

    private static int bucket(int count) {
        return Math.min(BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(count));
    }

    private static int bucketUpper(int bucket) {
        return bucket >= BUCKETS - 1 ? Integer.MAX_VALUE : (1 << (bucket + 1)) - 1;
    }

    /**
     * The number of the {@code days} calendar days before the current one (at most 63) that had a count.
     */
    public int recentDaysWithCount(int days) {
        long window = days >= 63 ? -2L : ((1L << (days + 1)) - 2);
        return Long.bitCount(recent & window);
    }

    /** The count of the current day. */
    public int today() {
        return today;
    }

    /** The number of past days (before the current one) with a non-zero count. */
    public int daysWithCount() {
        return daysWithCount;
    }

    /** The largest count of any past day. */
    public int max() {
        return max;
    }

    /** The total over all past days. */
    public long total() {
        return total;
    }

    /** True when no past day had a count: today's count, if any, is the first ever. */
    public boolean neverBefore() {
        return daysWithCount == 0;
    }

    /**
     * The upper bound of the {@code q}-quantile of daily counts over the person's past active days, counting days
     * without any as zero.
     *
     * @param activeDaysBefore the number of days the person was active before today
     * @param q the quantile, in (0, 1)
     */
    public int quantile(int activeDaysBefore, double q) {
        int days = Math.max(activeDaysBefore, daysWithCount);
        if (days == 0) {
            return 0;
        }
        int zeros = days - daysWithCount;
        double rank = q * days;
        if (rank < zeros) {
            return 0;
        }
        double seen = zeros;
        for (int b = 0; b < BUCKETS; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return Math.min(bucketUpper(b), max);
            }
        }
        return max;
    }

    /** The fraction of past active days that had a count. */
    public double dayRate(int activeDaysBefore) {
        int days = Math.max(activeDaysBefore, daysWithCount);
        return days == 0 ? 0 : (double) daysWithCount / days;
    }
}
