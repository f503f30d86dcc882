package org.custos.core.engine;

import java.util.Arrays;

/**
 * A DailySeries is one person's end-of-day risk score for each day from their first signal on, with the
 * indicators that fired that day (the ones that moved the score).
 */
public final class DailySeries implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private long firstDay = Long.MIN_VALUE;
    private int length;
    private float[] scores = new float[0];
    private String[] top = new String[0];

    /** An empty series. */
    public DailySeries() {
    }

    /** Sets the score of an epoch day (at or after the last one set) and the indicators that fired that day. */
    public void set(long epochDay, double score, String movers) {
        if (firstDay == Long.MIN_VALUE) {
            firstDay = epochDay;
        }
        int index = (int) (epochDay - firstDay);
        if (index < 0) {
            return;
        }
        if (index >= scores.length) {
            int capacity = Math.max(index + 1, scores.length * 2);
            scores = Arrays.copyOf(scores, capacity);
            top = Arrays.copyOf(top, capacity);
        }
        scores[index] = (float) score;
        top[index] = movers;
        length = Math.max(length, index + 1);
    }

    /** True when no day was set. */
    public boolean isEmpty() {
        return length == 0;
    }

    /** The first epoch day of the series. */
    public long firstDay() {
        return firstDay;
    }

    /** The number of days from the first to the last one set. */
    public int length() {
        return length;
    }

    /** The score on the {@code i}-th day of the series (0 for days never set). */
    public double score(int i) {
        return scores[i];
    }

    /** The indicators that fired on the {@code i}-th day, joined by ", ", or null. */
    public String movers(int i) {
        return top[i];
    }
}
