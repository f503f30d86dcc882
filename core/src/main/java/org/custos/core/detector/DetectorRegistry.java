package org.custos.core.detector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.custos.core.indicator.Indicator;

/**
 * The DetectorRegistry is the one explicit list of Custos' detectors; every indicator is registered here and
 * nowhere else.
 */
public final class DetectorRegistry {

    private final List<Detector<?>> detectors;

    private DetectorRegistry(List<Detector<?>> detectors) {
        Set<String> ids = new HashSet<>();
        for (Detector<?> d : detectors) {
            if (!ids.add(d.indicator().id())) {
                throw new IllegalArgumentException("indicator " + d.indicator().id() + " is registered twice");
            }
        }
        this.detectors = List.copyOf(detectors);
    }

    /** Every built-in detector, in critical-path order. */
    public static DetectorRegistry builtIn() {
        List<Detector<?>> all = new ArrayList<>();
        all.add(new PersonnelStressorDetector());
        all.add(new DepartureWindowDetector());
        all.add(new UnitDeparturesDetector());
        all.add(new AfterHoursLogonDetector());
        all.add(new JobSearchDetector());
        all.add(new KeyloggerDownloadDetector());
        all.add(new MassEmailDetector());
        all.add(new NewExternalContactDetector());
        all.add(new OtherPcLogonDetector());
        all.add(new RepeatedOtherPcUseDetector());
        all.add(new PostDepartureActivityDetector());
        all.add(new RemovableMediaFirstUseDetector());
        all.add(new RemovableMediaSpikeDetector());
        all.add(new DecoyFileAccessDetector());
        all.add(new PrintVolumeSpikeDetector());
        all.add(new CustodyOverdueDetector());
        all.add(new BadgeExitHoldingDetector());
        all.add(new CustodyNeedToKnowDetector());
        all.add(new CustodyCheckoutSpikeDetector());
        all.add(new OriginalUnaccountedDetector());
        all.add(new FileToRemovableMediaDetector());
        all.add(new FileSharingUploadDetector());
        all.add(new LeakSiteDetector());
        all.add(new PersonalEmailAttachmentDetector());
        return new DetectorRegistry(all);
    }

    /** The registered detectors. */
    public List<Detector<?>> detectors() {
        return detectors;
    }

    /** The indicators of the registered detectors. */
    public List<Indicator> indicators() {
        return detectors.stream().<Indicator>map(Detector::indicator).toList();
    }

    /**
     * A registry with these detectors and the given ones after them (rule-backed detectors loaded at run time);
     * fails when an indicator id would be registered twice.
     */
    public DetectorRegistry with(List<? extends Detector<?>> more) {
        List<Detector<?>> all = new ArrayList<>(detectors);
        all.addAll(more);
        return new DetectorRegistry(all);
    }

    /** A registry with only the detectors whose indicator passes {@code keep} (for ablation). */
    public DetectorRegistry filter(Predicate<Indicator> keep) {
        return new DetectorRegistry(detectors.stream().filter(d -> keep.test(d.indicator())).toList());
    }
}
