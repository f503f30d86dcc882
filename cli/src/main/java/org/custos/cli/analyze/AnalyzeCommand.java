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
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import org.custos.cli.sigma.SigmaCommand;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.risk.RiskParameters;
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
        RiskParameters d = RiskParameters.defaults();
        RiskParameters parameters = new RiskParameters(halfLifeDays == null ? d.halfLifeDays() : halfLifeDays,
                d.scale(), d.indicatorCap(), d.pathBonus(), d.stressorAlone(),
                alertThreshold == null ? d.alertThreshold() : alertThreshold, d.maxEventIds(),
                d.stressorHalfLifeDays());
        Path letters = deadLetters != null ? deadLetters
                : report.toAbsolutePath().resolveSibling("dead-letters.csv");
        Analyzer.Result result = Analyzer.run(dir, letters,
                new Analyzer.Settings(zoneId, warmUpDays, registry, parameters,
                        alertBudget == null ? AlertBudget.defaults()
                                : new AlertBudget(alertBudget, AlertBudget.defaults().urgentScore())), !quiet,
                engine -> { }, inputFormat);
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
        }
        return ExitCodes.OK;
    }
}
