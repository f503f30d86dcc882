package org.custos.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custos.core.alert.Alert;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.Detector;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Person;
import org.custos.core.detector.Signal;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.indicator.Category;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskScore;

/**
 * The Engine runs every registered detector over a stream of events, keeps each person's state, scores them with
 * the {@link RiskModel} and raises alerts.
 *
 * <p>Events should arrive in event-time order (per person at least); an event older than the person's latest one
 * is still analyzed, counted as its person's current day, and counted in {@link Analysis#outOfOrder()}. An event
 * with the same id, kind and instant as one of the person's last {@value PersonState#RECENT} events is a duplicate
 * (a re-sent batch): it is counted in {@link Analysis#duplicates()} and not analyzed again.
 *
 * <p>Signals are weighed by how rare their indicator is among the people seen so far and among the person's peers
 * (see {@link Prevalence}): an indicator that one person in twenty has keeps its weight; one that everyone has
 * counts a quarter; a rare one up to one and a half times. Stressors are not weighed by rarity: a layoff that hits
 * a whole unit is no less a pressure on each person in it. An alert is raised when a score crosses the threshold; the same
 * person is alerted again only after their score fell below half the threshold and at least a week has passed.
 * A signal of an indicator that {@link org.custos.core.indicator.Indicator#alertsAlone() alerts alone} raises an
 * alert whatever the score (at most one a day). Alerts are also capped by an {@link AlertBudget} per week (Monday to
 * Sunday, event time): once it is spent, only urgent scores alert and the others are counted as held back; their
 * people keep their scores and ranks, and alert later if their score rises again after the hold.
 * The engine is not thread-safe: a distributed runner keeps one per partition.
 */
public final class Engine {

    private final List<Detector<Object>> detectors;
    private final Map<EventKind, int[]> byKind = new EnumMap<>(EventKind.class);
    private final OrgContext org;
    private final RiskModel model;
    private final Map<String, PersonState> people = new HashMap<>();
    private final Prevalence prevalence;
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Signal> pending = new ArrayList<>();
    private long events;
    private long signals;
    private long outOfOrder;
    private long unlisted;
    private long duplicates;
    private final AlertBudget budget;
    private long budgetWeek = Long.MIN_VALUE;
    private int alertsThisWeek;
    private long heldBack;

    /** An engine with the given detectors, organization context and risk model, and the default alert budget. */
    public Engine(DetectorRegistry registry, OrgContext org, RiskModel model) {
        this(registry, org, model, AlertBudget.defaults());
    }

