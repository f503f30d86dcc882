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

    /**
     * Each indicator fires at its stage's instant and once more at {@code at}: the entry's points decay from its last
     * signal (not at all at {@code at}), while its stage's time is that of its first.
     */
    private static List<Signal> firstAtThenAgainAt(Instant at, Object... indicatorTimeWeight) {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < indicatorTimeWeight.length; i += 3) {
            String indicator = (String) indicatorTimeWeight[i];
            Instant first = (Instant) indicatorTimeWeight[i + 1];
            double weight = (Double) indicatorTimeWeight[i + 2];
            signals.add(signal(indicator, first, weight / 2, indicator + "-first"));
            signals.add(signal(indicator, at, weight / 2, indicator + "-again"));
        }
        return signals;
    }

    /** The raw points of the critical-path contribution of a score (its points back on the raw scale). */
    private static double pathRaw(RiskScore score) {
        return score.contributions().stream().filter(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .mapToDouble(c -> c.points() * raw(score.score()) / score.score()).sum();
    }

    @Test
    void earnsTwiceTheSequenceBonusInOrderThanOutOfOrder() {
        Instant t1 = later(Duration.ofMinutes(1));
        Instant t2 = later(Duration.ofMinutes(2));
        Instant at = later(Duration.ofHours(1));
        RiskScore inOrder = MODEL.score(risk(firstAtThenAgainAt(at, "after-hours-logon", T0, 12.0,
                "removable-media-first-use", t1, 15.0, "leak-site", t2, 30.0)), at);
        RiskScore reversed = MODEL.score(risk(firstAtThenAgainAt(at, "leak-site", T0, 30.0,
                "removable-media-first-use", t1, 15.0, "after-hours-logon", t2, 12.0)), at);

        double behaviour = saturated("after-hours-logon", 12);
        double collection = saturated("removable-media-first-use", 15);
        double exfiltration = saturated("leak-site", 30);
        double technical = behaviour + collection + exfiltration;
        double weaker = technical - exfiltration;
        assertThat(weaker).as("S - M: every stage but the strongest, exfiltration").isCloseTo(21.38, within(0.01));
        assertThat(raw(inOrder.score())).as("½ · ((S - M) + (S' - M')), the whole path in order")
                .isCloseTo(technical + 0.5 * (weaker + weaker), within(1e-9));
        assertThat(raw(reversed.score())).as("½ · ((S - M) + 0), no two stages in order")
                .isCloseTo(technical + 0.5 * weaker, within(1e-9));
        assertThat(pathRaw(inOrder)).isCloseTo(2 * pathRaw(reversed), within(1e-9));
        assertThat(inOrder.score()).isCloseTo(scoreOf(technical + weaker), within(1e-9));

        assertThat(inOrder.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> {
                    assertThat(c.category()).isEqualTo(RiskModel.CRITICAL_PATH);
                    assertThat(c.points()).isCloseTo(weaker / (technical + weaker) * inOrder.score(), within(1e-9));
                    assertThat(c.eventIds()).containsExactly("after-hours-logon-first",
                            "removable-media-first-use-first", "leak-site-first");
                    assertThat(c.first()).isEqualTo(T0);
                    assertThat(c.last()).isEqualTo(t2);
                    assertThat(c.explanation()).isEqualTo("3 critical-path stages in order: concerning-behaviour "
                            + "(after-hours-logon) then collection (removable-media-first-use) then exfiltration "
                            + "(leak-site)");
                });
        assertThat(reversed.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> assertThat(c.explanation()).isEqualTo("3 critical-path stages "
                        + "out of order: concerning-behaviour (after-hours-logon) then collection "
                        + "(removable-media-first-use) then exfiltration (leak-site)"));
        assertThat(sum(inOrder)).isCloseTo(inOrder.score(), within(1e-9));
        assertThat(sum(reversed)).isCloseTo(reversed.score(), within(1e-9));
    }

    @Test
    void earnsLittleWithoutAPrecursor() {
        Instant t1 = later(Duration.ofMinutes(1));
        RiskScore score = MODEL.score(risk(List.of(signal("removable-media-first-use", T0, 15, "usb"),
                signal("leak-site", t1, 30, "leak"))), t1);

        double collection = saturated("removable-media-first-use", 15 * decay(60));
        double exfiltration = saturated("leak-site", 30);
        double technical = collection + exfiltration;
        double bonus = 0.125 * (collection + collection);
        assertThat(bonus).as("⅛ · ((S - M) + (S' - M')), no stressor and no behaviour or access")
                .isCloseTo(3.09, within(0.01));
        assertThat(raw(score.score())).isCloseTo(technical + bonus, within(1e-9));
        assertThat(score.score()).isCloseTo(48.8, within(0.05));
        assertThat(score.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> {
                    assertThat(c.points()).isCloseTo(bonus / (technical + bonus) * score.score(), within(1e-9));
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
    void earnsFourTimesAsMuchWithAPrecursor() {
        Instant t1 = later(Duration.ofMinutes(1));
        Instant t2 = later(Duration.ofMinutes(2));
        List<Signal> withoutPrecursor = List.of(signal("removable-media-first-use", t1, 15, "usb"),
                signal("leak-site", t2, 30, "leak"));
        List<Signal> withPrecursor = new ArrayList<>(withoutPrecursor);
        withPrecursor.add(signal("job-search", T0, 0.55, "job"));

        double collection = saturated("removable-media-first-use", 15 * decay(60));
        double exfiltration = saturated("leak-site", 30);
        double behaviour = saturated("job-search", 0.55 * decay(120));
        assertThat(behaviour).as("just enough to mark stage 1").isBetween(0.5, 0.55);
        double weaker = behaviour + collection;
        assertThat(raw(MODEL.score(risk(withoutPrecursor), t2).score()))
                .isCloseTo(collection + exfiltration + 0.125 * (collection + collection), within(1e-9));
        assertThat(raw(MODEL.score(risk(withPrecursor), t2).score()))
                .isCloseTo(behaviour + collection + exfiltration + 0.5 * (weaker + weaker), within(1e-9));
    }

    @Test
    void takesTheInOrderChainWorthMostNotTheLongest() {
        Instant t1 = later(Duration.ofMinutes(1));
        Instant t2 = later(Duration.ofMinutes(2));
        Instant t3 = later(Duration.ofMinutes(3));
        RiskScore score = MODEL.score(risk(firstAtThenAgainAt(t3, "decoy-file-access", T0, 25.0,
                "personnel-stressor", t1, 2.0, "job-search", t1, 1.0, "leak-site", t2, 30.0)), t3);

        double stressor = saturated("personnel-stressor", 2);
        double behaviour = saturated("job-search", 1);
        double collection = saturated("decoy-file-access", 25);
        double exfiltration = saturated("leak-site", 30);
        double technical = behaviour + collection + exfiltration;
        double weaker = stressor + behaviour + collection;
        // the longest chain in order is stressor, behaviour (a tie at t1 is in order), exfiltration: S' - M' is
        // stressor + behaviour; collection came before all of them, so its only chain is collection, exfiltration
        assertThat(stressor + behaviour).as("the longest chain is worth less").isLessThan(collection);
        assertThat(raw(score.score())).isCloseTo(technical + stressor + 0.5 * (weaker + collection), within(1e-9));
        assertThat(score.contributions()).filteredOn(c -> c.indicator().equals(RiskModel.CRITICAL_PATH))
                .singleElement().satisfies(c -> {
                    assertThat(c.eventIds()).as("the first event of each stage").containsExactly(
                            "personnel-stressor-first", "job-search-first", "decoy-file-access-first",
                            "leak-site-first");
                    assertThat(c.first()).isEqualTo(T0);
                    assertThat(c.last()).isEqualTo(t2);
                    assertThat(c.explanation()).isEqualTo("4 critical-path stages out of order: stressor "
                            + "(personnel-stressor) then concerning-behaviour (job-search) then collection "
                            + "(decoy-file-access) then exfiltration (leak-site)");
                });
    }

    @Test
    void countsAStageWhenItsPartsTogetherReachHalfAPoint() {
        RiskScore score = MODEL.score(risk(List.of(signal("leak-site", T0, 30, "leak"),
                signal("job-search", T0, 0.3, "job"), signal("after-hours-logon", T0, 0.3, "late"))), T0);

        double behaviour = saturated("job-search", 0.3) + saturated("after-hours-logon", 0.3);
        assertThat(saturated("job-search", 0.3)).isLessThan(0.5);
        assertThat(behaviour).isGreaterThanOrEqualTo(0.5);
        assertThat(raw(score.score())).as("stages at the same instant are in order")
                .isCloseTo(saturated("leak-site", 30) + behaviour + 0.5 * (behaviour + behaviour), within(1e-9));
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
        RiskModel generous = new RiskModel(new RiskParameters(14, 60, 2.5, 12, 15, 40, 50, 60));
        RiskScore score = generous.score(risk(List.of(signal("personnel-stressor", T0, 12, "s"),
                signal("after-hours-logon", T0, 0.6, "t"))), T0);

        double technical = saturated("after-hours-logon", 0.6);
        double stressor = saturated("personnel-stressor", 12);
        assertThat(technical).isBetween(0.5, 12.0);
        assertThat(12 * 0.5 * (technical + technical)).as("uncapped").isGreaterThan(technical);
        assertThat(raw(score.score())).isCloseTo(technical + stressor + technical, within(1e-9));
    }

    @Test
    void reachesAtMostTheTechnicalPointsWithTheDefaultPathBonus() {
        RiskScore score = MODEL.score(risk(List.of(signal("personnel-stressor", T0, 20, "s"),
                signal("after-hours-logon", T0, 0.6, "t"), signal("print-volume-spike", T0, 0.6, "p"))), T0);

        double technical = saturated("after-hours-logon", 0.6) + saturated("print-volume-spike", 0.6);
        double stressor = saturated("personnel-stressor", 20);
        assertThat(stressor).as("the strongest stage, below the stressor ceiling").isGreaterThan(technical)
                .isLessThan(technical + 15);
        assertThat(raw(score.score())).as("S - M = the technical points, so ½ · 2 · (S - M) is just the cap")
                .isCloseTo(technical + stressor + technical, within(1e-9));
    }

    @Test
    void decaysStressorsWithTheirOwnLongerHalfLife() {
        PersonRisk risk = risk(List.of(signal("personnel-stressor", T0, 12, "s"), signal("leak-site", T0, 30, "l")));
        RiskModel noPathBonus = new RiskModel(new RiskParameters(14, 60, 2.5, 0, 15, 40, 50, 60));

        RiskScore score = noPathBonus.score(risk, later(Duration.ofDays(60)));

        assertThat(raw(score.score())).as("14 days for leak-site, 60 for the stressor")
                .isCloseTo(saturated("leak-site", 30 * Math.pow(0.5, 60 / 14.0)) + saturated("personnel-stressor", 6),
                        within(1e-9));
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
        RiskModel strict = new RiskModel(new RiskParameters(14, 60, 2.5, 12, 0, 50, 50, 60));

        RiskScore score = strict.score(risk(List.of(signal("personnel-stressor", T0, 12, "s"))), T0);

        assertThat(score.score()).isZero();
        assertThat(score.contributions()).allSatisfy(c -> assertThat(c.points()).isZero());
    }
}
