package org.custos.core.alert;

/**
 * An AlertBudget is how many alerts an organization wants to review: about {@code perThousandPerWeek} new alerts a
 * week for every 1,000 people. It sets the alert threshold (see {@link AlertThreshold}: calibrated each week from
 * the organization's recent scores, never below {@code minThreshold}) and caps the alerts so a reviewer's queue stays
 * readable: each week adds that many alerts (rounded up, at least one) to an allowance, and what a quiet week leaves
 * unspent carries over for up to {@value #CARRY_WEEKS} weeks, so the long-run rate stays within the budget while a
 * week in which several people cross is not cut off after the first few. When the allowance is spent, only scores
 * at or above {@code urgentScore}, and indicators that alert alone, still alert; the rest are counted as held back.
 *
 * @param perThousandPerWeek the weekly budget per 1,000 people
 * @param urgentScore the score that alerts even when the budget is spent, and the highest threshold calibration sets
 * @param minThreshold the lowest threshold calibration sets, so a quiet organization is not shown noise
 */
public record AlertBudget(double perThousandPerWeek, double urgentScore, double minThreshold)
        implements java.io.Serializable {

    /** Checks the values. */
    public AlertBudget {
        if (!(perThousandPerWeek > 0)) {
            throw new IllegalArgumentException("alert budget must be > 0 per 1,000 people a week, was "
                    + perThousandPerWeek);
        }
        if (!(urgentScore > 0 && urgentScore <= 100)) {
            throw new IllegalArgumentException("urgent score must be in (0, 100], was " + urgentScore);
        }
        if (!(minThreshold > 0 && minThreshold <= urgentScore)) {
            throw new IllegalArgumentException("minimum alert threshold must be in (0, " + urgentScore + "], was "
                    + minThreshold);
        }
    }

    /** A budget with the default floor, {@value #DEFAULT_MIN_THRESHOLD}. */
    public AlertBudget(double perThousandPerWeek, double urgentScore) {
        this(perThousandPerWeek, urgentScore, Math.min(DEFAULT_MIN_THRESHOLD, urgentScore));
    }

    /** The default budget: two alerts a week per 1,000 people. */
    public static final double DEFAULT_PER_THOUSAND_PER_WEEK = 2;

    /** The default lowest threshold calibration may set. */
    public static final double DEFAULT_MIN_THRESHOLD = 25;

    /** The default budget: two alerts a week per 1,000 people, thresholds between 25 and 70, 70 always alerts. */
    public static AlertBudget defaults() {
        return new AlertBudget(DEFAULT_PER_THOUSAND_PER_WEEK, 70, DEFAULT_MIN_THRESHOLD);
    }

    /** How many weeks' worth of unspent allowance carries over. */
    public static final int CARRY_WEEKS = 4;

    /** The most alerts the allowance can hold for {@code people} people: {@value #CARRY_WEEKS} weeks' worth. */
    public int capacity(int people) {
        return CARRY_WEEKS * allowed(people);
    }

    /** The number of alerts a week adds to the allowance for {@code people} people. */
    public int allowed(int people) {
        return Math.max(1, (int) Math.ceil(perThousandPerWeek * people / 1000.0));
    }
}
