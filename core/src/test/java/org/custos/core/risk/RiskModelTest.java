package org.custos.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.custos.core.risk.RiskFixtures.MODEL;
import static org.custos.core.risk.RiskFixtures.T0;
import static org.custos.core.risk.RiskFixtures.raw;
import static org.custos.core.risk.RiskFixtures.risk;
import static org.custos.core.risk.RiskFixtures.saturated;
import static org.custos.core.risk.RiskFixtures.scoreOf;
import static org.custos.core.risk.RiskFixtures.signal;
import static org.custos.core.risk.RiskFixtures.sum;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.detector.Signal;
import org.junit.jupiter.api.Test;

class RiskModelTest {

    private static Instant later(Duration d) {
        return T0.plus(d);
    }

    /** The factor a weight decays by in {@code seconds} with the default half-life. */
    private static double decay(long seconds) {
        return Math.pow(0.5, seconds / (RiskParameters.defaults().halfLifeDays() * 86_400));
    }

    @Test
    void scoresZeroWithoutSignals() {
        RiskScore score = MODEL.score(new PersonRisk("ACM2278"), T0);

        assertThat(score.score()).isZero();
        assertThat(score.contributions()).isEmpty();
    }

    @Test
    void mapsOneSignalThroughSaturationAndTheScoreCurve() {
        RiskScore score = MODEL.score(risk(List.of(signal("leak-site", T0, 30, "e1"))), T0);

        assertThat(score.score()).isCloseTo(scoreOf(saturated("leak-site", 30)), within(1e-9));
        assertThat(score.contributions()).singleElement().satisfies(c -> {
            assertThat(c.indicator()).isEqualTo("leak-site");
            assertThat(c.category()).isEqualTo("exfiltration");
            assertThat(c.points()).isCloseTo(score.score(), within(1e-9));
            assertThat(c.eventIds()).containsExactly("e1");
            assertThat(c.first()).isEqualTo(T0);
            assertThat(c.explanation()).isEqualTo("leak-site seen");
        });
    }

    @Test
    void halvesASignalsWeightEveryHalfLife() {
        PersonRisk risk = risk(List.of(signal("leak-site", T0, 30, "e1")));

        double afterOneHalfLife = MODEL.score(risk, later(Duration.ofDays(14))).score();
        double afterTwo = MODEL.score(risk, later(Duration.ofDays(28))).score();

        assertThat(raw(afterOneHalfLife)).isCloseTo(saturated("leak-site", 15), within(1e-9));
        assertThat(raw(afterTwo)).isCloseTo(saturated("leak-site", 7.5), within(1e-9));
    }

    @Test
    void ignoresSignalsAfterTheInstantScored() {
        PersonRisk risk = risk(List.of(signal("leak-site", later(Duration.ofHours(1)), 30, "e1")));

        assertThat(MODEL.score(risk, T0).score()).isZero();
    }

    @Test
    void saturatesOneIndicatorAtTwoAndAHalfTimesItsWeight() {
        List<Signal> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(signal("print-volume-spike", T0, 8, "p" + i));
        }

        RiskScore score = MODEL.score(risk(many), T0);

