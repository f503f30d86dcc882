package org.custos.core.detector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.custos.core.indicator.Indicator;

/**
 * A Signal is one occurrence of an indicator for one person: when, how many points, which events, and why.
 *
 * @param user the person the signal is about
 * @param indicator the indicator that fired
 * @param time the time of the last event behind the signal
 * @param weight the points the signal adds to the raw risk before decay (already scaled for surprise)
 * @param eventIds the ids of the events behind it, at least one
 * @param explanation one sentence for a reviewer: what was seen and what it was compared with
 */
public record Signal(String user, Indicator indicator, Instant time, double weight, List<String> eventIds,
        String explanation) implements java.io.Serializable {

    /** Checks the fields and copies the id list. */
    public Signal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(time, "time");
        eventIds = List.copyOf(eventIds);
        if (eventIds.isEmpty()) {
            throw new IllegalArgumentException("a signal must point at at least one event: " + indicator.id());
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("signal weight must be finite and > 0, was " + weight);
        }
        explanation = explanation == null ? "" : explanation;
    }

    /** This signal with its weight multiplied by {@code factor}. */
    public Signal scaled(double factor) {
        return new Signal(user, indicator, time, weight * factor, eventIds, explanation);
    }
}
