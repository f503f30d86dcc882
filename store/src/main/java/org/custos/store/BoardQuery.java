package org.custos.store;

import java.util.Optional;

/**
 * A BoardQuery filters and bounds the ranked board. Absent filters match everyone.
 *
 * @param subsidiary only people whose latest record is in this subsidiary
 * @param unit only people whose unit ({@code subsidiary/functional unit/department}) starts with this prefix
 * @param minStage only people whose latest score reaches at least this critical-path stage (0–3)
 * @param minScore only scores at or above this
 * @param limit at most this many entries
 */
public record BoardQuery(Optional<String> subsidiary, Optional<String> unit, Optional<Integer> minStage,
                         double minScore, int limit) {

    /** Checks the limit. */
    public BoardQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    /** The top {@code limit} people with a score above zero, unfiltered. */
    public static BoardQuery top(int limit) {
        return new BoardQuery(Optional.empty(), Optional.empty(), Optional.empty(), Double.MIN_VALUE, limit);
    }
}
