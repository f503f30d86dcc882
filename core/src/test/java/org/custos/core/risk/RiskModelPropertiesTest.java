package org.custos.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.custos.core.risk.RiskFixtures.INDICATORS;
import static org.custos.core.risk.RiskFixtures.T0;
import static org.custos.core.risk.RiskFixtures.USER;
import static org.custos.core.risk.RiskFixtures.risk;
import static org.custos.core.risk.RiskFixtures.sum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

class RiskModelPropertiesTest {

    private static final long DAY = 86_400;
    private static final long SPAN = 60 * DAY;
    private static final Instant AT = T0.plusSeconds(SPAN);
    private static final RiskModel MODEL = RiskFixtures.MODEL;
    private static final RiskModel NO_PATH_BONUS = new RiskModel(new RiskParameters(14, 60, 2.5, 0, 15, 50, 50, 60));

    /** One generated signal: which indicator, how long after T0, how strong. */
    record Spec(Indicator indicator, long offset, double weight) {
    }

    private static Arbitrary<Spec> spec(List<Indicator> indicators) {
        return Combinators.combine(Arbitraries.of(indicators), Arbitraries.longs().between(0, SPAN),
                Arbitraries.doubles().between(0.05, 80)).as(Spec::new);
    }

    @Provide
    Arbitrary<List<Spec>> signals() {
        return spec(INDICATORS).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Spec>> stressors() {
        return spec(INDICATORS.stream().filter(i -> i.category() == Category.STRESSOR).toList())
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<Spec> oneSignal() {
        return spec(INDICATORS);
    }

    private static List<Signal> toSignals(List<Spec> specs) {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            signals.add(new Signal(USER, s.indicator(), T0.plusSeconds(s.offset()), s.weight(), List.of("e" + i),
                    "signal " + i));
        }
        signals.sort(Comparator.comparing(Signal::time));
        return signals;
    }

    @Property
    void contributionsAddUpToTheScore(@ForAll("signals") List<Spec> specs) {
        RiskScore score = MODEL.score(risk(toSignals(specs)), AT);

        assertThat(sum(score)).isCloseTo(score.score(), within(1e-9));
        assertThat(score.contributions()).allSatisfy(c -> assertThat(c.points()).isNotNegative());
    }

    @Property
    void scoreStaysBetweenZeroAndHundred(@ForAll("signals") List<Spec> specs,
            @ForAll @LongRange(min = 0, max = 200 * DAY) long after) {
        double score = MODEL.score(risk(toSignals(specs)), AT.plusSeconds(after)).score();

        assertThat(score).isBetween(0.0, 100.0);
    }

    @Property
    void stressorsAloneNeverReachTheAlertThreshold(@ForAll("stressors") List<Spec> specs) {
        double score = MODEL.score(risk(toSignals(specs)), AT).score();

        assertThat(score).isLessThan(RiskParameters.defaults().alertThreshold());
    }

    @Property
    void addingASignalAtTheSameInstantNeverLowersTheScore(@ForAll("signals") List<Spec> specs,
            @ForAll("oneSignal") Spec extra) {
        addingNeverLowers(MODEL, specs, extra);
    }

    @Property
    void addingASignalNeverLowersTheScoreWithoutThePathBonus(@ForAll("signals") List<Spec> specs,
            @ForAll("oneSignal") Spec extra) {
        addingNeverLowers(NO_PATH_BONUS, specs, extra);
    }

    private static void addingNeverLowers(RiskModel model, List<Spec> specs, Spec extra) {
        List<Signal> before = toSignals(specs);
        List<Signal> after = new ArrayList<>(before);
        after.add(new Signal(USER, extra.indicator(), AT, extra.weight(), List.of("extra"), "extra"));

        assertThat(model.score(risk(after), AT).score())
                .isGreaterThanOrEqualTo(model.score(risk(before), AT).score() - 1e-9);
    }

    @Property
    void scoreNeverRisesWithoutNewSignals(@ForAll("signals") List<Spec> specs,
            @ForAll @LongRange(min = 0, max = 120 * DAY) long wait) {
        neverRises(MODEL, specs, wait);
    }

    @Property
    void scoreNeverRisesWithoutNewSignalsWithoutThePathBonus(@ForAll("signals") List<Spec> specs,
            @ForAll @LongRange(min = 0, max = 120 * DAY) long wait) {
        neverRises(NO_PATH_BONUS, specs, wait);
    }

    /**
     * Expiry (dropping entries decayed below 1 %) never raises the score, at the instant it runs or at any later one
     * without new signals: a faint early entry that goes must not let the critical path's stages fall into order.
     */
    @Property(tries = 2000)
    void expiringNeverRaisesTheScore(@ForAll("signals") List<Spec> specs,
            @ForAll @LongRange(min = 0, max = 200 * DAY) long first,
            @ForAll @LongRange(min = 0, max = 200 * DAY) long then) {
        PersonRisk risk = risk(toSignals(specs));
        RiskParameters p = MODEL.parameters();
        Instant at = AT.plusSeconds(first);
        double kept = MODEL.score(risk, at).score();

        risk.expire(at, p.halfLifeDays(), p.stressorHalfLifeDays());
        double expired = MODEL.score(risk, at).score();
        Instant later = at.plusSeconds(then);
        double keptLater = MODEL.score(risk(toSignals(specs)), later).score();
        risk.expire(later, p.halfLifeDays(), p.stressorHalfLifeDays());

        assertThat(expired).isLessThanOrEqualTo(kept + 1e-9);
        assertThat(MODEL.score(risk, later).score()).isLessThanOrEqualTo(expired + 1e-9)
                .isLessThanOrEqualTo(keptLater + 1e-9);
    }

    private static void neverRises(RiskModel model, List<Spec> specs, long wait) {
        PersonRisk risk = risk(toSignals(specs));

        assertThat(model.score(risk, AT.plusSeconds(wait)).score())
                .isLessThanOrEqualTo(model.score(risk, AT).score() + 1e-9);
    }

    @Property
    void stagesInOrderScoreMoreThanTheSameSignalsOutOfOrder(
            @ForAll @IntRange(min = 0b0011, max = 0b1111) int stageMask,
            @ForAll @DoubleRange(min = 10, max = 40) double w0, @ForAll @DoubleRange(min = 10, max = 40) double w1,
            @ForAll @DoubleRange(min = 10, max = 40) double w2, @ForAll @DoubleRange(min = 10, max = 40) double w3) {
        String[] byStage = {"personnel-stressor", "keylogger-download", "decoy-file-access", "leak-site"};
        double[] weights = {w0, w1, w2, w3};
        List<Integer> stages = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            if ((stageMask & (1 << s)) != 0) {
                stages.add(s);
            }
        }
        if (stages.size() < 2) {
            return;
        }
        List<Signal> inOrder = new ArrayList<>();
        List<Signal> reversed = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            int s = stages.get(k);
            Indicator indicator = RiskFixtures.indicator(byStage[s]);
            inOrder.add(new Signal(USER, indicator, T0.plusSeconds(k), weights[s], List.of("e" + s), ""));
            reversed.add(new Signal(USER, indicator, T0.plusSeconds(stages.size() - 1 - k), weights[s],
                    List.of("e" + s), ""));
        }
        Instant at = T0.plusSeconds(3_600);

        assertThat(MODEL.score(risk(inOrder), at).score()).isGreaterThan(MODEL.score(risk(reversed), at).score());
    }
}
