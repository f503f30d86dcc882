package org.custos.cli.evaluate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custos.cli.analyze.Analyzer;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.indicator.Category;

/**
 * An Ablation measures what each indicator family (an indicator {@link Category}) is worth: the input is analyzed
 * once with every indicator and once without each family in turn, and each run is evaluated against the answer
 * key over all insiders.
 *
 * @param full the run with every indicator
 * @param without one run per family left out, in critical-path order
 */
public record Ablation(Run full, List<Run> without) {

    /**
     * One analysis of the ablation and its figures.
     *
     * @param family the family left out ({@code stressor}, ...); {@code none} for the full run
     * @param indicators the number of indicators that ran
     * @param evaluation the evaluation over all insiders
     * @param aucChange the change of ROC AUC versus the full run
     * @param detectionAt1Change the change of the detection rate at a 1 % false-positive rate
     * @param detectionAt2Change the change of the detection rate at a 2 % false-positive rate
     * @param medianDelayChange the change of the median detection delay in days (NaN when either run alerted on no
     *     insider)
     * @param seconds the wall-clock seconds the analysis took
     */
    public record Run(String family, int indicators, Evaluation evaluation, double aucChange,
            double detectionAt1Change, double detectionAt2Change, double medianDelayChange, double seconds) {
    }

    /**
     * Analyzes a directory with every indicator and without each family, and evaluates every run.
     *
     * @param dir the input directory
     * @param key the answer key
     * @param settings the settings of the full run; each ablated run drops one family from its registry
     */
    public static Ablation run(Path dir, AnswerKey key, Analyzer.Settings settings) throws IOException {
        Run full = measure(dir, key, settings, "none", null);
        List<Run> without = new ArrayList<>();
        for (Category family : Category.values()) {
            DetectorRegistry kept = settings.registry().filter(i -> i.category() != family);
            if (kept.detectors().size() == settings.registry().detectors().size()) {
                continue;
            }
            Analyzer.Settings ablated = new Analyzer.Settings(settings.zone(), settings.warmUpDays(), kept,
                    settings.parameters(), settings.budget());
            without.add(measure(dir, key, ablated, family.id(), full.evaluation()));
        }
        return new Ablation(full, without);
    }

    private static Run measure(Path dir, AnswerKey key, Analyzer.Settings settings, String family,
            Evaluation full) throws IOException {
        Analyzer.Result result = Analyzer.run(dir, null, settings, false);
        Evaluation e = EvaluateCommand.evaluate(result.report(), key).get(0);
        Evaluation base = full == null ? e : full;
        return new Run(family, settings.registry().detectors().size(), e, e.auc() - base.auc(),
                e.detectionAt1() - base.detectionAt1(), e.detectionAt2() - base.detectionAt2(),
                e.medianDelayDays() - base.medianDelayDays(), result.seconds());
    }

    /** Prints one line per run: its figures, each followed by its change versus the full run in brackets. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nAblation: what each indicator family is worth (all insiders; in brackets the change"
                + " versus the run with every indicator)%n");
        out.printf(Locale.ROOT, "%-28s %4s  %-17s %-15s %-15s %-17s %s%n", "run", "ind.", "AUC", "DR@1%", "DR@2%",
                "delay(d)", "alerted");
        line(out, "every indicator", full);
        for (Run r : without) {
            line(out, "without " + r.family(), r);
        }
    }

    private static void line(PrintStream out, String label, Run r) {
        Evaluation e = r.evaluation();
        boolean base = "none".equals(r.family());
        out.printf(Locale.ROOT, "%-28s %4d  %-17s %-15s %-15s %-17s %s%n", label, r.indicators(),
                figure("%.4f", e.auc(), r.aucChange(), base),
                figure("%.3f", e.detectionAt1(), r.detectionAt1Change(), base),
                figure("%.3f", e.detectionAt2(), r.detectionAt2Change(), base),
                figure("%.2f", e.medianDelayDays(), r.medianDelayChange(), base), e.alerted() + "/" + e.insiders());
    }

    private static String figure(String format, double value, double change, boolean base) {
        String v = String.format(Locale.ROOT, format, value);
        return base ? v : v + " (" + String.format(Locale.ROOT, format.replace("%", "%+"), change) + ")";
    }
}
