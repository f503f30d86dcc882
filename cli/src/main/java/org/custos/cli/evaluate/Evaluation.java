package org.custos.cli.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Evaluation measures how well a ranking finds known insiders, without the ranking having seen any label.
 *
 * <ul>
 *   <li>ROC AUC over people: the chance that a random insider scores above a random innocent person (ties count
 *       half).</li>
 *   <li>Detection rate at a false-positive rate f: with the threshold set so that at most ⌊f·innocents⌋ innocent
 *       people score strictly above it, the fraction of insiders that score strictly above it.</li>
 *   <li>Recall at an alert budget b: the fraction of insiders among the ⌈b·people⌉ highest-ranked people.</li>
 *   <li>Detection delay: the first alert on an insider at or after one day before their scenario started, minus
 *       the start, in days; insiders with no such alert count as missed.</li>
 * </ul>
 *
 * @param label what was measured ("all", or a scenario)
 * @param insiders the number of insiders measured
 * @param innocents the number of innocent people
 * @param auc ROC AUC
 * @param detectionAt1 detection rate at a 1 % false-positive rate
 * @param detectionAt2 detection rate at a 2 % false-positive rate
 * @param detectionAt5 detection rate at a 5 % false-positive rate
 * @param recallAt1 recall at an alert budget of 1 % of people
 * @param recallAt5 recall at an alert budget of 5 % of people
 * @param medianDelayDays median detection delay in days over detected insiders (NaN when none was alerted)
 * @param alerted the number of insiders alerted on
 * @param worstInsiderPercentile the lowest share of innocents that any insider outranks (1.0 = above all)
 */
public record Evaluation(String label, int insiders, int innocents, double auc, double detectionAt1,
        double detectionAt2, double detectionAt5, double recallAt1, double recallAt5, double medianDelayDays,
        int alerted, double worstInsiderPercentile) {

    /**
     * Evaluates scores against a set of insiders.
     *
     * @param scores every person's score
     * @param ranked every person, best rank first
     * @param insiderStarts the measured insiders with their scenario start
     * @param excluded people to leave out of the innocents (insiders of other scenarios)
     * @param firstAlerts every person's alert times, oldest first
     */
    public static Evaluation of(String label, Map<String, Double> scores, List<String> ranked,
            Map<String, Instant> insiderStarts, Set<String> excluded, Map<String, List<Instant>> firstAlerts) {
        double[] innocent = scores.entrySet().stream()
                .filter(e -> !insiderStarts.containsKey(e.getKey()) && !excluded.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sorted().toArray();
        double[] guilty = insiderStarts.keySet().stream().mapToDouble(u -> scores.getOrDefault(u, 0.0)).toArray();
        double auc = auc(guilty, innocent);
        int peopleCount = innocent.length + guilty.length;
        List<String> pool = ranked.stream().filter(u -> !excluded.contains(u)).toList();
        double worst = 1.0;
        for (double g : guilty) {
            worst = Math.min(worst, fractionBelow(innocent, g));
        }
        List<Double> delays = new ArrayList<>();
        int alerted = 0;
        for (Map.Entry<String, Instant> e : insiderStarts.entrySet()) {
            Instant from = e.getValue().minus(Duration.ofDays(1));
            Instant first = firstAlerts.getOrDefault(e.getKey(), List.of()).stream()
                    .filter(t -> !t.isBefore(from)).findFirst().orElse(null);
            if (first != null) {
                alerted++;
                delays.add(Math.max(0, Duration.between(e.getValue(), first).toSeconds() / 86_400.0));
            }
        }
        return new Evaluation(label, guilty.length, innocent.length, auc,
                detectionAt(guilty, innocent, 0.01), detectionAt(guilty, innocent, 0.02),
                detectionAt(guilty, innocent, 0.05), recallAt(pool, insiderStarts.keySet(), peopleCount, 0.01),
                recallAt(pool, insiderStarts.keySet(), peopleCount, 0.05), median(delays), alerted, worst);
    }

    static double auc(double[] guilty, double[] innocentSorted) {
        if (guilty.length == 0 || innocentSorted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double g : guilty) {
            int below = lowerBound(innocentSorted, g);
            int notAbove = upperBound(innocentSorted, g);
            sum += below + 0.5 * (notAbove - below);
        }
        return sum / ((double) guilty.length * innocentSorted.length);
    }

    static double detectionAt(double[] guilty, double[] innocentSorted, double fpr) {
        if (guilty.length == 0) {
            return Double.NaN;
        }
        int allowed = (int) Math.floor(fpr * innocentSorted.length);
        double threshold = innocentSorted.length == 0 ? Double.NEGATIVE_INFINITY
                : innocentSorted[innocentSorted.length - 1 - Math.min(allowed, innocentSorted.length - 1)];
        if (allowed >= innocentSorted.length) {
            threshold = Double.NEGATIVE_INFINITY;
        }
        double t = threshold;
        return Arrays.stream(guilty).filter(g -> g > t).count() / (double) guilty.length;
    }

    static double recallAt(List<String> ranked, Set<String> insiders, int people, double budget) {
        if (insiders.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(budget * people);
        long found = ranked.stream().limit(k).filter(insiders::contains).count();
        return found / (double) insiders.size();
    }

    private static double fractionBelow(double[] sorted, double v) {
        return sorted.length == 0 ? 1.0 : lowerBound(sorted, v) / (double) sorted.length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Groups alert times by person, oldest first. */
    public static Map<String, List<Instant>> alertTimes(List<Map.Entry<String, Instant>> alerts) {
        Map<String, List<Instant>> byUser = new HashMap<>();
        alerts.forEach(a -> byUser.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(a.getValue()));
        byUser.values().forEach(list -> list.sort(Instant::compareTo));
        return byUser;
    }
}
