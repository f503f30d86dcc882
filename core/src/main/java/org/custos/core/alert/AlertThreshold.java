package org.custos.core.alert;

import java.util.Arrays;

/**
 * The AlertThreshold is the score at which a person's alert fires this week, calibrated from the organization's own
 * recent weeks so that about {@link AlertBudget#perThousandPerWeek()} people per 1,000 a week would have crossed it.
 * A noisy organization gets a higher bar, a quiet one a lower bar, never below the budget's floor
 * ({@link AlertBudget#minThreshold()}) nor above its urgent score.
 *
 * <p>Until {@value #MIN_WEEKS} weeks of history exist, the starting threshold is used. The history is a histogram
 * of each person's best score in each week while not already alerting (half-point bins), over the last
 * {@value #TRAILING_WEEKS} weeks: the threshold for a new week is the lowest score that the trailing weeks' peaks
 * reached no more often than the budget allows (at least one a week, as for the cap), on average per week. Weeks are numbers chosen by the caller (the
 * engine uses Monday-to-Sunday weeks of event time). Not thread-safe.
 */
public final class AlertThreshold implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Weeks of history the threshold is calibrated on. */
    public static final int TRAILING_WEEKS = 8;

    /** Weeks of history needed before the threshold is calibrated. */
    public static final int MIN_WEEKS = 4;

    private static final int BINS = 201;

    private final AlertBudget budget;
    private final double starting;
    private final int[][] peaks = new int[TRAILING_WEEKS][BINS];
    private final long[] peakWeek = new long[TRAILING_WEEKS];
    private long week = Long.MIN_VALUE;
    private long firstWeek = Long.MIN_VALUE;
    private double current;

    /** A threshold under {@code budget} that starts at {@code starting} (clamped to the budget's range). */
    public AlertThreshold(AlertBudget budget, double starting) {
        this.budget = budget;
        this.starting = clamp(starting);
        this.current = this.starting;
        Arrays.fill(peakWeek, Long.MIN_VALUE);
    }

    /** The threshold in force for the current week. */
    public double current() {
        return current;
    }

    /** The week the threshold was last set for; {@link Long#MIN_VALUE} before the first. */
    public long week() {
        return week;
    }

    /**
     * Starts week {@code newWeek} for an organization of {@code people} people and sets its threshold from the
     * trailing weeks. Does nothing when {@code newWeek} is not after the current week.
     */
    public void startWeek(long newWeek, int people) {
        if (newWeek <= week) {
            return;
        }
        week = newWeek;
        if (firstWeek == Long.MIN_VALUE) {
            firstWeek = newWeek;
        }
        int slot = slot(newWeek);
        Arrays.fill(peaks[slot], 0);
        peakWeek[slot] = newWeek;
        long[] atOrAbove = new long[BINS + 1];
        int weeks = 0;
        for (long w = newWeek - TRAILING_WEEKS + 1; w < newWeek; w++) {
            if (w < firstWeek || peakWeek[slot(w)] != w) {
                continue;
            }
            weeks++;
            int[] h = peaks[slot(w)];
            for (int b = 0; b < BINS; b++) {
                atOrAbove[b] += h[b];
            }
        }
        if (weeks < MIN_WEEKS) {
            current = starting;
            return;
        }
        for (int b = BINS - 2; b >= 0; b--) {
            atOrAbove[b] += atOrAbove[b + 1];
        }
        double allowed = Math.max(1.0, budget.perThousandPerWeek() * people / 1000.0);
        int bin = BINS - 1;
        while (bin > 0 && atOrAbove[bin - 1] <= allowed * weeks) {
            bin--;
        }
        current = clamp(bin / 2.0);
    }

    /**
     * Records that a person who is not alerting reached a best score of {@code to} this week, up from
     * {@code from} (negative when this is their first score this week).
     */
    public void peakRose(double from, double to) {
        if (week == Long.MIN_VALUE) {
            return;
        }
        int[] h = peaks[slot(week)];
        if (from >= 0) {
            h[bin(from)]--;
        }
        h[bin(to)]++;
    }

    private double clamp(double threshold) {
        return Math.max(budget.minThreshold(), Math.min(budget.urgentScore(), threshold));
    }

    private static int bin(double score) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor(score * 2)));
    }

    private static int slot(long w) {
        return (int) Math.floorMod(w, TRAILING_WEEKS);
    }
}
