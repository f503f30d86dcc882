package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.event.PersonnelChange.Kind;
import org.custos.core.organization.Organization;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class PostDepartureActivityDetectorTest {

    private static final String USER = "ACM2278";

    private static Organization leavingEndOfMarch() {
        return Directory.months("2010-01", "2010-06").person(USER, p -> p.until("2010-03")).person("BOB0001").build();
    }

    private static List<Signal> run(Organization org, Events events) {
        return DetectorRun.signals(new PostDepartureActivityDetector(), Contexts.of(org), events.list());
    }

    @Test
    void flagsUseOfADepartedPersonsAccountOncePerDay() {
        Events alice = Events.of(USER).on("2010-03-31").at("09:00").logon()
                .on("2010-04-05").at("22:00").remoteLogon("VPN-GW");
        String firstUse = alice.lastId();
        alice.later(5).fileOpen("C:\\x7\\design.pdf").on("2010-04-06").at("07:50").badgeIn("North door");
        String nextDay = alice.lastId();

        List<Signal> signals = run(leavingEndOfMarch(), alice);

        assertThat(signals).hasSize(2);
        assertThat(signals.get(0)).satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("post-departure-activity");
            assertThat(s.weight()).isEqualTo(PostDepartureActivityDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(firstUse);
            assertThat(s.explanation())
                    .isEqualTo("logon activity on VPN-GW, 5 days after employment ended on 2010-03-31");
        });
        assertThat(signals.get(1).eventIds()).containsExactly(nextDay);
        assertThat(signals.get(1).explanation())
                .isEqualTo("badge activity on HQ, 6 days after employment ended on 2010-03-31");
    }

    @Test
    void flagsUseAfterADepartureReportedByThePersonnelFeed() {
        Events alice = Events.of(USER).on("2010-02-10").at("16:00").personnel(Kind.DEPARTURE).logon()
                .on("2010-02-11").at("09:00").logon();

        assertThat(run(leavingEndOfMarch(), alice)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("logon activity on PC-ACM2278, 1 days after employment ended on 2010-02-10");
        });
    }

    @Test
    void doesNotFlagActivityUpToTheLastDayOrOfPeopleStillEmployed() {
        Events alice = Events.of(USER).on("2010-03-31").at("23:30").logon();
        Events bob = Events.of("BOB0001").workingDays(100);

        assertThat(run(leavingEndOfMarch(), alice)).isEmpty();
        assertThat(run(leavingEndOfMarch(), bob)).isEmpty();
    }

    @Test
    void doesNotCountPersonnelFeedEntriesAsUse() {
        Events alice = Events.of(USER).on("2010-04-20").personnel(Kind.ACCESS_REVOKED);

        assertThat(run(leavingEndOfMarch(), alice)).isEmpty();
    }
}
