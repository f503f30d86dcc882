package org.custos.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.core.risk.RiskFixtures.T0;
import static org.custos.core.risk.RiskFixtures.signal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonRiskTest {

    @Test
    void mergesSignalsOfOneIndicatorOnOneDayKeepingTheStrongestExplanation() {
        PersonRisk risk = new PersonRisk("ACM2278");
        risk.add(signal("leak-site", T0, 15, "a"), 50);
        risk.add(new org.custos.core.detector.Signal("ACM2278", RiskFixtures.indicator("leak-site"),
                T0.plusSeconds(60), 30, java.util.List.of("b"), "uploaded"), 50);
        risk.add(signal("leak-site", T0.plus(Duration.ofDays(1)), 15, "c"), 50);

        assertThat(risk.size()).isEqualTo(2);
        PersonRisk.Entry first = risk.entries().get(0);
        assertThat(first.weight).isEqualTo(45);
        assertThat(first.eventIds).containsExactly("a", "b");
        assertThat(first.explanation).isEqualTo("uploaded");
        assertThat(first.first).isEqualTo(T0);
        assertThat(first.last).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void keepsTheMostRecentEventIdsUpToTheBoundButCountsThemAll() {
        PersonRisk risk = new PersonRisk("ACM2278");
        for (int i = 0; i < 5; i++) {
            risk.add(signal("leak-site", T0, 1, "e" + i), 3);
        }

        assertThat(risk.entries().get(0).eventIds).containsExactly("e2", "e3", "e4");
        assertThat(risk.entries().get(0).eventCount).isEqualTo(5);
    }

    @Test
    void dropsEntriesDecayedBelowOnePercent() {
        PersonRisk risk = new PersonRisk("ACM2278");
        risk.add(signal("leak-site", T0, 30, "old"), 50);
        risk.add(signal("job-search", T0.plus(Duration.ofDays(90)), 6, "new"), 50);

        risk.expire(T0.plus(Duration.ofDays(92)), 14, 60);

        assertThat(risk.size()).as("14-day half-life: 1 % after about 93 days").isEqualTo(2);
        risk.expire(T0.plus(Duration.ofDays(94)), 14, 60);
        assertThat(risk.entries()).extracting(e -> e.indicator.id()).containsExactly("job-search");
        assertThat(risk.isEmpty()).isFalse();
    }

    @Test
    void keepsStressorsUntilTheyDecayBelowOnePercentWithTheirOwnHalfLife() {
        PersonRisk risk = new PersonRisk("ACM2278");
        risk.add(signal("personnel-stressor", T0, 12, "stressor"), 50);
        risk.add(signal("leak-site", T0, 30, "leak"), 50);

        risk.expire(T0.plus(Duration.ofDays(94)), 14, 60);
        assertThat(risk.entries()).extracting(e -> e.indicator.id()).containsExactly("personnel-stressor");

        risk.expire(T0.plus(Duration.ofDays(398)), 14, 60);
        assertThat(risk.size()).as("60-day half-life: 1 % after about 399 days").isEqualTo(1);
        risk.expire(T0.plus(Duration.ofDays(399)), 14, 60);
        assertThat(risk.isEmpty()).isTrue();
    }

    @Test
    void neverRaisesTheScoreWhenAFaintEarlyEntryExpires() {
        PersonRisk risk = new PersonRisk("ACM2278");
        risk.add(signal("removable-media-first-use", T0, 15, "first-drive"), 50);
        risk.add(signal("after-hours-logon", T0.plus(Duration.ofDays(80)), 12, "late"), 50);
        risk.add(signal("removable-media-spike", T0.plus(Duration.ofDays(92)), 12, "drives"), 50);
        Instant at = T0.plus(Duration.ofDays(93)).plus(Duration.ofHours(12));
        double before = RiskFixtures.MODEL.score(risk, at).score();

        risk.expire(at, 14, 60);

        assertThat(risk.size()).as("the first drive's entry, at 1 %, is gone").isEqualTo(2);
        assertThat(RiskFixtures.MODEL.score(risk, at).score()).isLessThanOrEqualTo(before);
    }
}
