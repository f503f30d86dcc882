package org.custos.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custos.core.detector.Detector;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Person;
import org.custos.core.detector.Signal;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.PersonnelChange;
import org.custos.core.indicator.Indicator;

/**
 * Detection is the per-person half of the {@link Engine}: it runs every registered detector over one person's
 * events, keeping everything it needs in that person's {@link PersonTrack}, and reports each new day of the person
 * and each raw (not yet rarity-weighed) signal to a {@link Steps} receiver, normally a {@link Scoring}.
 *
 * <p>It reads, but never updates, the organization-wide parts of the {@link OrgContext} (whose machine each host is,
 * who holds each original): whoever feeds it events updates those after each step, as the {@link Engine} does, or
 * sets them before each step from an organization-wide copy, as a partitioned runner does. The departures it learns
 * from personnel events are recorded in the context's organization and in the person's track. Not thread-safe.
 */
public final class Detection {

    /** Receives what one step of a person found. */
    public interface Steps {

        /** The person had their first event on a new local day (epoch day), later than any day before. */
        void dayStarted(String user, long day);

        /** A detector raised a signal, at its indicator's full weight. */
        void signal(String user, Signal signal);
    }

    private final List<Detector<Object>> detectors;
    private final Map<EventKind, int[]> byKind = new EnumMap<>(EventKind.class);
    private final OrgContext org;
    private final List<Signal> pending = new ArrayList<>();

    /** Detection with the given detectors in the given organization context. */
    @SuppressWarnings("unchecked")
    public Detection(DetectorRegistry registry, OrgContext org) {
        this.detectors = registry.detectors().stream().map(d -> (Detector<Object>) d).toList();
        if (detectors.size() > 64) {
            throw new IllegalArgumentException("at most 64 detectors are supported, got " + detectors.size());
        }
        this.org = org;
        for (EventKind kind : EventKind.values()) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < detectors.size(); i++) {
                if (detectors.get(i).kinds().contains(kind)) {
                    indices.add(i);
                }
            }
            byKind.put(kind, indices.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The indicators of the detectors, in registry order. */
    public List<Indicator> indicators() {
        return detectors.stream().map(Detector::indicator).toList();
    }

    /** The organization context the detectors read. */
    public OrgContext org() {
        return org;
    }

    /** A fresh track for the person whose first event this is, placed in their peer group on that day. */
    public PersonTrack newTrack(Event first) {
        Object[] states = new Object[detectors.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = detectors.get(i).newState();
        }
        String peerGroup = org.organization().peerGroupOn(first.user(),
                LocalDate.ofEpochDay(org.hours().localDay(first.time())));
        return new PersonTrack(new Person(first.user(), org), states, peerGroup);
    }

    /** True when the person appears in the organization's directory. */
    public boolean listed(String user) {
        return org.organization().knows(user);
    }

    /**
     * Analyzes one event of the track's person: advances their calendar, records a departure, and runs the detectors
     * that want the event's kind.
     *
     * @return true when the event is older than the person's latest one (it is still analyzed, as of today)
     */
    public boolean step(PersonTrack p, Event event, Steps out) {
        p.person.bind(org);
        if (p.departure != null) {
            org.organization().recordDeparture(p.user(), p.departure);
        }
        boolean outOfOrder = event.time().isBefore(p.latest);
        if (!outOfOrder) {
            p.latest = event.time();
        }
        long day = org.hours().localDay(event.time());
        if (day > p.person.today()) {
            out.dayStarted(p.user(), day);
        }
        p.person.advanceTo(event.time());
        p.events++;
        if (event instanceof PersonnelChange change && (change.change() == PersonnelChange.Kind.DEPARTURE
                || change.change() == PersonnelChange.Kind.TERMINATION)) {
            p.departure = p.person.date();
            org.organization().recordDeparture(p.user(), p.departure);
        }
        for (int i : byKind.get(event.kind())) {
            detectors.get(i).observe(event, p.detectorStates[i], p.person, pending::add);
        }
        if (!pending.isEmpty()) {
            for (Signal s : pending) {
                out.signal(p.user(), s);
            }
            pending.clear();
        }
        return outOfOrder;
    }
}