    /** An engine with the given detectors, organization context, risk model and alert budget. */
    @SuppressWarnings("unchecked")
    public Engine(DetectorRegistry registry, OrgContext org, RiskModel model, AlertBudget budget) {
        this.budget = budget;
        this.detectors = registry.detectors().stream().map(d -> (Detector<Object>) d).toList();
        if (detectors.size() > 64) {
            throw new IllegalArgumentException("at most 64 detectors are supported, got " + detectors.size());
        }
        this.org = org;
        this.model = model;
        this.prevalence = new Prevalence(detectors.size());
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

    /** Analyzes one event. */
    public void accept(Event event) {
        PersonState p = people.get(event.user());
        if (p == null) {
            p = newPerson(event.user(), event);
            people.put(event.user(), p);
        }
        if (p.seenRecently(event)) {
            duplicates++;
            return;
        }
        events++;
        if (event.time().isBefore(p.latest)) {
            outOfOrder++;
        } else {
            p.latest = event.time();
        }
        long day = org.hours().localDay(event.time());
        if (day > p.person.today() && p.person.today() != Long.MIN_VALUE) {
            closeDaysBefore(p, day);
        }
        p.person.advanceTo(event.time());
        p.events++;
        if (event instanceof PersonnelChange change && (change.change() == PersonnelChange.Kind.DEPARTURE
                || change.change() == PersonnelChange.Kind.TERMINATION)) {
            org.organization().recordDeparture(event.user(), p.person.date());
        }
        int[] indices = byKind.get(event.kind());
        for (int i : indices) {
            detectors.get(i).observe(event, p.detectorStates[i], p.person, pending::add);
        }
        if (!pending.isEmpty()) {
            for (Signal s : pending) {
                record(p, s);
            }
            pending.clear();
        }
        if (event instanceof Logon logon && logon.action() == Logon.Action.LOGON) {
            org.hosts().observeLogon(logon.host(), logon.user());
        } else if (event instanceof CustodyMove move) {
            org.custody().apply(move);
        }
    }

    private PersonState newPerson(String user, Event first) {
        Object[] states = new Object[detectors.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = detectors.get(i).newState();
        }
        String peerGroup = org.organization().peerGroupOn(user,
                java.time.LocalDate.ofEpochDay(org.hours().localDay(first.time())));
        prevalence.personSeen(peerGroup);
        if (!org.organization().knows(user)) {
            unlisted++;
        }
        return new PersonState(new Person(user, org), states, peerGroup);
    }

    private void record(PersonState p, Signal raw) {
        int index = indexOf(raw.indicator().id());
        Signal signal = raw.indicator().category() == Category.STRESSOR ? raw
                : raw.scaled(prevalence.rarity(index, p.peerGroup));
        if ((p.firedMask & (1L << index)) == 0) {
            p.firedMask |= 1L << index;
            prevalence.fired(index, p.peerGroup);
        }
        signals++;
        p.risk.add(signal, model.parameters().maxEventIds());
        RiskScore score = model.score(p.risk, signal.time());
        if (score.score() > p.peak.score()) {
            p.peak = score;
        }
        long day = p.person.today();
        boolean crossed = score.score() >= model.parameters().alertThreshold() && !p.alerting
                && (p.lastAlertDay == Long.MIN_VALUE || day - p.lastAlertDay >= 7);
        boolean mustAlert = signal.indicator().alertsAlone() && p.lastAlertDay != day;
        if (crossed && !mustAlert) {
            long week = Math.floorDiv(day + 3, 7);
            if (week != budgetWeek) {
                budgetWeek = week;
                alertsThisWeek = 0;
            }
            if (alertsThisWeek >= budget.allowed(people.size()) && score.score() < budget.urgentScore()) {
                crossed = false;
                heldBack++;
            }
        }
        if (crossed || mustAlert) {
            alertsThisWeek++;
            p.alerting = true;
            p.lastAlertDay = day;
            alerts.add(new Alert(Alert.idFor(p.person.user(), signal.time()), p.person.user(), signal.time(),
                    score.score(), score.indicators(), story(score)));
        }
    }

    private int indexOf(String indicatorId) {
        for (int i = 0; i < detectors.size(); i++) {
            if (detectors.get(i).indicator().id().equals(indicatorId)) {
                return i;
            }
        }
        throw new IllegalStateException("signal for unregistered indicator " + indicatorId);
    }

    private static String story(RiskScore score) {
        return score.contributions().stream().limit(3)
                .map(c -> c.indicator() + " (" + Math.round(c.points()) + "): " + c.explanation())
                .collect(Collectors.joining("; "));
    }

    private void closeDaysBefore(PersonState p, long day) {
        if (p.risk.isEmpty()) {
            return;
        }
        long from = Math.max(p.person.today(), p.lastScoredDay + 1);
        for (long d = from; d < day; d++) {
            Instant endOfDay = Instant.ofEpochSecond(d * 86_400 + 86_399);
            p.risk.expire(endOfDay, model.parameters().halfLifeDays(), model.parameters().stressorHalfLifeDays());
            RiskScore score = model.score(p.risk, endOfDay);
            p.series.set(d, score.score(), p.risk.indicatorsOn(d));
            p.lastScoredDay = d;
            if (score.score() < model.parameters().alertThreshold() / 2) {
                p.alerting = false;
            }
            if (p.risk.isEmpty()) {
                break;
            }
        }
    }

    /** Finishes the analysis: scores each person's last day and ranks everyone by peak score. */
    public Analysis finish() {
        List<PersonOutcome> outcomes = new ArrayList<>(people.size());
        for (PersonState p : people.values()) {
            closeDaysBefore(p, p.person.today() + 1);
            outcomes.add(new PersonOutcome(p.person.user(), p.events, p.peak, p.series));
        }
        outcomes.sort(Comparator.comparingDouble((PersonOutcome o) -> o.peak().score()).reversed()
                .thenComparing(PersonOutcome::user));
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing(Alert::time).thenComparing(Alert::user));
        return new Analysis(outcomes, sorted, events, signals, outOfOrder, org.organization().isEmpty() ? 0 : unlisted,
                duplicates, heldBack);
    }

    /**
     * The per-person state kept for {@code user}: each detector's state in registry order, then the person's live
     * risk signals; empty for an unknown person. These are the values a distributed runner keeps as keyed state, and
     * what the state-size benchmark measures.
     */
    public List<Object> stateOf(String user) {
        PersonState p = people.get(user);
        if (p == null) {
            return List.of();
        }
        List<Object> state = new ArrayList<>(p.detectorStates.length + 1);
        for (Object s : p.detectorStates) {
            if (s != null) {
                state.add(s);
            }
        }
        state.add(p.risk);
        return state;
    }

    /** The ids of the people seen so far, in no particular order. */
    public java.util.Set<String> users() {
        return java.util.Collections.unmodifiableSet(people.keySet());
    }

    /** The number of people seen so far. */
    public int people() {
        return people.size();
    }

    /** The number of events analyzed so far. */
    public long events() {
        return events;
    }

    /** The alerts raised so far, in the order they were raised (for a live runner that stores them as they come). */
    public List<Alert> alertsSoFar() {
        return List.copyOf(alerts);
    }

    /** The contributions of a person's current score (for tests and live views); empty for an unknown person. */
    public List<Contribution> currentContributions(String user, Instant at) {
        PersonState p = people.get(user);
        return p == null ? List.of() : model.score(p.risk, at).contributions();
    }
}
