package org.custos.core.alert;

/**
 * An AlertBudget caps how many alerts an organization is shown: at most {@code perThousandPerWeek} new alerts a
 * week for every 1,000 people seen (rounded up, at least one), so a reviewer's queue stays readable. When a week's
 * budget is spent, only scores at or above {@code urgentScore}, and indicators that alert alone, still alert; the
 * rest are counted as held back.
 *
 * @param perThousandPerWeek the weekly budget per 1,000 people
 * @param urgentScore the score that alerts even when the budget is spent
 */
public record AlertBudget(double perThousandPerWeek, double urgentScore) implements java.io.Serializable {

    /** Checks the values. */
    public AlertBudget {
        if (!(perThousandPerWeek > 0)) {
            throw new IllegalArgumentException("alert budget must be > 0 per 1,000 people a week, was "
                    + perThousandPerWeek);
        }
        if (!(urgentScore > 0 && urgentScore <= 100)) {
            throw new IllegalArgumentException("urgent score must be in (0, 100], was " + urgentScore);
        }
    }

    /** The default budget: 5 alerts a week per 1,000 people; 70 and above always alerts. */
    public static final double DEFAULT_PER_THOUSAND_PER_WEEK = 5;

    /** The default budget. */
    public static AlertBudget defaults() {
        return new AlertBudget(DEFAULT_PER_THOUSAND_PER_WEEK, 70);
    }

    /** The number of alerts allowed in a week for {@code people} people. */
    public int allowed(int people) {
        return Math.max(1, (int) Math.ceil(perThousandPerWeek * people / 1000.0));
    }
}