        assertThat(raw(score.score())).isCloseTo(2.5 * 8, within(1e-6));
        assertThat(score.contributions()).singleElement().satisfies(c -> {
            assertThat(c.eventCount()).isEqualTo(200);
            assertThat(c.eventIds()).as("at most maxEventIds").hasSize(50);
        });
    }

    @Test
    void namesTheMostRecentEventsWhenThereAreVeryMany() {
        List<Signal> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(signal("print-volume-spike", T0.plusSeconds(i), 8, "p" + i));
        }

        RiskScore score = MODEL.score(risk(many), T0.plusSeconds(200));

        assertThat(score.contributions()).singleElement()
                .satisfies(c -> assertThat(c.eventIds()).endsWith("p199"));
    }

    @Test
    void keepsStressorsAloneBelowTheAlertThreshold() {
        RiskScore score = MODEL.score(risk(List.of(signal("personnel-stressor", T0, 500, "s1"),
                signal("departure-window", T0, 500, "s2"))), T0);

        assertThat(score.score()).isCloseTo(scoreOf(15), within(1e-9)).isLessThan(50);
        assertThat(sum(score)).isCloseTo(score.score(), within(1e-9));
    }

    @Test
    void letsStressorsAddAtMostFifteenPointsMoreThanTheTechnicalEvidence() {
        RiskScore score = MODEL.score(risk(List.of(signal("personnel-stressor", T0, 500, "s1"),
                signal("after-hours-logon", T0, 0.4, "t1"))), T0);

        double technical = saturated("after-hours-logon", 0.4);
        assertThat(technical).as("below 0.5 raw points, so no critical-path stage").isLessThan(0.5);
        assertThat(raw(score.score())).isCloseTo(technical + (technical + 15), within(1e-9));
        assertThat(score.contributions()).filteredOn(c -> c.indicator().equals("personnel-stressor"))
                .singleElement().satisfies(c -> assertThat(c.points())
                        .isCloseTo((technical + 15) / (2 * technical + 15) * score.score(), within(1e-9)));
    }

    @Test
    void rewardsStagesAlongTheCriticalPathInOrder() {
        Instant t1 = later(Duration.ofMinutes(1));
        RiskScore score = MODEL.score(risk(List.of(signal("removable-media-first-use", T0, 15, "usb"),
                signal("leak-site", t1, 30, "leak"))), t1);

        double technical = saturated("removable-media-first-use", 15 * decay(60)) + saturated("leak-site", 30);
        assertThat(raw(score.score())).isCloseTo(technical + 12, within(1e-9));
        assertThat(score.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> {
                    assertThat(c.category()).isEqualTo(RiskModel.CRITICAL_PATH);
                    assertThat(c.points()).isCloseTo(12 / (technical + 12) * score.score(), within(1e-9));
                    assertThat(c.eventIds()).containsExactly("usb", "leak");
                    assertThat(c.first()).isEqualTo(T0);
                    assertThat(c.last()).isEqualTo(t1);
                    assertThat(c.explanation()).isEqualTo("2 critical-path stages in order: collection "
                            + "(removable-media-first-use) then exfiltration (leak-site)");
                });
        assertThat(score.indicators()).containsExactly("leak-site", "removable-media-first-use");
        assertThat(sum(score)).isCloseTo(score.score(), within(1e-9));
    }

    @Test
    void halvesTheBonusWhenStagesAreOutOfOrder() {
        Instant t1 = later(Duration.ofMinutes(1));
        RiskScore score = MODEL.score(risk(List.of(signal("leak-site", T0, 30, "leak"),
                signal("removable-media-first-use", t1, 15, "usb"))), t1);

        double technical = saturated("removable-media-first-use", 15) + saturated("leak-site", 30 * decay(60));
        assertThat(raw(score.score())).isCloseTo(technical + 6, within(1e-9));
        assertThat(score.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> assertThat(c.explanation()).isEqualTo("2 critical-path stages out of "
                        + "order: collection (removable-media-first-use) then exfiltration (leak-site)"));
    }

    @Test
    void countsNoStageForAnIndicatorBelowHalfAPoint() {
        RiskScore score = MODEL.score(risk(List.of(signal("leak-site", T0, 30, "leak"),
                signal("job-search", T0, 0.3, "job"))), T0);

        assertThat(score.contributions()).extracting(Contribution::indicator)
                .doesNotContain(RiskModel.CRITICAL_PATH);
    }

    @Test
    void neverGivesMoreBonusThanTheTechnicalPoints() {
        RiskScore score = MODEL.score(risk(List.of(signal("personnel-stressor", T0, 12, "s"),
                signal("after-hours-logon", T0, 0.6, "t"))), T0);

        double technical = saturated("after-hours-logon", 0.6);
        double stressor = saturated("personnel-stressor", 12);
        assertThat(technical).isBetween(0.5, 12.0);
        assertThat(raw(score.score())).isCloseTo(technical + stressor + technical, within(1e-9));
    }

    @Test
    void listsContributionsLargestFirst() {
        RiskScore score = MODEL.score(risk(List.of(signal("job-search", T0, 6, "j"), signal("leak-site", T0, 30, "l"),
                signal("print-volume-spike", T0, 8, "p"))), T0);

        assertThat(score.contributions()).extracting(Contribution::points).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void neverLowersTheScoreWhenALateLowerStageSignalArrives() {
        Instant t2 = T0.plusSeconds(60);
        Instant t3 = T0.plusSeconds(120);
        List<Signal> inOrder = List.of(signal("personnel-stressor", T0, 12, "s"),
                signal("removable-media-first-use", t2, 15, "usb"), signal("leak-site", t3, 30, "leak"));
        Instant at = T0.plusSeconds(180);
        List<Signal> plusLate = new ArrayList<>(inOrder);
        plusLate.add(signal("after-hours-logon", at, 1, "late"));

        double before = MODEL.score(risk(inOrder), at).score();
        double after = MODEL.score(risk(plusLate), at).score();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Test
    void neverRaisesTheScoreWithoutNewSignals() {
        List<Signal> signals = List.of(signal("personnel-stressor", T0, 5, "s"),
                signal("removable-media-first-use", T0.plusSeconds(60), 15, "usb"),
                signal("leak-site", T0.plusSeconds(120), 30, "leak"),
                signal("after-hours-logon", T0.plusSeconds(180), 0.52, "late"));
        PersonRisk risk = risk(signals);
        Instant at = T0.plusSeconds(180);

        assertThat(MODEL.score(risk, at.plus(Duration.ofDays(1))).score())
                .isLessThanOrEqualTo(MODEL.score(risk, at).score());
    }

    @Test
    void keepsContributionsFiniteWhenStressorsMayAddNothingAlone() {
        RiskModel strict = new RiskModel(new RiskParameters(14, 60, 2.5, 12, 0, 50, 50));

        RiskScore score = strict.score(risk(List.of(signal("personnel-stressor", T0, 12, "s"))), T0);

        assertThat(score.score()).isZero();
        assertThat(score.contributions()).allSatisfy(c -> assertThat(c.points()).isZero());
    }
}
