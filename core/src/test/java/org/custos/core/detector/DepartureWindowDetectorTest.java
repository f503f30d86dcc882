package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.custos.core.event.PersonnelChange.Kind;
import org.custos.core.organization.Organization;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class DepartureWindowDetectorTest {

    private static final String USER = "ACM2278";

    /** Alice is listed January to March of a January-to-June directory: she leaves on 2010-03-31. */
    private static Organization leavingEndOfMarch() {
        return Directory.months("2010-01", "2010-06").person(USER, p -> p.until("2010-03")).person("BOB0001").build();
    }

    private static List<Signal> run(Organization org, Events events) {
        return DetectorRun.signals(new DepartureWindowDetector(), Contexts.of(org), events.list());
    }

    @Test
    void flagsActivityThirtyDaysBeforeADepartureInferredFromTheDirectory() {
        Events alice = Events.of(USER).on("2010-02-26").logon();
        alice.on("2010-03-01").at("09:00").logon();
        String windowOpens = alice.lastId();
        alice.on("2010-03-15").logon().on("2010-03-30").logon();

        assertThat(run(leavingEndOfMarch(), alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("departure-window");
            assertThat(s.weight()).isEqualTo(DepartureWindowDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(windowOpens);
            assertThat(s.explanation()).isEqualTo("active 30 days before leaving on 2010-03-31");
        });
    }

    @Test
    void flagsAResignationAtOnce() {
        Events bob = Events.of("BOB0001").on("2010-01-11").personnel(Kind.RESIGNATION, "leaving for a competitor")
                .nextDay().logon();

        assertThat(run(leavingEndOfMarch(), bob)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(bob.list().get(0).id());
            assertThat(s.explanation()).isEqualTo("resigned; the weeks before departure begin");
        });
    }

    @Test
    void usesADepartureDateKnownFromThePersonnelFeed() {
        Organization org = Directory.months("2010-01", "2010-06").person(USER).build();
        org.recordDeparture(USER, LocalDate.of(2010, 5, 14));
        Events alice = Events.of(USER).on("2010-04-12").logon().on("2010-04-14").logon();

        assertThat(run(org, alice)).singleElement()
                .satisfies(s -> assertThat(s.explanation()).isEqualTo("active 30 days before leaving on 2010-05-14"));
    }

    @Test
    void doesNotFlagSomeoneStillListedOrFarFromLeaving() {
        Events bob = Events.of("BOB0001").workingDays(60);
        Events aliceEarly = Events.of(USER).workingDays(30);

        assertThat(run(leavingEndOfMarch(), bob)).isEmpty();
        assertThat(run(leavingEndOfMarch(), aliceEarly)).as("30 working days end on 2010-02-12").isEmpty();
    }

    @Test
    void doesNotFlagActivityAfterDeparture() {
        Events alice = Events.of(USER).on("2010-04-05").logon();

        assertThat(run(leavingEndOfMarch(), alice)).isEmpty();
    }
}
