package org.custos.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.analyze.AnalyzeCommandSummary;
import org.custos.cli.analyze.Analyzer;
import org.custos.cli.evaluate.AnswerKey;
import org.custos.cli.evaluate.EvaluateCommand;
import org.custos.cli.evaluate.Evaluation;
import org.custos.cli.report.HtmlReport;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.SimulationSummary;
import org.custos.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DemoCommand is {@code custos demo}: simulates an organization with planted insiders, analyzes it, measures the
 * result against the answer key and says where the reports are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulate an organization, analyze it and show how well the insiders were found.", "",
                "Simulates an organization with planted insiders, analyzes it without looking at the answers, "
                        + "evaluates the ranking against the answer key, and prints the summary with the paths of "
                        + "report.json and report.html.", ""},
        footerHeading = "%nExit codes:%n", footer = {"  0  done", "  2  bad options or the output is not writable"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "custos-demo", paramLabel = "DIR",
            description = "Where the simulated data and the reports go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--people", defaultValue = "400", description = "People to simulate. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--days", defaultValue = "360", description = "Days to simulate. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path data = out.resolve("data");
        System.out.printf(Locale.ROOT, "1/3 simulating %d people over %d days (seed %d) into %s%n", people, days, seed,
                data.toAbsolutePath());
        long t0 = System.nanoTime();
        SimulationSummary sim = Simulator.run(
                new SimulationConfig(people, days, seed, java.time.LocalDate.of(2010, 1, 4), true), data);
        System.out.printf(Locale.ROOT, "    %,d events, %d planted insiders, %.1f s%n", sim.events(), sim.insiders(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println("2/3 analyzing (no labels are used)");
        Analyzer.Result result = Analyzer.run(data, out.resolve("dead-letters.csv"), Analyzer.Settings.defaults(),
                true);
        Path reportFile = out.resolve("report.json");
        Path htmlFile = out.resolve("report.html");
        ReportFiles.write(result.report(), reportFile);
        HtmlReport.write(result.report(), result.analysis(), 25, htmlFile);
        AnalyzeCommandSummary.print(result, System.out);
        System.out.println("3/3 evaluating against the answer key " + data.resolve("answers/insiders.csv"));
        List<Evaluation> evaluations = EvaluateCommand.evaluate(result.report(),
                AnswerKey.read(data.resolve("answers").resolve("insiders.csv")));
        EvaluateCommand.printTable(evaluations);
        Report report = result.report();
        System.out.println();
        System.out.println("report: " + reportFile.toAbsolutePath());
        System.out.println("html:   " + htmlFile.toAbsolutePath() + "  (open it in a browser)");
        System.out.printf(Locale.ROOT, "%d people ranked, %d alerts. Scores are leads for a human reviewer.%n",
                report.people().size(), report.alerts().size());
        return ExitCodes.OK;
    }
}
