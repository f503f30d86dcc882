package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.organization.Organization;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class UnitDeparturesDetectorTest {

    private static final String STAYER = "STA0001";

    /** A team of {@code size} (the stayer included) of whom {@code leaving} leave at the end of March. */
    private static Organization team(int size, int leaving) {
        Directory d = Directory.months("2010-01", "2010-06").person(STAYER, p -> p.team("Radar"));
        for (int i = 1; i < size; i++) {
            String user = String.format("TEA%04d", i);
            d.person(user, p -> {
                p.team("Radar");
                if (Integer.parseInt(user.substring(3)) <= leaving) {
                    p.until("2010-03");
                }
            });
        }
        for (int i = 0; i < 40; i++) {
            d.person(String.format("OTH%04d", i), p -> p.team("Optics"));
        }
        return d.build();
    }

    private static List<Signal> run(Organization org, Events events) {
        return DetectorRun.signals(new UnitDeparturesDetector(), Contexts.of(org), events.list());
    }

    @Test
    void flagsTheFirstLogonOfTheMonthAfterHalfTheTeamLeft() {
        Events stayer = Events.of(STAYER).on("2010-01-30").logon().on("2010-04-01").at("09:00").logon();
        String firstOfApril = stayer.lastId();
        stayer.on("2010-04-02").logon().on("2010-05-03").logon();

        assertThat(run(team(8, 4), stayer)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("unit-departures");
            assertThat(s.indicator().category().id()).isEqualTo("stressor");
            assertThat(s.eventIds()).containsExactly(firstOfApril);
            assertThat(s.explanation()).startsWith("4 of 8 people in the person's team").contains("2010-04");
        });
    }

    @Test
    void flagsTheFirstLogonOfADayWithinSixWeeksOfTheTeamsDepartures() {
        Events stayer = Events.of(STAYER).on("2010-02-10").logon().on("2010-02-16").at("09:00").logon();
        String sixWeeksBefore = stayer.lastId();
        stayer.at("11:00").logon().on("2010-03-20").logon();

        assertThat(run(team(8, 4), stayer)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(sixWeeksBefore);
            assertThat(s.explanation()).startsWith("4 of 8 people in the person's team")
                    .endsWith(") leave within 45 days of 2010-02-16 (their last month in the directory)");
        });
    }

    @Test
    void ignoresOrdinaryTurnover() {
        Events stayer = Events.of(STAYER).on("2010-04-01").logon().on("2010-05-03").logon();
        assertThat(run(team(12, 1), stayer)).isEmpty();
    }

    @Test
    void ignoresAnOtherTeamsLosses() {
        Events other = Events.of("OTH0001").on("2010-04-01").logon();
        assertThat(run(team(8, 5), other)).as("the Optics team lost no one; the department lost 5 of 48")
                .isEmpty();
    }

    @Test
    void raisesAtMostOnceInNinetyDays() {
        Directory d = Directory.months("2010-01", "2010-06").person(STAYER);
        for (int i = 1; i < 10; i++) {
            int n = i;
            d.person(String.format("TEA%04d", i), p -> p.until(n <= 3 ? "2010-02" : n <= 6 ? "2010-03" : "2010-06"));
        }
        Events stayer = Events.of(STAYER).on("2010-03-01").logon().on("2010-04-01").logon();
        assertThat(run(d.build(), stayer)).hasSize(1);
    }
}
