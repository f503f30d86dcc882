package org.custos.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.core.organization.PersonRecord;
import org.junit.jupiter.api.Test;

class FairnessTest {

    /** 200 people ranked u000 (top) to u199; scores fall with rank. */
    private static List<String> ranked() {
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ranked.add(String.format("u%03d", i));
        }
        return ranked;
    }

    private static Map<String, Double> scores(List<String> ranked) {
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            scores.put(ranked.get(i), 200.0 - i);
        }
        return scores;
    }

    private static Fairness.GroupFigures group(List<Fairness.GroupFigures> figures, String group) {
        return figures.stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void flagsAGroupOverRepresentedAmongTopRankedInnocentsAndNotTheRest() {
        List<String> ranked = ranked();
        Set<String> insiders = Set.of("u000", "u001");
        // Innocents: 198; the top 5 % of them are the 10 people u002..u011. Group "admin" has 10 people, 8 of them
        // at the top: 8 of 10 top-ranked innocents against a 5 % share of innocents.
        Set<String> admins = new HashSet<>(ranked.subList(2, 10));
        admins.addAll(List.of("u150", "u151"));
        List<Fairness.GroupFigures> figures = Fairness.measureAttribute("role", ranked, scores(ranked), insiders,
                u -> admins.contains(u) ? "admin" : "clerk");

        Fairness.GroupFigures admin = group(figures, "admin");
        assertThat(admin.people()).isEqualTo(10);
        assertThat(admin.innocents()).isEqualTo(10);
        assertThat(admin.topInnocents()).isEqualTo(8);
        assertThat(admin.innocentShare()).isCloseTo(10 / 198.0, within(1e-12));
        assertThat(admin.pValue()).isLessThan(1e-6);
        assertThat(admin.flagged()).isTrue();
        assertThat(admin.topShare()).isEqualTo(8 / 10.0);
        assertThat(admin.peopleShare()).isEqualTo(10 / 200.0);

        Fairness.GroupFigures clerk = group(figures, "clerk");
        assertThat(clerk.people()).isEqualTo(190);
        assertThat(clerk.topInnocents()).isEqualTo(2);
        assertThat(clerk.pValue()).isGreaterThan(0.99);
        assertThat(clerk.flagged()).isFalse();
        assertThat(figures.get(0).group()).isEqualTo("clerk");
    }

    @Test
    void insidersAtTheTopDoNotMakeTheirGroupFlagged() {
        List<String> ranked = ranked();
        Set<String> admins = Set.of("u000", "u001", "u002", "u003", "u004", "u190", "u191", "u192", "u193", "u194");
        Set<String> insiders = Set.of("u000", "u001", "u002", "u003", "u004");
        List<Fairness.GroupFigures> figures = Fairness.measureAttribute("role", ranked, scores(ranked), insiders,
                u -> admins.contains(u) ? "admin" : "clerk");

        Fairness.GroupFigures admin = group(figures, "admin");
        assertThat(admin.topShare()).isEqualTo(0.5);
        assertThat(admin.topInnocents()).isZero();
        assertThat(admin.pValue()).isEqualTo(1.0);
        assertThat(admin.flagged()).isFalse();
    }

    @Test
    void groupsComeFromTheLatestRecordAndUnlistedPeopleFormTheirOwnGroup() {
        List<String> ranked = List.of("a", "b", "c");
        Map<String, PersonRecord> records = Map.of(
                "a", new PersonRecord("a", "A", "", "ITAdmin", List.of(), "1", "5 - Operations", "2 - IT", "", "", ""),
                "b", new PersonRecord("b", "B", "", "Clerk", List.of(), "1", "", "", "", "", ""));
        Fairness f = Fairness.measure(ranked, Map.of("a", 3.0, "b", 2.0, "c", 1.0), Set.of(),
                u -> Optional.ofNullable(records.get(u)));

        assertThat(f.people()).isEqualTo(3);
        assertThat(f.groups()).extracting(g -> g.attribute() + "=" + g.group()).contains("role=ITAdmin",
                "role=Clerk", "role=unlisted", "business-unit=1", "functional-unit=5 - Operations",
                "functional-unit=(blank)", "department=2 - IT");
        assertThat(f.groups().stream().filter(g -> g.attribute().equals("business-unit")).mapToInt(g -> g.people())
                .sum()).isEqualTo(3);
    }

    @Test
    void binomialTailMatchesHandComputedValues() {
        assertThat(Fairness.binomialTail(4, 3, 0.25)).isCloseTo(13 / 256.0, within(1e-12));
        assertThat(Fairness.binomialTail(3, 2, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(Fairness.binomialTail(10, 0, 0.1)).isEqualTo(1.0);
        assertThat(Fairness.binomialTail(10, 11, 0.1)).isZero();
        assertThat(Fairness.binomialTail(10, 1, 0.0)).isZero();
        assertThat(Fairness.binomialTail(1000, 1, 0.05)).isCloseTo(1.0, within(1e-12));
        // n large enough that single terms far from the mean underflow: 0.5 + P(X = 1000) / 2, P(X = 1000) ≈ 0.01784.
        assertThat(Fairness.binomialTail(2000, 1, 0.5)).isEqualTo(1.0);
        assertThat(Fairness.binomialTail(2000, 1000, 0.5)).isCloseTo(0.50892, within(1e-4));
        assertThat(Fairness.binomialTail(2000, 1600, 0.5)).isLessThan(1e-100);
    }

    @Test
    void quantileInterpolatesBetweenRanks() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(Fairness.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(Fairness.quantile(sorted, 0.9)).isCloseTo(4.6, within(1e-12));
        assertThat(Fairness.quantile(new double[] {7}, 0.9)).isEqualTo(7.0);
        assertThat(Fairness.quantile(new double[0], 0.5)).isNaN();
    }
}
