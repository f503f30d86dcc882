package org.custos.core.risk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Indicator;

/** RiskFixtures holds the built-in indicators by id and turns signals into a {@link PersonRisk}. */
final class RiskFixtures {

    static final String USER = "ACM2278";
    static final Instant T0 = Instant.parse("2010-03-01T10:00:00Z");
    static final List<Indicator> INDICATORS = DetectorRegistry.builtIn().indicators();
    static final Map<String, Indicator> BY_ID = INDICATORS.stream()
            .collect(Collectors.toMap(Indicator::id, Function.identity()));
    static final RiskModel MODEL = new RiskModel(RiskParameters.defaults());

    private RiskFixtures() {
    }

    static Indicator indicator(String id) {
        Indicator i = BY_ID.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no built-in indicator " + id);
        }
        return i;
    }

    static Signal signal(String indicator, Instant time, double weight, String eventId) {
        return new Signal(USER, indicator(indicator), time, weight, List.of(eventId), indicator + " seen");
    }

    /** A person's risk from signals added in time order, as the engine adds them. */
    static PersonRisk risk(List<Signal> signals) {
        PersonRisk risk = new PersonRisk(USER);
        signals.stream().sorted(Comparator.comparing(Signal::time))
                .forEach(s -> risk.add(s, RiskParameters.defaults().maxEventIds()));
        return risk;
    }

    static double sum(RiskScore score) {
        return score.contributions().stream().mapToDouble(Contribution::points).sum();
    }

    /** The raw points of the score ({@code score = 100·(1−e^(−raw/scale))} inverted). */
    static double raw(double score) {
        return -RiskParameters.defaults().scale() * Math.log(1 - score / 100);
    }

    static double scoreOf(double raw) {
        return 100 * (1 - Math.exp(-raw / RiskParameters.defaults().scale()));
    }

    /** The saturated raw points of one indicator with decayed weight {@code w}. */
    static double saturated(String indicator, double w) {
        double cap = RiskParameters.defaults().indicatorCap() * indicator(indicator).weight();
        return cap * (1 - Math.exp(-w / cap));
    }
}
