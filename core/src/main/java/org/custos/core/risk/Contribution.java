package org.custos.core.risk;

import java.time.Instant;
import java.util.List;

/**
 * A Contribution is the part of a risk score owed to one indicator (or to the critical-path sequence), with the
 * events behind it.
 *
 * @param indicator the indicator id, or {@value RiskModel#CRITICAL_PATH} for the sequence bonus
 * @param category the indicator's category id on the critical path
 * @param points the score points this contribution makes; the contributions of a score add up to the score
 * @param eventIds the ids of the events behind it (the most recent ones when there are very many)
 * @param eventCount the number of events behind it, which may exceed {@code eventIds.size()}
 * @param first the time of the earliest event behind it
 * @param last the time of the latest event behind it
 * @param explanation what was seen and what it was compared with, from the strongest signal
 */
public record Contribution(String indicator, String category, double points, List<String> eventIds, int eventCount,
        Instant first, Instant last, String explanation) implements java.io.Serializable {

    /** Copies the id list. */
    public Contribution {
        eventIds = List.copyOf(eventIds);
    }
}
