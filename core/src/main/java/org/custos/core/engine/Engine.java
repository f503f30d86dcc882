package org.custos.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;

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
 * alert whatever the score (at most one a day). Alerts are also capped by an {@link AlertBudget}'s allowance, which
 * grows each week (Monday to Sunday, event time) and carries unspent weeks over for a while: once it is spent, only urgent scores alert and the others are counted as held back; their
 * people keep their scores and ranks, and alert later if their score rises again after the hold.
 *
 * <p>The work is split in two halves a distributed runner can run apart: {@link Detection} (per person, keyed) and
 * {@link Scoring} (organization-wide), with the organization-wide facts of the {@link OrgContext} (host owners,
 * custody) updated after each event. The engine is not thread-safe.
 */
public final class Engine {

    private record Tracked(PersonTrack track, RecentEvents recent) {
    }

    private final Detection detection;
    private final Scoring scoring;
    private final OrgContext org;
    private final Map<String, Tracked> people = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private long events;
    private long outOfOrder;
    private long duplicates;

    /** An engine with the given detectors, organization context and risk model, and the default alert budget. */
    public Engine(DetectorRegistry registry, OrgContext org, RiskModel model) {
        this(registry, org, model, AlertBudget.defaults());
    }

    /** An engine with the given detectors, organization context, risk model and alert budget. */
    public Engine(DetectorRegistry registry, OrgContext org, RiskModel model, AlertBudget budget) {
        this.org = org;
        this.detection = new Detection(registry, org);
        this.scoring = new Scoring(detection.indicators(), model, budget);
        scoring.listen(new Scoring.Listener() {
            @Override
            public void alert(Alert alert) {
                alerts.add(alert);
            }

            @Override
            public void dayScored(String user, long day, double score, String movers) {
            }
        });
    }

    /** Analyzes one event. */
    public void accept(Event event) {
        Tracked p = people.get(event.user());
        if (p == null) {
            p = new Tracked(detection.newTrack(event), new RecentEvents());
            people.put(event.user(), p);
            scoring.personSeen(event.user(), p.track().peerGroup(), detection.listed(event.user()));
        }
        if (p.recent().seen(event)) {
            duplicates++;
            return;
        }
        events++;
        if (detection.step(p.track(), event, scoring)) {
            outOfOrder++;
        }
        if (event instanceof Logon logon && logon.action() == Logon.Action.LOGON) {
            org.hosts().observeLogon(logon.host(), logon.user());
        } else if (event instanceof CustodyMove move) {
            org.custody().apply(move);
        }
    }

    /** Finishes the analysis: scores each person's last day and ranks everyone by peak score. */
    public Analysis finish() {
        List<PersonOutcome> outcomes = scoring.finish(user -> people.get(user).track().events());
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing(Alert::time).thenComparing(Alert::user));
        return new Analysis(outcomes, sorted, events, scoring.signals(), outOfOrder,
                org.organization().isEmpty() ? 0 : scoring.unlisted(), duplicates, scoring.heldBack());
    }

    /**
     * The per-person state kept for {@code user}: each detector's state in registry order, then the person's live
     * risk signals; empty for an unknown person. These are the values a distributed runner keeps as keyed state, and
     * what the state-size benchmark measures.
     */
    public List<Object> stateOf(String user) {
        Tracked p = people.get(user);
        if (p == null) {
            return List.of();
        }
        List<Object> state = new ArrayList<>();
        for (Object s : p.track().detectorStates) {
            if (s != null) {
                state.add(s);
            }
        }
        state.add(scoring.riskOf(user));
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
        return scoring.currentContributions(user, at);
    }
}
