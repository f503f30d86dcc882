package org.custos.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.custos.core.risk.Contribution;

/**
 * A DailyScore is one person's risk score at the end of one day.
 *
 * @param user the person
 * @param day the day (UTC)
 * @param score the score, 0–100
 * @param movers the indicators that fired that day (the ones that moved the score)
 * @param contributions the named contributions the score is the sum of, largest first; the engine keeps them for a
 *     person's latest and peak scores, so for other days this may be empty
 */
public record DailyScore(String user, LocalDate day, double score, List<String> movers,
                         List<Contribution> contributions) {

    /** Checks the fields and copies the lists. */
    public DailyScore {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(day, "day");
        movers = List.copyOf(movers);
        contributions = List.copyOf(contributions);
    }

    /**
     * The furthest critical-path stage among the contributions (0 stressor, 1 concerning behaviour or access,
     * 2 collection or custody, 3 exfiltration), or -1 when there are none.
     */
    public int stage() {
        return contributions.stream().mapToInt(c -> Stages.of(c.category())).max().orElse(-1);
    }
}
