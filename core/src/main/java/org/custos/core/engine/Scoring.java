package org.custos.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.custos.core.alert.Alert;
import org.custos.core.alert.AlertBudget;
import org.custos.core.alert.AlertThreshold;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskScore;

/**
 * Scoring is the organization-wide half of the {@link Engine}: it weighs each raw signal by how rare its indicator
 * is (see {@link Prevalence}), keeps each person's score and daily series, and raises alerts when a score crosses
 * the week's threshold, calibrated from the {@link AlertBudget} by an {@link AlertThreshold} (with at least one
 * technical indicator contributing: stressors alone never alert), capped by the budget's allowance (unspent weeks
 * carry over). What it concludes depends on the order of the calls it receives, so a runner that splits the
 * work must call it in the order the {@link Engine} would: person seen, day started and signals, event by event.
 *
 * <p>Alerts and end-of-day scores go to a {@link Listener} as they are decided. It is serializable (without its
 * listener), so a runner can checkpoint it. Not thread-safe.
 */
public final class Scoring implements Detection.Steps, java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final String STRESSOR_ID = Category.STRESSOR.id();

    /** Receives what scoring decides, as it decides it. */
    public interface Listener {

        /** An alert was raised. */
        void alert(Alert alert);

        /** A person's score at the end of a local day (epoch day), with the indicators that fired that day or null. */
        void dayScored(String user, long day, double score, String movers);
    }

    private final List<Indicator> indicators;
    private final RiskModel model;
    private final AlertBudget budget;
    private final AlertThreshold threshold;
    private final Map<String, PersonScore> people = new HashMap<>();
    private final Prevalence prevalence;
    private long signals;
    private long unlisted;
    private int carried;
    private int spentThisWeek;
    private long weeksStarted;
    private long heldBack;
    private transient Listener listener;

    /** Scoring of the given indicators (in registry order, at most 64) with a risk model and an alert budget. */
    public Scoring(List<Indicator> indicators, RiskModel model, AlertBudget budget) {
        if (indicators.size() > 64) {
            throw new IllegalArgumentException("at most 64 indicators are supported, got " + indicators.size());
        }
        this.indicators = List.copyOf(indicators);
        this.model = model;
        this.budget = budget;
        this.threshold = new AlertThreshold(budget, model.parameters().alertThreshold());
        this.prevalence = new Prevalence(indicators.size());
    }

    /** Sends alerts and end-of-day scores to {@code to} from now on (null: nowhere). */
    public void listen(Listener to) {
        this.listener = to;
    }

    /** Counts a person at their first event, in their peer group; {@code listed} is false when no directory has them. */
    public void personSeen(String user, String peerGroup, boolean listed) {
        if (people.containsKey(user)) {
            throw new IllegalStateException("person already seen: " + user);
        }
        people.put(user, new PersonScore(user, peerGroup));
        prevalence.personSeen(peerGroup);
        if (!listed) {
            unlisted++;
        }
    }

    @Override
    public void dayStarted(String user, long day) {
        long week = Math.floorDiv(day + 3, 7);
        if (week > threshold.week()) {
            threshold.startWeek(week, people.size());
            if (weeksStarted++ > 0) {
                int allowed = budget.allowed(people.size());
                carried = Math.min(Math.max(0, carried + allowed - spentThisWeek),
                        budget.capacity(people.size()) - allowed);
            }
            spentThisWeek = 0;
        }
        PersonScore p = person(user);
        if (day <= p.today) {
            return;
        }
        if (p.today != Long.MIN_VALUE) {
            closeDaysBefore(p, day);
        }
        p.today = day;
    }

    @Override
    public void signal(String user, Signal raw) {
        PersonScore p = person(user);
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
        long day = p.today;
        if (!p.alerting) {
            if (p.peakWeek != threshold.week()) {
                p.peakWeek = threshold.week();
                p.weekPeak = -1;
            }
            if (score.score() > p.weekPeak) {
                threshold.peakRose(p.weekPeak, score.score());
                p.weekPeak = score.score();
            }
        }
        double bar = threshold.current();
        boolean crossed = score.score() >= bar && !p.alerting
                && (p.lastAlertDay == Long.MIN_VALUE || day - p.lastAlertDay >= 7)
                && score.contributions().stream().anyMatch(c -> !STRESSOR_ID.equals(c.category())
                        && !RiskModel.CRITICAL_PATH.equals(c.indicator()));
        boolean mustAlert = signal.indicator().alertsAlone() && p.lastAlertDay != day;
        if (crossed && !mustAlert) {
            if (spentThisWeek >= carried + budget.allowed(people.size())
                    && score.score() < budget.urgentScore()) {
                crossed = false;
                heldBack++;
            }
        }
        if (crossed || mustAlert) {
            spentThisWeek++;
            p.alerting = true;
            p.lastAlertDay = day;
            Alert alert = new Alert(Alert.idFor(p.user, signal.time()), p.user, signal.time(), score.score(),
                    score.indicators(), story(p, score, bar, mustAlert && !crossed));
            if (listener != null) {
                listener.alert(alert);
            }
        }
    }

    private PersonScore person(String user) {
        PersonScore p = people.get(user);
        if (p == null) {
            throw new IllegalStateException("person not seen yet: " + user);
        }
        return p;
    }

    private int indexOf(String indicatorId) {
        int index = indexOfOrMinus(indicatorId);
        if (index < 0) {
            throw new IllegalStateException("signal for unregistered indicator " + indicatorId);
        }
        return index;
    }

    /**
     * The alert's story: how high the score went against which bar, the furthest critical-path stage reached, what
     * changed (the three largest contributions with their comparisons), and how common the leading indicator is
     * among the person's peers.
     */
    private String story(PersonScore p, RiskScore score, double bar, boolean alone) {
        StringBuilder story = new StringBuilder();
        story.append(alone ? "Raised by an indicator that alerts alone" : "Score " + Math.round(score.score())
                + " crossed this week's threshold " + formatBar(bar));
        score.contributions().stream().map(c -> Category.fromId(c.category())).filter(java.util.Objects::nonNull)
                .max(Comparator.comparingInt(Category::stage))
                .ifPresent(c -> story.append("; furthest critical-path stage: ").append(c.id()));
        story.append(". What changed: ");
        story.append(score.contributions().stream().limit(3)
                .map(c -> c.indicator() + " (" + Math.round(c.points()) + " points): " + c.explanation())
                .collect(Collectors.joining("; ")));
        score.contributions().stream().filter(c -> !c.indicator().equals(RiskModel.CRITICAL_PATH)).findFirst()
                .ifPresent(c -> {
                    int index = indexOfOrMinus(c.indicator());
                    if (index >= 0) {
                        story.append(". Compared with others: ").append(c.indicator()).append(" seen before in ")
                                .append(prevalence.commonness(index, p.peerGroup));
                    }
                });
        return story.append('.').toString();
    }

    private static String formatBar(double bar) {
        return bar == Math.rint(bar) ? Long.toString((long) bar) : Double.toString(bar);
    }

    private int indexOfOrMinus(String indicatorId) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).id().equals(indicatorId)) {
                return i;
            }
        }
        return -1;
    }

    private void closeDaysBefore(PersonScore p, long day) {
        if (p.risk.isEmpty()) {
            return;
        }
        long from = Math.max(p.today, p.lastScoredDay + 1);
        for (long d = from; d < day; d++) {
            Instant endOfDay = Instant.ofEpochSecond(d * 86_400 + 86_399);
            p.risk.expire(endOfDay, model.parameters().halfLifeDays(), model.parameters().stressorHalfLifeDays());
            RiskScore score = model.score(p.risk, endOfDay);
            String movers = p.risk.indicatorsOn(d);
            p.series.set(d, score.score(), movers);
            p.lastScoredDay = d;
            if (listener != null) {
                listener.dayScored(p.user, d, score.score(), movers);
            }
            if (score.score() < threshold.current() / 2) {
                p.alerting = false;
            }
            if (p.risk.isEmpty()) {
                break;
            }
        }
    }

    /**
     * Finishes: scores each person's last day and ranks everyone by peak score, highest first.
     *
     * @param eventsOf the number of events analyzed for a person
     */
    public List<PersonOutcome> finish(ToLongFunction<String> eventsOf) {
        List<PersonOutcome> outcomes = new ArrayList<>(people.size());
        for (PersonScore p : people.values()) {
            closeDaysBefore(p, p.today + 1);
            outcomes.add(new PersonOutcome(p.user, eventsOf.applyAsLong(p.user), p.peak, p.series));
        }
        outcomes.sort(Comparator.comparingDouble((PersonOutcome o) -> o.peak().score()).reversed()
                .thenComparing(PersonOutcome::user));
        return outcomes;
    }

    /** The number of people seen. */
    public int people() {
        return people.size();
    }

    /** The number of signals scored. */
    public long signals() {
        return signals;
    }

    /** The number of people seen who are in no directory. */
    public long unlisted() {
        return unlisted;
    }

    /** The number of threshold crossings not alerted because the alert budget's allowance was spent. */
    public long heldBack() {
        return heldBack;
    }

    /** The contributions of a person's current score; empty for a person not seen. */
    public List<Contribution> currentContributions(String user, Instant at) {
        PersonScore p = people.get(user);
        return p == null ? List.of() : model.score(p.risk, at).contributions();
    }

    /** A person's live signals (for state measurements); null for a person not seen. */
    Object riskOf(String user) {
        PersonScore p = people.get(user);
        return p == null ? null : p.risk;
    }
}
