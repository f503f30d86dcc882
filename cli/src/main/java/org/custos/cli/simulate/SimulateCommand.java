package org.custos.cli.simulate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.simulator.weblog.WebLogConfig;
import org.custos.simulator.weblog.WebLogSimulator;
import org.custos.simulator.weblog.WebLogSummary;
import org.custos.simulator.DataLayout;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.SimulationSummary;
import org.custos.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** SimulateCommand is {@code custos simulate}: writes a synthetic organization with planted insiders. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic organization with planted insiders and an answer key.", "",
                "The files follow the CERT r6.2 layout, plus Custos' badge, print, custody and personnel feeds; "
                        + "answers/insiders.csv lists the insiders (docs/simulator.md). The same options always give "
                        + "the same bytes. --layout r6.2 or r4.2 writes only what that CERT release has (no Custos "
                        + "feeds; scenarios 1-5 or 1-3), to measure detection on CERT-shaped data.", ""},
        footerHeading = "%nExit codes:%n", footer = {"  0  written", "  2  bad options or the output is not writable"})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "1000", description = "Number of people (>= 20). Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--days", defaultValue = "500", description = "Number of days (>= 60). Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--layout", defaultValue = "custos", converter = LayoutConverter.class,
            description = "custos (CERT r6.2 files plus Custos feeds, scenarios 1-7), r6.2 or r4.2. "
                    + "Default: ${DEFAULT-VALUE}.")
    DataLayout layout;

    @Option(names = "--no-insiders", description = "Plant no insiders (background only).")
    boolean noInsiders;

    @Option(names = "--web-logs", description = "Also write the public web site's access log with planted "
            + "harvesters: weblogs/access.log and answers/harvesters.csv (docs/simulator.md).")
    boolean webLogs;

    @Option(names = "--web-visitors", defaultValue = "20000", paramLabel = "N",
            description = "With --web-logs: ordinary visitors (>= 100). Default: ${DEFAULT-VALUE}.")
    int webVisitors;

    @Option(names = "--web-days", defaultValue = "7", paramLabel = "D",
            description = "With --web-logs: days of web log (>= 1). Default: ${DEFAULT-VALUE}.")
    int webDays;

    @Option(names = "--fast-harvesters", defaultValue = "3", paramLabel = "N",
            description = "With --web-logs: fast harvesters. Default: ${DEFAULT-VALUE}.")
    int fastHarvesters;

    @Option(names = "--slow-harvesters", defaultValue = "10", paramLabel = "N",
            description = "With --web-logs: slow, polite harvesters. Default: ${DEFAULT-VALUE}.")
    int slowHarvesters;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        WebLogConfig web = null;
        if (webLogs) {
            try {
                web = new WebLogConfig(webVisitors, webDays, seed, java.time.LocalDate.of(2010, 1, 4),
                        fastHarvesters, slowHarvesters, 3);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--web-logs: " + e.getMessage());
            }
        }
        SimulationSummary summary = Simulator.run(
                new SimulationConfig(people, days, seed, SimulationConfig.DEFAULT_START, !noInsiders, layout), out);
        System.out.printf("simulated %d people over %d days (seed %d): %,d events, %d insiders, in %.1f s -> %s%n",
                summary.people(), days, seed, summary.events(), summary.insiders(),
                (System.nanoTime() - start) / 1e9, out.toAbsolutePath());
        if (web != null) {
            long webStart = System.nanoTime();
            WebLogSummary w = WebLogSimulator.run(web, out);
            System.out.printf("web logs: %,d lines from %,d visitors (%d binge readers), %d crawlers, %d fast and %d"
                            + " slow harvesters, in %.1f s -> %s%n", w.lines(), w.visitors(), w.bingers(),
                    w.crawlers(), w.fastHarvesters(), w.slowHarvesters(), (System.nanoTime() - webStart) / 1e9,
                    out.resolve("weblogs").toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    /** Reads a {@link DataLayout} by its command-line name. */
    static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<DataLayout> {
        @Override
        public DataLayout convert(String value) {
            return DataLayout.parse(value);
        }
    }
}
