package org.custos.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrevalenceTest {

    private static Prevalence population(int admins, int engineers) {
        Prevalence p = new Prevalence(2);
        for (int i = 0; i < admins; i++) {
            p.personSeen("ITAdmin");
        }
        for (int i = 0; i < engineers; i++) {
            p.personSeen("Engineer");
        }
        return p;
    }

    @Test
    void keepsTheWeightForTheFirstOfTwentyPeopleToHaveIt() {
        Prevalence p = population(0, 19);
        assertThat(p.rarity(0, "Engineer")).isCloseTo(1.0, within(1e-9));
        p.fired(0, "Engineer");
        assertThat(p.rarity(0, "Engineer")).isCloseTo(Math.log(20.0 / 2.0) / Math.log(20), within(1e-9));
    }

    @Test
    void somethingAllPeersDoCountsLittleForThemButMoreForOthers() {
        Prevalence p = population(20, 180);
        for (int i = 0; i < 20; i++) {
            p.fired(0, "ITAdmin");
        }
        double forAdmin = p.rarity(0, "ITAdmin");
        double forEngineer = p.rarity(0, "Engineer");
        assertThat(forAdmin).as("every admin has done it").isLessThan(0.6);
        assertThat(forEngineer).as("no engineer has done it").isGreaterThan(1.2);
    }

    @Test
    void smallPeerGroupsUseThePopulationOnly() {
        Prevalence p = population(5, 95);
        for (int i = 0; i < 5; i++) {
            p.fired(1, "ITAdmin");
        }
        double population = Math.log(101.0 / 6.0) / Math.log(20);
        assertThat(p.rarity(1, "ITAdmin")).isCloseTo(population, within(1e-9));
    }

    @Test
    void staysWithinAQuarterAndOneAndAHalf() {
        Prevalence common = population(0, 30);
        for (int i = 0; i < 30; i++) {
            common.fired(0, "Engineer");
        }
        assertThat(common.rarity(0, "Engineer")).isEqualTo(0.25);
        assertThat(population(0, 1000).rarity(1, "Engineer")).isEqualTo(1.5);
    }
}
