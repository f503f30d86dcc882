package org.custos.cli.evaluate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.custos.cli.report.Report;
import org.custos.ingest.Psychometrics;

/**
 * The PsychometricCheck measures whether personality scores (CERT's psychometric.csv) would help rank insiders:
 * the ROC AUC of each trait alone (either direction) and the best AUC of the risk score with the most telling
 * trait blended in, against the risk score's own AUC. Custos uses psychometrics only if they measurably help; the
 * score does not use them, and this check is how that decision is kept honest on any labelled data. The best blend
 * is chosen on the same data it is measured on, so it is optimistic: "no gain" is a firm answer, "gain" only a hint.
 *
 * @param people people with both a score and personality scores
 * @param insiders insiders among them
 * @param traitAuc each trait's AUC alone, taken in its better direction (0.5 = no information)
 * @param scoreAuc the risk score's AUC over the same people
 * @param bestBlendAuc the best AUC of score + w · z(trait) over the traits and the weights tried
 * @param bestBlend the trait and weight of that blend, e.g. {@code N +4 points per SD}
 * @param helps whether the best blend beats the score by at least {@value #MIN_GAIN} AUC
 */
public record PsychometricCheck(int people, int insiders, Map<String, Double> traitAuc, double scoreAuc,
        double bestBlendAuc, String bestBlend, boolean helps) {

    /** The AUC gain a blend must show to count as helping. */
    public static final double MIN_GAIN = 0.005;

    private static final double[] WEIGHTS = {-8, -4, -2, -1, 1, 2, 4, 8};
    private static final Map<String, ToIntFunction<Psychometrics>> TRAITS = Map.of(
            "O", Psychometrics::o, "C", Psychometrics::c, "E", Psychometrics::e, "A", Psychometrics::a,
            "N", Psychometrics::n);

    /** Measures the check on a report, its answer key and the analyzed directory's psychometric scores. */
    public static PsychometricCheck of(Report report, AnswerKey key, Map<String, Psychometrics> psychometrics) {
        Set<String> guilty = new HashSet<>();
        key.insiders().forEach(i -> guilty.add(i.user()));
        List<String> users = new ArrayList<>();
        Map<String, Double> score = new HashMap<>();
        for (Report.PersonEntry p : report.people()) {
            if (psychometrics.containsKey(p.user())) {
                users.add(p.user());
                score.put(p.user(), p.score());
            }
        }
        int insiders = (int) users.stream().filter(guilty::contains).count();
        double scoreAuc = auc(users, guilty, u -> score.get(u));
        Map<String, Double> traitAuc = new java.util.TreeMap<>();
        double best = scoreAuc;
        String bestBlend = "none";
        for (Map.Entry<String, ToIntFunction<Psychometrics>> t : new java.util.TreeMap<>(TRAITS).entrySet()) {
            double[] values = users.stream().mapToDouble(u -> t.getValue().applyAsInt(psychometrics.get(u))).toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
            Map<String, Double> z = new HashMap<>();
            for (int i = 0; i < users.size(); i++) {
                z.put(users.get(i), sd == 0 ? 0 : (values[i] - mean) / sd);
            }
            double alone = auc(users, guilty, z::get);
            traitAuc.put(t.getKey(), Math.max(alone, 1 - alone));
            for (double w : WEIGHTS) {
                double blended = auc(users, guilty, u -> score.get(u) + w * z.get(u));
                if (blended > best + 1e-12) {
                    best = blended;
                    bestBlend = t.getKey() + (w > 0 ? " +" : " ") + (int) w + " points per SD";
                }
            }
        }
        return new PsychometricCheck(users.size(), insiders, traitAuc, scoreAuc, best, bestBlend,
                best - scoreAuc >= MIN_GAIN);
    }

    private static double auc(List<String> users, Set<String> guilty,
            java.util.function.Function<String, Double> value) {
        double[] g = users.stream().filter(guilty::contains).mapToDouble(value::apply).toArray();
        double[] innocent = users.stream().filter(u -> !guilty.contains(u)).mapToDouble(value::apply).sorted()
                .toArray();
        return Evaluation.auc(g, innocent);
    }

    /** Prints the check as a short section. */
    public void print(PrintStream out) {
        out.printf("%nPsychometrics (%d people with personality scores, %d insiders)%n", people, insiders);
        StringBuilder line = new StringBuilder("  AUC of each trait alone:");
        traitAuc.forEach((t, a) -> line.append(String.format(java.util.Locale.ROOT, " %s %.3f", t, a)));
        out.println(line);
        out.printf(java.util.Locale.ROOT, "  risk score AUC %.4f; best blend with a trait %.4f (%s)%n", scoreAuc,
                bestBlendAuc, bestBlend);
        out.println(helps ? "  psychometrics may help (in-sample gain >= " + MIN_GAIN + " AUC, optimistic: the best of "
                + WEIGHTS.length * TRAITS.size() + " blends); the score still does not use them"
                : "  psychometrics do not measurably help (gain < " + MIN_GAIN + " AUC): the score does not use them");
    }
}
