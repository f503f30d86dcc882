package org.custos.cli.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.report.HtmlReport;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.risk.RiskParameters;
import org.custos.store.Batch;
import org.custos.store.BatchReceipt;
import org.custos.store.Store;
import org.custos.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** AnalyzeCommand is {@code custos analyze}: scores every person in an input directory and writes the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Score every person in a directory of activity logs and explain each score.", "",
                "Reads any CERT insider-threat release (r4.2 or r6.x, told apart by each file's header) and Custos' "
                        + "own badge, print, custody and personnel feeds. Writes report.json (docs/report-format.md) "
                        + "and optionally an HTML report; prints the top ten. Malformed records go to the "
                        + "dead-letter CSV (file,line,reason,raw), the first ten are named on standard error, and "
                        + "the run goes on.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  analyzed (rejected records, if any, are listed in the dead-letter file)",
                "  1  the store could not be opened or written (nothing of this run is in it)",
                "  2  bad options, or the directory is missing, empty or holds no recognizable file"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The input directory.")
    Path dir;

    @Option(names = "--report", defaultValue = "report.json", paramLabel = "FILE",
            description = "Where to write the JSON report. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with daily-risk charts.")
    Path html;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Where rejected records go. Default: dead-letters.csv beside the report.")
    Path deadLetters;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Zone of the sources' local times (CERT has none). Default: ${DEFAULT-VALUE}.")
    String zone;

    @Option(names = "--warm-up-days", defaultValue = "20", paramLabel = "N",
            description = "Active days a person needs before 'first ever' and 'far above usual' apply. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmUpDays;

    @Option(names = "--alert-threshold", paramLabel = "SCORE",
            description = "Score (0-100) at which an alert is raised. Default: "
                    + RiskParameters.DEFAULT_ALERT_THRESHOLD + ".")
    Double alertThreshold;

    @Option(names = "--alert-budget", paramLabel = "N",
            description = "At most N new alerts a week per 1,000 people; beyond it only scores of 70 or more alert. "
                    + "Default: " + AlertBudget.DEFAULT_PER_THOUSAND_PER_WEEK + ".")
    Double alertBudget;

    @Option(names = "--half-life-days", paramLabel = "DAYS",
            description = "Days after which a signal's points have halved (stressors keep their own, longer one). "
                    + "Default: " + RiskParameters.DEFAULT_HALF_LIFE_DAYS + ".")
    Double halfLifeDays;

    @Option(names = "--html-top", defaultValue = "25", paramLabel = "N",
            description = "People shown in detail in the HTML report. Default: ${DEFAULT-VALUE}.")
    int htmlTop;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Also write people, directory snapshots, events, daily scores and alerts into the embedded "
                    + "store in this data directory, in one transaction, and record the write in its audit log "
                    + "(docs/store.md). Default: $CUSTOS_DATA when set, else no store.")
    Path data;

    @Option(names = "--store", paramLabel = "URL",
            description = "Write into a PostgreSQL store instead (jdbc:postgresql://host/db?user=U&password=P, or "
                    + "PGUSER/PGPASSWORD); the audit log stays in the data directory (--data, $CUSTOS_DATA, else "
                    + "./custos-data).")
    String storeUrl;

    @Option(names = "--quiet", description = "Print no ranking, only errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new UsageException("--zone: unknown zone '" + zone + "' (e.g. UTC, Europe/Berlin, Asia/Shanghai)");
        }
        RiskParameters d = RiskParameters.defaults();
        RiskParameters parameters = new RiskParameters(halfLifeDays == null ? d.halfLifeDays() : halfLifeDays,
                d.scale(), d.indicatorCap(), d.pathBonus(), d.stressorAlone(),
                alertThreshold == null ? d.alertThreshold() : alertThreshold, d.maxEventIds(),
                d.stressorHalfLifeDays());
        Path letters = deadLetters != null ? deadLetters
                : report.toAbsolutePath().resolveSibling("dead-letters.csv");
        Analyzer.Settings settings = new Analyzer.Settings(zoneId, warmUpDays, DetectorRegistry.builtIn(), parameters,
                alertBudget == null ? AlertBudget.defaults()
                        : new AlertBudget(alertBudget, AlertBudget.defaults().urgentScore()));
        String target = storeTarget();
        Analyzer.Result result;
        BatchReceipt receipt = null;
        if (target == null) {
            result = Analyzer.run(dir, letters, settings, !quiet);
        } else {
            try (Store store = Stores.open(target); Batch batch = store.begin(dir.toAbsolutePath().toString())) {
                result = Analyzer.run(dir, letters, settings, !quiet, new StoreSink(batch));
                receipt = batch.commit();
                Path auditDir = dataDirectory() == null ? Path.of("custos-data") : dataDirectory();
                StoreAudit.recordBatch(auditDir, receipt);
            }
        }
        ReportFiles.write(result.report(), report);
        if (html != null) {
            HtmlReport.write(result.report(), result.analysis(), htmlTop, html);
        }
        Report.Input input = result.report().input();
        input.notices().forEach(n -> System.err.println("custos: notice: " + n));
        input.firstRejected().forEach(r -> System.err.println("custos: rejected: " + r));
        if (input.rejected() > input.firstRejected().size()) {
            System.err.println("custos: ... and " + (input.rejected() - input.firstRejected().size())
                    + " more rejected records in " + input.deadLetters());
        }
        if (!quiet) {
            AnalyzeCommandSummary.print(result, System.out);
            System.out.println("report: " + report.toAbsolutePath()
                    + (html == null ? "" : "\nhtml:   " + html.toAbsolutePath()));
            if (receipt != null) {
                System.out.printf(Locale.ROOT, "store:  %s (batch %d: %,d events added, %,d already stored, %,d daily "
                        + "scores, %,d new alerts)%n", target.startsWith("jdbc:")
                        ? target.replaceAll("(?i)([?&]password=)[^&]*", "$1***") : Path.of(target).toAbsolutePath(),
                        receipt.id(), receipt.events(), receipt.duplicateEvents(), receipt.scores(), receipt.alerts());
            }
        }
        return ExitCodes.OK;
    }

    /** The store to write to: --store, else the data directory (--data, else $CUSTOS_DATA); null for none. */
    private String storeTarget() {
        if (storeUrl != null) {
            if (!storeUrl.startsWith("jdbc:postgresql:")) {
                throw new UsageException("--store: expected a jdbc:postgresql://… URL, got '" + storeUrl + "'");
            }
            return storeUrl;
        }
        Path dataDir = dataDirectory();
        return dataDir == null ? null : dataDir.toString();
    }

    /** The data directory named by --data or $CUSTOS_DATA; null when neither is given. */
    private Path dataDirectory() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("CUSTOS_DATA");
        return env == null || env.isBlank() ? null : Path.of(env);
    }
}
