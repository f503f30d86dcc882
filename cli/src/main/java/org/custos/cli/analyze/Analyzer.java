package org.custos.cli.analyze;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportBuilder;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Vocabulary;
import org.custos.core.detector.WorkingHours;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.Engine;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.ingest.FileStats;
import org.custos.ingest.InputFormat;

/**
 * An Analyzer runs the engine over one input directory: it opens the sources, streams their events in time order
 * through every detector, and returns the analysis with the report that describes it.
 */
public final class Analyzer {

    /**
     * The settings of one analysis.
     *
     * @param zone the zone of the sources' local times
     * @param warmUpDays active days a person needs before baselines apply
     * @param registry the detectors to run
     * @param parameters the risk model's parameters
     * @param budget how many alerts a week the organization is shown
     */
    public record Settings(ZoneId zone, int warmUpDays, DetectorRegistry registry, RiskParameters parameters,
            AlertBudget budget) {

        /** UTC, a 20-day warm-up, every built-in detector, default risk parameters and alert budget. */
        public static Settings defaults() {
            return new Settings(ZoneId.of("UTC"), 20, DetectorRegistry.builtIn(), RiskParameters.defaults(),
                    AlertBudget.defaults());
        }
    }

    /**
     * The outcome of an analysis.
     *
     * @param analysis what the engine concluded
     * @param report the report document
     * @param seconds the wall-clock seconds the analysis took
     */
    public record Result(Analysis analysis, Report report, double seconds) {
    }

    private Analyzer() {
    }

    /**
     * Analyzes a directory.
     *
     * @param deadLetterFile where rejected records go; null to only count them
     * @param showProgress whether to draw a progress bar (only ever on a terminal)
     */
    public static Result run(Path dir, Path deadLetterFile, Settings settings, boolean showProgress)
            throws IOException {
        return run(dir, deadLetterFile, settings, showProgress, engine -> { });
    }

    /**
     * Analyzes a directory as {@link #run(Path, Path, Settings, boolean)} does, then hands the engine, with every
     * person's state still in it, to {@code inspect} (for measurements such as the state size).
     */
    public static Result run(Path dir, Path deadLetterFile, Settings settings, boolean showProgress,
            java.util.function.Consumer<Engine> inspect) throws IOException {
        return run(dir, deadLetterFile, settings, showProgress, inspect, InputFormat.AUTO);
    }

    /**
     * Analyzes a directory as {@link #run(Path, Path, Settings, boolean, java.util.function.Consumer)} does, reading
     * its JSON-lines event files in the given format.
     */
    @SuppressWarnings("try")
    public static Result run(Path dir, Path deadLetterFile, Settings settings, boolean showProgress,
            java.util.function.Consumer<Engine> inspect, InputFormat format) throws IOException {
        long start = System.nanoTime();
        try (DeadLetters deadLetters = deadLetterFile == null ? DeadLetters.discard() : DeadLetters.to(deadLetterFile);
                CertDirectory input = CertDirectory.open(dir, deadLetters, format)) {
            WorkingHours standard = WorkingHours.standard();
            WorkingHours hours = new WorkingHours(settings.zone(), standard.startHour(), standard.endHour(),
                    standard.closeOfBusinessHour());
            OrgContext org = new OrgContext(input.organization(), hours, Vocabulary.defaults(), input.decoyFiles(),
                    settings.warmUpDays());
            Engine engine = new Engine(settings.registry(), org, new RiskModel(settings.parameters()),
                    settings.budget());
            try (Progress progress = Progress.start(showProgress, input.totalBytes(), input::bytesRead,
                    engine::events)) {
                input.forEachEvent(engine::accept);
            }
            Analysis analysis = engine.finish();
            inspect.accept(engine);
            List<Report.FileEntry> files = new ArrayList<>();
            for (Map.Entry<String, FileStats> e : input.fileStats().entrySet()) {
                FileStats s = e.getValue();
                files.add(new Report.FileEntry(s.file(), s.layout(), s.events(), s.rejected()));
            }
            files.sort((a, b) -> a.file().compareTo(b.file()));
            List<String> notices = new ArrayList<>(input.notices());
            if (analysis.heldBackAlerts() > 0) {
                notices.add(analysis.heldBackAlerts() + " threshold crossings were not alerted because the week's "
                        + "alert budget was spent (see --alert-budget); those people keep their scores and ranks");
            }
            if (analysis.duplicates() > 0) {
                notices.add(analysis.duplicates() + " duplicate events (same id, kind and time as a recent event of "
                        + "the same person) were skipped");
            }
            if (analysis.unlistedPeople() > 0) {
                notices.add(analysis.unlistedPeople() + " people have events but appear in no LDAP snapshot; they "
                        + "are scored against their own history only");
            }
            Report.Input described = new Report.Input(analysis.events(), deadLetters.count(), analysis.outOfOrder(),
                    files, notices,
                    deadLetterFile == null || deadLetters.count() == 0 ? null : deadLetterFile.toString(),
                    deadLetters.first(), analysis.unlistedPeople(), analysis.duplicates(), analysis.heldBackAlerts());
            return new Result(analysis, ReportBuilder.build(analysis, described), (System.nanoTime() - start) / 1e9);
        }
    }
}
