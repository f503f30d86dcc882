package org.custos.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An AlertQuery selects alerts. Absent filters match every alert.
 *
 * @param user only this person's alerts
 * @param state only alerts in this review state
 * @param from only alerts at or after this time
 * @param to only alerts before this time
 * @param limit at most this many, newest first
 */
public record AlertQuery(Optional<String> user, Optional<AlertState> state, Optional<Instant> from,
                         Optional<Instant> to, int limit) {

    /** Checks the limit. */
    public AlertQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    /** The newest {@code limit} alerts in any state. */
    public static AlertQuery all(int limit) {
        return new AlertQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /** The newest {@code limit} alerts in a state. */
    public static AlertQuery inState(AlertState state, int limit) {
        return new AlertQuery(Optional.empty(), Optional.of(state), Optional.empty(), Optional.empty(), limit);
    }
}
