package org.custos.core.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.detector.Detector;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Person;
import org.custos.core.detector.Signal;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;

/**
 * A DetectorRun feeds events through one detector the way the engine does, and collects the signals it raises.
 *
 * <p>For each event, as {@code Engine.accept} does: the person (one {@link Person} and one detector state per
 * account) is advanced to the event's time; a departure or termination in the personnel feed is recorded in the
 * organization; the detector observes the event if it asks for its kind; and then a logon is counted in the host
 * directory and a custody move is entered in the custody ledger. Signals are collected unscaled (the engine's
 * rarity weighting is not applied).
 *
 * @param <S> the detector's state type
 */
public final class DetectorRun<S> {

    private final Detector<S> detector;
    private final OrgContext org;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, S> states = new HashMap<>();
    private final List<Signal> signals = new ArrayList<>();

    private DetectorRun(Detector<S> detector, OrgContext org) {
        this.detector = detector;
        this.org = org;
    }

    /** A run of {@code detector} in {@code org}, with nothing fed yet. */
    public static <S> DetectorRun<S> of(Detector<S> detector, OrgContext org) {
        return new DetectorRun<>(detector, org);
    }

    /** The signals {@code detector} raises over {@code events} in {@code org}. */
    public static <S> List<Signal> signals(Detector<S> detector, OrgContext org, List<Event> events) {
        return of(detector, org).feed(events).signals();
    }

    /** Feeds events in the order given. */
    public DetectorRun<S> feed(List<Event> events) {
        events.forEach(this::accept);
        return this;
    }

    /** Feeds the events of several people, merged in time order. */
    public DetectorRun<S> feed(Events... people) {
        return feed(Events.merge(people));
    }

    private void accept(Event event) {
        Person person = people.computeIfAbsent(event.user(), user -> new Person(user, org));
        if (!states.containsKey(event.user())) {
            states.put(event.user(), detector.newState());
        }
        person.advanceTo(event.time());
        if (event instanceof PersonnelChange change && (change.change() == PersonnelChange.Kind.DEPARTURE
                || change.change() == PersonnelChange.Kind.TERMINATION)) {
            org.organization().recordDeparture(event.user(), person.date());
        }
        if (detector.kinds().contains(event.kind())) {
            detector.observe(event, states.get(event.user()), person, signals::add);
        }
        if (event instanceof Logon logon && logon.action() == Logon.Action.LOGON) {
            org.hosts().observeLogon(logon.host(), logon.user());
        } else if (event instanceof CustodyMove move) {
            org.custody().apply(move);
        }
    }

    /** Every signal raised so far, in the order raised. */
    public List<Signal> signals() {
        return List.copyOf(signals);
    }

    /** The signals raised about one person. */
    public List<Signal> signalsFor(String user) {
        return signals.stream().filter(s -> s.user().equals(user)).toList();
    }

    /** The person as the run has advanced them; throws for an account never fed. */
    public Person person(String user) {
        Person p = people.get(user);
        if (p == null) {
            throw new IllegalArgumentException("no event was fed for " + user);
        }
        return p;
    }

    /** The detector state of a person. */
    public S state(String user) {
        return states.get(user);
    }
}
