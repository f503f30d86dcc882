package org.custos.core.risk;

import java.time.Instant;
import java.util.List;

/**
 * A RiskScore is one person's risk at one instant, 0–100, as the sum of its named contributions, largest first.
 *
 * @param user the person
 * @param at the instant the score describes
 * @param score the score, 0–100; equal to the sum of the contributions' points
 * @param contributions the contributions, largest first
 */
public record RiskScore(String user, Instant at, double score, List<Contribution> contributions)
        implements java.io.Serializable {

    /** Copies the contributions. */
    public RiskScore {
        contributions = List.copyOf(contributions);
    }

    /** A zero score with no contributions. */
    public static RiskScore zero(String user, Instant at) {
        return new RiskScore(user, at, 0, List.of());
    }

    /** The ids of the indicators that contribute, largest first (without the critical-path bonus). */
    public List<String> indicators() {
        return contributions.stream().map(Contribution::indicator)
                .filter(id -> !id.equals(RiskModel.CRITICAL_PATH)).toList();
    }
}
