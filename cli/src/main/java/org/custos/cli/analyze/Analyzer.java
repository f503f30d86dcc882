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
import org.custos.core.event.Event;
import org.custos.core.organization.Organization;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.ClockSkew;
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
     * @param clockSkew what to do about activity files whose clock disagrees with logon.csv
     * @param clockOffsets seconds to add to the dates of named activity files, given by the user; these files are
     *     not checked
     */
    public record Settings(ZoneId zone, int warmUpDays, DetectorRegistry registry, RiskParameters parameters,
            AlertBudget budget, ClockSkewPolicy clockSkew, Map<String, Long> clockOffsets) {

        /** Checks the fields and copies the map. */
        public Settings {
            java.util.Objects.requireNonNull(clockSkew, "clockSkew");
            clockOffsets = Map.copyOf(clockOffsets);
        }

        /** Settings that correct detected clock skew and have no user-given offsets. */
        public Settings(ZoneId zone, int warmUpDays, DetectorRegistry registry, RiskParameters parameters,
                AlertBudget budget) {
            this(zone, warmUpDays, registry, parameters, budget, ClockSkewPolicy.CORRECT, Map.of());
        }

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
        return run(dir, deadLetterFile, settings, showProgress, new Sink() {
            @Override
            public void event(Event event) {
            }

            @Override
            public void finished(Organization organization, Engine engine, Analysis analysis) {
                inspect.accept(engine);
            }
        });
    }

    /** A Sink sees every event the engine is given and then the finished analysis (e.g. to write them to a store). */
    public interface Sink {

        /** Called with each event, in the order the engine sees it. */
        void event(Event event);

        /** Called once the analysis is finished, with the engine still holding every person's state. */
        void finished(Organization organization, Engine engine, Analysis analysis);

        /** A sink that ignores what it is given. */
        Sink NONE = new Sink() {
            @Override
            public void event(Event event) {
            }

            @Override
            public void finished(Organization organization, Engine engine, Analysis analysis) {
            }
        };
    }

    /** Analyzes a directory as {@link #run(Path, Path, Settings, boolean)} does, handing events and outcome to a sink. */
    public static Result run(Path dir, Path deadLetterFile, Settings settings, boolean showProgress, Sink sink)
            throws IOException {
        return run(dir, deadLetterFile, settings, showProgress, sink, InputFormat.AUTO);
    }

    /**
     * Analyzes a directory as {@link #run(Path, Path, Settings, boolean, Sink)} does, reading its JSON-lines event
     * files in the given format.
     */
    @SuppressWarnings("try")
    public static Result run(Path dir, Path deadLetterFile, Settings settings, boolean showProgress, Sink sink,
            InputFormat format) throws IOException {
        long start = System.nanoTime();
        try (DeadLetters deadLetters = deadLetterFile == null ? DeadLetters.discard() : DeadLetters.to(deadLetterFile);
                CertDirectory input = CertDirectory.open(dir, deadLetters, format)) {
            List<String> clockNotices = new ArrayList<>();
            for (Map.Entry<String, Long> offset : settings.clockOffsets().entrySet()) {
                input.correctClock(offset.getKey(), offset.getValue());
                clockNotices.add(offset.getKey() + ": dates shifted by " + offset.getValue() + " s as asked "
                        + "(--clock-offset)");
            }
            if (settings.clockSkew() != ClockSkewPolicy.OFF) {
                for (ClockSkew skew : input.checkClocks()) {
                    if (settings.clockOffsets().containsKey(skew.file())) {
                        continue;
                    }
                    boolean correct = settings.clockSkew() == ClockSkewPolicy.CORRECT;
                    if (correct) {
                        input.correctClock(skew.file(), skew.offsetSeconds());
                    }
                    clockNotices.add(skew.describe(correct));
                }
            }
            WorkingHours standard = WorkingHours.standard();
            WorkingHours hours = new WorkingHours(settings.zone(), standard.startHour(), standard.endHour(),
                    standard.closeOfBusinessHour());
            OrgContext org = new OrgContext(input.organization(), hours, Vocabulary.defaults(), input.decoyFiles(),
                    settings.warmUpDays());
            Engine engine = new Engine(settings.registry(), org, new RiskModel(settings.parameters()),
                    settings.budget());
            try (Progress progress = Progress.start(showProgress, input.totalBytes(), input::bytesRead,
                    engine::events)) {
                input.forEachEvent(event -> {
                    engine.accept(event);
                    sink.event(event);
                });
            }
            Analysis analysis = engine.finish();
            sink.finished(input.organization(), engine, analysis);
            List<Report.FileEntry> files = new ArrayList<>();
            for (Map.Entry<String, FileStats> e : input.fileStats().entrySet()) {
                FileStats s = e.getValue();
                files.add(new Report.FileEntry(s.file(), s.layout(), s.events(), s.rejected()));
            }
            files.sort((a, b) -> a.file().compareTo(b.file()));
            List<String> notices = new ArrayList<>(input.notices());
            notices.addAll(clockNotices);
            if (analysis.heldBackAlerts() > 0) {
                notices.add(analysis.heldBackAlerts() + " threshold crossings were not alerted because the alert "
                        + "budget's allowance was spent (see --alert-budget); those people keep their scores and "
                        + "ranks");
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
