package org.custos.cli.evaluate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.analyze.Analyzer;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.core.organization.Organization;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * EvaluateCommand is {@code custos evaluate}: measures a report against an answer key of known insiders and, given
 * the analyzed directory, checks that no personal attribute drives scores ({@link Fairness}) and measures what each
 * indicator family is worth ({@link Ablation}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure a report against an answer key of known insiders.", "",
                "Compares report.json with answers/insiders.csv: ROC AUC over people, detection"
                + " rate at false-positive rates of 1, 2 and 5 %% of innocent people, recall at alert budgets of 1 and"
                + " 5 %% of people, and the median detection delay in days (first alert minus the scenario's start),"
                + " overall and per scenario. The report never saw the labels.",
                "",
                "With --input (the analyzed directory), also a fairness check: for each role, business unit,"
                + " functional unit and department (from each person's latest LDAP record) the people, median and"
                + " 90th-percentile score, and share of the top 5 %% of ranks. A group is flagged when it is"
                + " over-represented among the top 5 %% of innocent people (binomial tail p < 0.001 and at least 3"
                + " times its share of innocents).",
                "",
                "With --ablate, also reanalyzes --input with the defaults of 'custos analyze', once with every"
                + " indicator and once without each indicator family (stressor, concerning-behaviour, access,"
                + " collection, custody, exfiltration), and prints each run's AUC, detection rate at 1 and 2 %% FPR"
                + " and median delay with its change versus the full run. Metrics: docs/evaluation.md.",
                ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  measured", "  2  bad options (--ablate without --input), or an unreadable report,",
                "     answer key or input directory"})
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REPORT", description = "The report.json written by 'custos analyze'.")
    Path reportFile;

    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answer key (insiders.csv).")
    Path answers;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Use only the answer-key rows of this dataset (CERT's key lists every release).")
    String dataset;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--input", paramLabel = "DIR",
            description = "The directory that was analyzed: its LDAP snapshots give the groups of the fairness check,"
                    + " and --ablate reanalyzes it. Without it the fairness check is skipped.")
    Path input;

    @Option(names = "--ablate",
            description = "Reanalyze --input once with every indicator and once without each indicator family,"
                    + " and print what each family is worth.")
    boolean ablate;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (ablate && input == null) {
            throw new UsageException("--ablate needs --input DIR, the directory to reanalyze");
        }
        Report report = ReportFiles.read(reportFile);
        AnswerKey key = AnswerKey.read(answers);
        if (dataset != null) {
            key = key.only(dataset);
            if (key.insiders().isEmpty()) {
                throw new UsageException(answers + ": no rows for dataset '" + dataset + "'");
            }
        } else if (key.datasets().size() > 1) {
            throw new UsageException(answers + ": lists datasets " + key.datasets() + "; choose one with --dataset");
        }
        List<Evaluation> results = evaluate(report, key);
        printTable(results);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("evaluations", results);
        if (input == null) {
            System.out.printf("%nfairness check skipped: give --input DIR (the analyzed directory) to read its LDAP"
                    + " snapshots%n");
        } else {
            Organization org;
            Map<String, org.custos.ingest.Psychometrics> psychometrics;
            try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
                org = dir.organization();
                psychometrics = dir.psychometrics();
            }
            if (org.isEmpty()) {
                System.out.printf("%nfairness check skipped: %s has no LDAP snapshots%n", input);
            } else {
                Fairness fairness = Fairness.of(report, key, org);
                fairness.print(System.out);
                figures.put("fairness", fairness);
            }
            if (!psychometrics.isEmpty()) {
                PsychometricCheck check = PsychometricCheck.of(report, key, psychometrics);
                check.print(System.out);
                figures.put("psychometrics", check);
            }
        }
        if (ablate) {
            Ablation ablation = Ablation.run(input, key, Analyzer.Settings.defaults());
            ablation.print(System.out);
            figures.put("ablation", ablation);
        }
        if (json != null) {
            ReportFiles.json().writeValue(json.toFile(), figures);
        }
        return ExitCodes.OK;
    }

    /** Evaluates a report against a key: the first result is over all insiders, then one per scenario. */
    public static List<Evaluation> evaluate(Report report, AnswerKey key) {
        Map<String, Double> scores = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        for (Report.PersonEntry p : report.people()) {
            scores.put(p.user(), p.score());
            ranked.add(p.user());
        }
        List<Map.Entry<String, Instant>> alerts = new ArrayList<>();
        for (Report.AlertEntry a : report.alerts()) {
            alerts.add(new AbstractMap.SimpleEntry<>(a.user(), Instant.parse(a.time())));
        }
        Map<String, List<Instant>> alertTimes = Evaluation.alertTimes(alerts);
        Map<String, Instant> all = new LinkedHashMap<>();
        Map<String, Map<String, Instant>> byScenario = new TreeMap<>();
        for (AnswerKey.Insider i : key.insiders()) {
            all.merge(i.user(), i.start(), (a, b) -> a.isBefore(b) ? a : b);
            byScenario.computeIfAbsent(i.scenario(), s -> new LinkedHashMap<>()).put(i.user(), i.start());
        }
        List<Evaluation> results = new ArrayList<>();
        results.add(Evaluation.of("all", scores, ranked, all, Set.of(), alertTimes));
        for (Map.Entry<String, Map<String, Instant>> e : byScenario.entrySet()) {
            Set<String> others = new HashSet<>(all.keySet());
            others.removeAll(e.getValue().keySet());
            results.add(Evaluation.of("scenario " + e.getKey(), scores, ranked, e.getValue(), others, alertTimes));
        }
        return results;
    }

    /** Prints the figures as a table. */
    public static void printTable(List<Evaluation> results) {
        System.out.printf(Locale.ROOT, "%-12s %8s %9s %7s %7s %7s %7s %7s %7s %9s %8s%n", "", "insiders", "innocents",
                "AUC", "DR@1%", "DR@2%", "DR@5%", "R@1%", "R@5%", "delay(d)", "alerted");
        for (Evaluation e : results) {
            System.out.printf(Locale.ROOT, "%-12s %8d %9d %7.4f %7.3f %7.3f %7.3f %7.3f %7.3f %9.2f %8s%n",
                    e.label(), e.insiders(), e.innocents(), e.auc(), e.detectionAt1(), e.detectionAt2(),
                    e.detectionAt5(), e.recallAt1(), e.recallAt5(), e.medianDelayDays(),
                    e.alerted() + "/" + e.insiders());
        }
    }
}
