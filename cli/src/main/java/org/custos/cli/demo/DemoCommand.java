package org.custos.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.Main;
import org.custos.cli.serve.ServeCommand;
import org.custos.server.security.Passwords;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.cli.evaluate.AnswerKey;
import org.custos.cli.evaluate.EvaluateCommand;
import org.custos.cli.evaluate.Evaluation;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.SimulationSummary;
import org.custos.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DemoCommand is {@code custos demo}: simulates an organization with planted insiders, analyzes it into a data
 * directory, measures the result against the answer key, and serves the dashboard over it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulate an organization, analyze it, show how well the insiders were found, and serve it.", "",
                "Simulates an organization with planted insiders, analyzes it without looking at the answers into "
                        + "the data directory OUT/custos-data (store and audit log), evaluates the ranking against "
                        + "the answer key, prints the summary with the paths of report.json and report.html, and then "
                        + "serves the dashboard on 127.0.0.1 with fresh 'admin', 'analyst' and 'investigator' "
                        + "accounts whose passwords it prints once. --no-serve stops after the evaluation.", ""},
        footerHeading = "%nExit codes:%n", footer = {"  0  done (or the dashboard was stopped)",
                "  2  bad options, the output is not writable, or the port is taken"})
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

    @Option(names = "--no-serve", description = "Stop after the evaluation instead of serving the dashboard.")
    boolean noServe;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
            description = "The port the dashboard listens on (0 for any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        Path data = out.resolve("data");
        Path store = out.resolve("custos-data");
        if (Files.exists(store.resolve("custos.duckdb"))) {
            clear(store);
        }
        System.out.printf(Locale.ROOT, "1/4 simulating %d people over %d days (seed %d) into %s%n", people, days, seed,
                data.toAbsolutePath());
        long t0 = System.nanoTime();
        SimulationSummary sim = Simulator.run(
                new SimulationConfig(people, days, seed, java.time.LocalDate.of(2010, 1, 4), true), data);
        System.out.printf(Locale.ROOT, "    %,d events, %d planted insiders, %.1f s%n", sim.events(), sim.insiders(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println("2/4 analyzing (no labels are used) into the data directory " + store.toAbsolutePath());
        Path reportFile = out.resolve("report.json");
        Path htmlFile = out.resolve("report.html");
        int analyzed = Main.commandLine().execute("analyze", data.toString(), "--report", reportFile.toString(),
                "--html", htmlFile.toString(), "--dead-letters", out.resolve("dead-letters.csv").toString(),
                "--data", store.toString());
        if (analyzed != ExitCodes.OK) {
            return analyzed;
        }
        Report report = ReportFiles.read(reportFile);
        System.out.println("3/4 evaluating against the answer key " + data.resolve("answers/insiders.csv"));
        List<Evaluation> evaluations = EvaluateCommand.evaluate(report,
                AnswerKey.read(data.resolve("answers").resolve("insiders.csv")));
        EvaluateCommand.printTable(evaluations);
        System.out.println();
        System.out.println("report: " + reportFile.toAbsolutePath());
        System.out.println("html:   " + htmlFile.toAbsolutePath() + "  (open it in a browser)");
        System.out.printf(Locale.ROOT, "%d people ranked, %d alerts. Scores are leads for a human reviewer.%n",
                report.people().size(), report.alerts().size());
        if (noServe) {
            return ExitCodes.OK;
        }
        System.out.println("4/4 serving the dashboard over " + store.toAbsolutePath());
        Map<String, String> accounts = demoAccounts(store);
        ServeCommand.Running running = ServeCommand.start(store, port, System.out);
        accounts.forEach((name, password) -> System.out.println("  account '" + name + "', password " + password
                + " (shown only now)"));
        System.out.println("Sign in as 'analyst' for the board and alerts, 'investigator' for cases, 'admin' for "
                + "accounts. Stop with Ctrl-C.");
        System.out.println(running.address());
        System.out.flush();
        ServeCommand.serveUntilStopped(running);
        return ExitCodes.OK;
    }

    /** Creates the demo's admin, analyst and investigator accounts with random passwords. */
    private static Map<String, String> demoAccounts(Path dataDir) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Store store = Stores.embedded(dataDir)) {
            for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.INVESTIGATOR)) {
                String password = Passwords.random();
                store.createAccount(role.id(), role, Passwords.hash(password), Instant.now());
                out.put(role.id(), password);
            }
        }
        return out;
    }

    /** Removes a data directory an earlier demo run wrote, so each demo starts from scratch. */
    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
