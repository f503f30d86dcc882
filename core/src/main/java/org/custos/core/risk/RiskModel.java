package org.custos.core.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.indicator.Category;

/**
 * The RiskModel turns a person's live signals into a {@link RiskScore} at an instant: a 0–100 score that is the
 * exact sum of named contributions, each pointing at its events.
 *
 * <p>How a score is made:
 * <ol>
 *   <li>Each signal's weight decays with the half-life: {@code w·2^(−age/halfLife)}; stressors with their own,
 *       longer half-life.</li>
 *   <li>Per indicator the decayed weights are summed and saturated, {@code cap·(1−e^(−sum/cap))} with
 *       {@code cap = indicatorCap·weight}, so one noisy indicator cannot carry a score alone.</li>
 *   <li>Stressors (personnel signals, nearness to departure) count for at most {@code stressorAlone} points more
 *       than the technical evidence beside them: on their own they stay below the alert threshold, and they
 *       raise the weight of technical signals that come with them.</li>
 *   <li>When signals cover more than one stage of the critical path (stressor → concerning behaviour →
 *       collection → exfiltration), a {@value #CRITICAL_PATH} contribution adds
 *       {@code pathBonus·½·((S − M) + (S' − M'))}, where S is the sum of the stages' points and M the largest of
 *       them, and S', M' the same over the stages that occurred in order (the in-order chain worth most), never
 *       more than the technical points. The bonus grows with the weaker stages, so a strong signal beside a faint
 *       one earns little; a sequence in order earns twice what the same stages out of order earn. A path without a
 *       precursor (no stressor and no concerning behaviour or access signal, such as a burst of drive use with the
 *       copies it brings) earns a quarter. A stage's time is when its earliest signal began, counting signals
 *       {@link PersonRisk#expire} has dropped while the stage has others. Adding a signal at the latest instant
 *       never lowers the bonus, and neither decay nor expiry raises it.</li>
 *   <li>The raw total {@code R} becomes {@code score = 100·(1−e^(−R/scale))}, and each raw part {@code r_i}
 *       becomes the contribution {@code r_i·score/R}; the contributions therefore add up to the score.</li>
 * </ol>
 */
