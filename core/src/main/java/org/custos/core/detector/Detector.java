package org.custos.core.detector;

import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Indicator;

/**
 * A Detector watches one person's events for one indicator, keeping its own per-person state.
 *
 * <p>The engine gives a detector only the event kinds it asks for, in event-time order per person, together
 * with that person's state from {@link #newState()}. State is a plain serializable value so that a distributed
 * runner can keep it as keyed state. A detector never reads a clock, a file or the network.
 *
 * @param <S> the per-person state type
 */
public interface Detector<S> {

    /** The indicator this detector raises. */
    Indicator indicator();

    /** The event kinds this detector wants to see. */
    Set<EventKind> kinds();

    /** A fresh per-person state. */
    S newState();

    /**
     * Observes one event of the person, updating {@code state} and raising any signals into {@code sink}.
     *
     * @param person the person's activity so far (days active, first day, ...) and the organization's context
     */
    void observe(Event event, S state, Person person, SignalSink sink);
}
