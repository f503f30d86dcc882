package org.custos.cli.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.report.HtmlReport;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.cli.sigma.SigmaCommand;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.risk.RiskParameters;
import org.custos.cli.store.StoreAudit;
import org.custos.store.Batch;
import org.custos.store.BatchReceipt;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.core.rule.RuleDetector;
import org.custos.ingest.InputFormat;
import org.custos.ingest.sigma.SigmaRuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** AnalyzeCommand is {@code custos analyze}: scores every person in an input directory and writes the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Score every person in a directory of activity logs and explain each score.", "",
                "Reads any CERT insider-threat release (r4.2 or r6.x, told apart by each file's header), Custos' "
                        + "own badge, print, custody and personnel feeds, and OCSF or ECS JSON-lines event files "
                        + "(docs/input-formats.md). Writes report.json (docs/report-format.md) "
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

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "How to read *.json, *.jsonl and *.ndjson event files: auto (per file, from its first "
                    + "record), ocsf, ecs, custos (HR, custody, badge, print feeds as JSON), or cert (CSV only; JSON "
                    + "files not read). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--sigma", paramLabel = "DIR",
            description = "Also run the Sigma rules in DIR (single-event rules; their hits are indicators in the "
                    + "risk model). Every rule must be valid: see 'custos sigma validate'.")
    Path sigma;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Zone of the sources' local times (CERT has none). Default: ${DEFAULT-VALUE}.")
    String zone;

    @Option(names = "--warm-up-days", defaultValue = "20", paramLabel = "N",
            description = "Active days a person needs before 'first ever' and 'far above usual' apply. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmUpDays;

    @Option(names = "--alert-threshold", paramLabel = "SCORE",
            description = "Starting alert threshold (0-100), used until four weeks of history calibrate it from the "
                    + "alert budget. Default: " + RiskParameters.DEFAULT_ALERT_THRESHOLD + ".")
    Double alertThreshold;

    @Option(names = "--min-alert-threshold", paramLabel = "SCORE",
            description = "Lowest threshold calibration may set, so a quiet organization is not shown noise. "
                    + "Default: " + AlertBudget.DEFAULT_MIN_THRESHOLD + ".")
    Double minAlertThreshold;

    @Option(names = "--alert-budget", paramLabel = "N",
            description = "About N new alerts a week per 1,000 people: each week's threshold is the score the last "
                    + "eight weeks' peaks reached that often; each week adds N alerts to an allowance (unspent weeks carry "
                    + "over, up to four weeks' worth), and once it is spent only scores of 70 or more alert. "
                    + "Default: " + AlertBudget.DEFAULT_PER_THOUSAND_PER_WEEK + ".")
    Double alertBudget;

    @Option(names = "--half-life-days", paramLabel = "DAYS",
            description = "Days after which a signal's points have halved (stressors keep their own, longer one). "
                    + "Default: " + RiskParameters.DEFAULT_HALF_LIFE_DAYS + ".")
    Double halfLifeDays;

    @Option(names = "--html-top", defaultValue = "25", paramLabel = "N",
            description = "People shown in detail in the HTML report. Default: ${DEFAULT-VALUE}.")
    int htmlTop;

    @Option(names = "--clock-skew", paramLabel = "POLICY", defaultValue = "correct",
            description = "correct, detect or off: compare each activity file's clock with logon.csv's (its events "
                    + "should fall inside the person's sessions on that host); correct shifts a file found to run "
                    + "fast or slow, detect only reports it. Either way a notice names the file and the offset. "
                    + "Default: ${DEFAULT-VALUE}.")
    String clockSkew;

    @Option(names = "--clock-offset", paramLabel = "FILE=DURATION",
            description = "Shift the dates of one activity file by an ISO-8601 duration, e.g. http.csv=-PT2H "
                    + "(repeatable); such a file is not checked for skew.")
    Map<String, String> clockOffsets = new java.util.LinkedHashMap<>();

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
        InputFormat inputFormat;
        try {
            inputFormat = InputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: unknown format '" + format + "' (auto, cert, ocsf, ecs or custos)");
        }
        DetectorRegistry registry = DetectorRegistry.builtIn();
        if (sigma != null) {
            SigmaRuleSet rules = SigmaCommand.load(sigma);
            if (!rules.problems().isEmpty()) {
                rules.problems().forEach(p -> System.err.println("custos: " + p));
                throw new UsageException(sigma + ": " + rules.problems().size() + " problems in the Sigma rules "
                        + "(listed above); nothing analyzed");
            }
            try {
                registry = registry.with(rules.rules().stream().map(RuleDetector::new).toList());
            } catch (IllegalArgumentException e) {
                throw new UsageException(sigma + ": " + e.getMessage());
            }
        }
        ClockSkewPolicy policy;
        try {
            policy = ClockSkewPolicy.valueOf(clockSkew.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--clock-skew: unknown policy '" + clockSkew + "' (expected correct, detect or off)");
        }
        Map<String, Long> offsets = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> o : clockOffsets.entrySet()) {
            try {
                offsets.put(o.getKey(), java.time.Duration.parse(o.getValue()).getSeconds());
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("--clock-offset " + o.getKey() + "=" + o.getValue()
                        + ": not an ISO-8601 duration (e.g. PT2H, -PT30M)");
            }
        }
        RiskParameters d = RiskParameters.defaults();
        RiskParameters parameters = new RiskParameters(halfLifeDays == null ? d.halfLifeDays() : halfLifeDays,
                d.scale(), d.indicatorCap(), d.pathBonus(), d.stressorAlone(),
                alertThreshold == null ? d.alertThreshold() : alertThreshold, d.maxEventIds(),
                d.stressorHalfLifeDays());
        Path letters = deadLetters != null ? deadLetters
                : report.toAbsolutePath().resolveSibling("dead-letters.csv");
        Analyzer.Settings settings = new Analyzer.Settings(zoneId, warmUpDays, registry, parameters,
                new AlertBudget(alertBudget == null ? AlertBudget.DEFAULT_PER_THOUSAND_PER_WEEK : alertBudget,
                        AlertBudget.defaults().urgentScore(),
                        minAlertThreshold == null ? AlertBudget.DEFAULT_MIN_THRESHOLD : minAlertThreshold),
                policy, offsets);
        String target = storeTarget();
        Analyzer.Result result;
        BatchReceipt receipt = null;
        if (target == null) {
            result = Analyzer.run(dir, letters, settings, !quiet, Analyzer.Sink.NONE, inputFormat);
        } else {
            try (Store store = Stores.open(target); Batch batch = store.begin(dir.toAbsolutePath().toString())) {
                result = Analyzer.run(dir, letters, settings, !quiet, new StoreSink(batch), inputFormat);
                receipt = batch.commit();
                Path auditDir = dataDirectory() == null ? Path.of("custos-data") : dataDirectory();
                StoreAudit.recordBatch(auditDir, store.info().location(), receipt);
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