public final class RiskModel implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of the contribution that rewards a sequence along the critical path. */
    public static final String CRITICAL_PATH = "critical-path";

    private final RiskParameters parameters;

    /** A model with the given parameters. */
    public RiskModel(RiskParameters parameters) {
        this.parameters = parameters;
    }

    /** The parameters. */
    public RiskParameters parameters() {
        return parameters;
    }

    private static final class Part {
        final String indicator;
        final String category;
        final int stage;
        final boolean stressor;
        double decayed;
        double cap;
        double raw;
        Instant first;
        Instant last;
        double strongest = -1;
        String explanation = "";
        int eventCount;
        final List<String> eventIds = new ArrayList<>();

        Part(String indicator, Category category) {
            this.indicator = indicator;
            this.category = category.id();
            this.stage = category.stage();
            this.stressor = category == Category.STRESSOR;
        }

        Part(String indicator) {
            this.indicator = indicator;
            this.category = indicator;
            this.stage = -1;
            this.stressor = false;
        }
    }

    /** The person's score at {@code at}, counting only signals at or before it. */
    public RiskScore score(PersonRisk risk, Instant at) {
        Map<String, Part> parts = new LinkedHashMap<>();
        long now = at.getEpochSecond();
        double normalHalfLife = parameters.halfLifeDays() * 86_400;
        double stressorHalfLife = parameters.stressorHalfLifeDays() * 86_400;
        for (PersonRisk.Entry e : risk.entries()) {
            if (e.first.getEpochSecond() > now) {
                continue;
            }
            double age = Math.max(0, now - e.last.getEpochSecond());
            double halfLifeSeconds = e.indicator.category() == Category.STRESSOR ? stressorHalfLife : normalHalfLife;
            double decayed = e.weight * Math.pow(0.5, age / halfLifeSeconds);
            Part p = parts.computeIfAbsent(e.indicator.id(), id -> new Part(id, e.indicator.category()));
            p.cap = Math.max(p.cap, parameters.indicatorCap() * e.indicator.weight());
            p.decayed += decayed;
            p.first = p.first == null || e.first.isBefore(p.first) ? e.first : p.first;
            p.last = p.last == null || e.last.isAfter(p.last) ? e.last : p.last;
            p.eventCount += e.eventCount;
            if (e.strongest * Math.pow(0.5, age / halfLifeSeconds) > p.strongest) {
                p.strongest = e.strongest * Math.pow(0.5, age / halfLifeSeconds);
                p.explanation = e.explanation;
            }
            p.eventIds.addAll(e.eventIds);
        }
        if (parts.isEmpty()) {
            return RiskScore.zero(risk.user(), at);
        }
        double technical = 0;
        double stressors = 0;
        for (Part p : parts.values()) {
            p.raw = p.cap * (1 - Math.exp(-p.decayed / p.cap));
            if (p.stressor) {
                stressors += p.raw;
            } else {
                technical += p.raw;
            }
        }
        if (stressors > technical + parameters.stressorAlone()) {
            double factor = (technical + parameters.stressorAlone()) / stressors;
            parts.values().stream().filter(p -> p.stressor).forEach(p -> p.raw *= factor);
            stressors *= factor;
        }
        Part path = criticalPath(parts, technical, risk, at);
        double total = technical + stressors + (path == null ? 0 : path.raw);
        if (!(total > 0)) {
            return RiskScore.zero(risk.user(), at);
        }
        double score = 100 * (1 - Math.exp(-total / parameters.scale()));
        List<Part> ordered = new ArrayList<>(parts.values());
        if (path != null) {
            ordered.add(path);
        }
        List<Contribution> contributions = new ArrayList<>(ordered.size());
        for (Part p : ordered) {
            List<String> ids = p.eventIds.size() > parameters.maxEventIds()
                    ? p.eventIds.subList(p.eventIds.size() - parameters.maxEventIds(), p.eventIds.size())
                    : p.eventIds;
            contributions.add(new Contribution(p.indicator, p.category, p.raw * score / total, ids, p.eventCount,
                    p.first, p.last, p.explanation));
        }
        contributions.sort(Comparator.comparingDouble(Contribution::points).reversed()
                .thenComparing(Contribution::indicator));
        return new RiskScore(risk.user(), at, score, contributions);
    }

    private static boolean inOrder(int subset, Instant[] firstByStage) {
        Instant previous = null;
        for (int s = 0; s < 4; s++) {
            if ((subset & (1 << s)) != 0) {
                if (previous != null && firstByStage[s].isBefore(previous)) {
                    return false;
                }
                previous = firstByStage[s];
            }
        }
        return true;
    }

    private Part criticalPath(Map<String, Part> parts, double technical, PersonRisk risk, Instant at) {
        Instant[] firstByStage = new Instant[4];
        Part[] earliest = new Part[4];
        double[] stageRaw = new double[4];
        for (Part p : parts.values()) {
            stageRaw[p.stage] += p.raw;
            if (firstByStage[p.stage] == null || p.first.isBefore(firstByStage[p.stage])) {
                firstByStage[p.stage] = p.first;
                earliest[p.stage] = p;
            }
        }
        for (int s = 0; s < 4; s++) {
            Instant dropped = risk.droppedFirst(s);
            if (stageRaw[s] < 0.5) {
                firstByStage[s] = null;
                earliest[s] = null;
            } else if (dropped != null && !dropped.isAfter(at) && dropped.isBefore(firstByStage[s])) {
                firstByStage[s] = dropped;
            }
        }
        int present = 0;
        double sum = 0;
        double max = 0;
        for (int s = 0; s < 4; s++) {
            if (firstByStage[s] != null) {
                present |= 1 << s;
                sum += stageRaw[s];
                max = Math.max(max, stageRaw[s]);
            }
        }
        if (Integer.bitCount(present) < 2 || technical <= 0) {
            return null;
        }
        double chainValue = 0;
        int bestChain = 0;
        for (int subset = present; subset > 0; subset = (subset - 1) & present) {
            if (Integer.bitCount(subset) < 2 || !inOrder(subset, firstByStage)) {
                continue;
            }
            double chainSum = 0;
            double chainMax = 0;
            for (int s = 0; s < 4; s++) {
                if ((subset & (1 << s)) != 0) {
                    chainSum += stageRaw[s];
                    chainMax = Math.max(chainMax, stageRaw[s]);
                }
            }
            if (chainSum - chainMax > chainValue) {
                chainValue = chainSum - chainMax;
                bestChain = subset;
            }
        }
        boolean inOrder = bestChain == present;
        boolean precursor = (present & 0b11) != 0;
        double bonus = Math.min(technical,
                parameters.pathBonus() * (precursor ? 0.5 : 0.125) * ((sum - max) + chainValue));
        int stages = Integer.bitCount(present);
        Part path = new Part(CRITICAL_PATH);
        path.raw = bonus;
        StringBuilder story = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            Part p = earliest[s];
            if (p == null) {
                continue;
            }
            path.first = path.first == null || p.first.isBefore(path.first) ? p.first : path.first;
            path.last = path.last == null || p.first.isAfter(path.last) ? p.first : path.last;
            if (!p.eventIds.isEmpty()) {
                path.eventIds.add(p.eventIds.get(0));
            }
            story.append(story.length() == 0 ? "" : " then ").append(p.category).append(" (").append(p.indicator)
                    .append(')');
        }
        path.eventCount = path.eventIds.size();
        path.explanation = stages + " critical-path stages " + (inOrder ? "in order: " : "out of order: ") + story;
        return path;
    }
}
