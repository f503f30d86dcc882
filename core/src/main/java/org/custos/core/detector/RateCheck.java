package org.custos.core.detector;

import org.custos.core.baseline.DailyCount;

/**
 * RateCheck decides whether a person's count for today has just become surprising against their own past: a
 * first ever (after the warm-up), a spike far above their usual days, or a day with any of it when such days have
 * been rare (fewer than one in twenty past active days).
 *
 * <p>A spike threshold is {@code max(minSpike, 3·q95 + 1)} where q95 is the 95th percentile of the person's
 * daily counts over their past active days (days without any count included as zeros). Each check fires when
 * today's count crosses the threshold, and again at twice and four times it, so a markedly higher rate weighs
 * more; it never fires twice for the same crossing.
 *
 * <p>A burst is a run of days with the activity that the person's earlier rate makes improbable: with k of the
 * last n active days (a window of 14 and one of 28 calendar days, today included, the more surprising one counting) having it, and p the rate over the active days before that
 * window (with a half-day prior), it fires when the binomial tail P(X ≥ k; n, p) is below 0.001, weighted
 * {@code min(1, −log10(P)/6)}. A habit that starts after months without it (k = 3 of 10 against p = 0.02) and a
 * daily run of something done every other day (10 of 10 against p = 0.4) are both bursts; a rare day on its own
 * is not.
 */
final class RateCheck {

    /** The outcome of a check: how much weight to give and why; {@code factor == 0} means nothing to raise. */
    record Outcome(double factor, String why) {
        static final Outcome NONE = new Outcome(0, "");

        boolean fired() {
            return factor > 0;
        }
    }

    static final int[] BURST_WINDOWS = {14, 28};
    static final double BURST_TAIL = 1e-3;

    private RateCheck() {
    }

    private static Outcome burst(DailyCount count, Person person) {
        Outcome best = Outcome.NONE;
        double bestTail = BURST_TAIL;
        for (int windowDays : BURST_WINDOWS) {
            int window = windowDays - 1;
            int k = count.recentDaysWithCount(window) + 1;
            int n = Math.max(k, person.recentActiveDays(window) + 1);
            int earlierDays = person.activeDaysBefore() - (n - 1);
            int earlierWith = Math.max(0, count.daysWithCount() - (k - 1));
            if (earlierDays < person.org().warmUpDays() || k < 2) {
                continue;
            }
            double p = (earlierWith + 0.5) / (earlierDays + 1.0);
            double tail = binomialTail(k, n, p);
            if (tail < bestTail) {
                bestTail = tail;
                best = new Outcome(Math.min(1.0, -Math.log10(tail) / 6), String.format(java.util.Locale.ROOT,
                        "%d of the last %d active days had it; before that %d of %d days (chance %.1g)", k, n,
                        earlierWith, earlierDays, tail));
            }
        }
        return best;
    }

    /** P(X ≥ k) for X binomial with n trials of probability p. */
    static double binomialTail(int k, int n, double p) {
        double tail = 0;
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        for (int i = k; i <= n; i++) {
            tail += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
        }
        return Math.min(1, tail);
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /**
     * Checks a count after {@code added} was added to today's count.
     *
     * @param what a noun phrase for the counted thing ("removable-drive connections")
     * @param minFirst the count today at which a first ever fires
     * @param minSpike the least count that can be a spike
     * @param allowFirst whether a first ever fires at all (false when another indicator covers it)
     */
    static Outcome check(DailyCount count, Person person, int added, String what, int minFirst, int minSpike,
            boolean allowFirst) {
        if (!person.hasBaseline()) {
            return Outcome.NONE;
        }
        int after = count.today();
        int before = after - added;
        int days = person.activeDaysBefore();
        if (count.neverBefore()) {
            if (allowFirst && before < minFirst && after >= minFirst) {
                return new Outcome(1.0, "first " + what + " in " + days + " active days (" + after + " today)");
            }
            if (!allowFirst || after < 2 * Math.max(minSpike, minFirst)) {
                return Outcome.NONE;
            }
        }
        int q95 = count.quantile(days, 0.95);
        int threshold = Math.max(minSpike, 3 * q95 + 1);
        if (before < minFirst && after >= minFirst && !count.neverBefore() && after < threshold) {
            Outcome burst = burst(count, person);
            if (burst.fired()) {
                return burst;
            }
        }
        for (int level = 4; level >= 1; level /= 2) {
            int t = threshold * level;
            if (before < t && after >= t) {
                double factor = level == 1 ? 1.0 : 0.5 * level;
                return new Outcome(factor, after + " " + what + " today; usual at most " + q95 + " on 95% of "
                        + days + " active days (past maximum " + count.max() + ")");
            }
        }
        return Outcome.NONE;
    }
}
