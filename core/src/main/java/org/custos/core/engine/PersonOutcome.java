package org.custos.core.engine;

import org.custos.core.risk.RiskScore;

/**
 * A PersonOutcome is what an analysis concluded about one person: how many events they had, their peak risk
 * with its explanation, and their daily risk.
 *
 * @param user the person
 * @param events the number of their events analyzed
 * @param peak the highest score reached, with its contributions (a zero score when nothing fired)
 * @param series the end-of-day scores from the first signal on
 */
public record PersonOutcome(String user, long events, RiskScore peak, DailySeries series) {
}
