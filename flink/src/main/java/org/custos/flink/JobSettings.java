package org.custos.flink;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.custos.core.alert.AlertBudget;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Vocabulary;
import org.custos.core.detector.WorkingHours;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;

/**
 * JobSettings are what every operator of the job needs to analyze exactly as {@code custos analyze} does: where the
 * organization's reference files are, the zone of local times, the warm-up, the risk parameters and alert budget,
 * and how far out of order events may arrive.
 *
 * @param reference a directory with the organization's reference files ({@code LDAP/}, {@code decoy_file.csv},
 *     the personnel feed); for a file input, the input directory itself. Every task manager must be able to read it.
 * @param zone the zone of the sources' local times
 * @param warmUpDays active days a person needs before baselines apply
 * @param parameters the risk model's parameters
 * @param budget the weekly alert budget
 * @param outOfOrderness how far behind the latest event time an event may arrive and still be scored in order
 */
public record JobSettings(String reference, ZoneId zone, int warmUpDays, RiskParameters parameters,
        AlertBudget budget, Duration outOfOrderness) implements Serializable {

    /** Checks the values. */
    public JobSettings {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a reference directory is required");
        }
        if (warmUpDays < 1) {
            throw new IllegalArgumentException("warm-up days must be >= 1, was " + warmUpDays);
        }
        if (outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("out-of-orderness must not be negative, was " + outOfOrderness);
        }
    }

    /** The defaults of {@code custos analyze} (UTC, 20-day warm-up, default model and budget), 5 minutes' disorder. */
    public static JobSettings defaults(Path reference) {
        return new JobSettings(reference.toString(), ZoneId.of("UTC"), 20, RiskParameters.defaults(),
                AlertBudget.defaults(), Duration.ofMinutes(5));
    }

    /** The detectors the job runs: every built-in one. */
    DetectorRegistry registry() {
        return DetectorRegistry.builtIn();
    }

    /** The risk model. */
    RiskModel model() {
        return new RiskModel(parameters);
    }

    /** Reads the reference files into a fresh organization context, as {@code custos analyze} builds it. */
    OrgContext openContext() throws IOException {
        try (CertDirectory dir = CertDirectory.open(Path.of(reference), DeadLetters.discard())) {
            WorkingHours standard = WorkingHours.standard();
            WorkingHours hours = new WorkingHours(zone, standard.startHour(), standard.endHour(),
                    standard.closeOfBusinessHour());
            return new OrgContext(dir.organization(), hours, Vocabulary.defaults(), dir.decoyFiles(), warmUpDays);
        }
    }
}
