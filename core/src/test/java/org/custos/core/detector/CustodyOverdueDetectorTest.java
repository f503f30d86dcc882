package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.event.CustodyMove;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class CustodyOverdueDetectorTest {

    private static final String USER = "ACM2278";
    private static final String EXPLANATION = "original S-0042 (x7-design-review) taken 2010-01-04 10:00, "
            + "not back by close of business 2010-01-04 18:00";

    private static List<Signal> run(Events... people) {
        return DetectorRun.of(new CustodyOverdueDetector(), Contexts.empty()).feed(people).signals();
    }

    private static Events checkedOutAtTen() {
        return Events.of(USER).on("2010-01-04").at("10:00").checkOut("S-0042", "x7-design-review");
    }

    @Test
    void noticesAnOverdueOriginalAtTheNextEventAfterCloseOfBusiness() {
        Events alice = checkedOutAtTen();
        String checkOut = alice.lastId();
        alice.at("17:30").print(2).nextDay().at("08:10").logon();

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("custody-overdue");
            assertThat(s.weight()).isEqualTo(CustodyOverdueDetector.INDICATOR.weight());
            assertThat(s.time()).isEqualTo(alice.last().time());
            assertThat(s.eventIds()).containsExactly(checkOut, alice.lastId());
            assertThat(s.explanation()).isEqualTo(EXPLANATION);
        });
    }

    @Test
    void noticesAnOverdueOriginalAtItsLateCheckIn() {
        Events alice = checkedOutAtTen();
        String checkOut = alice.lastId();
        alice.at("19:05").checkIn("S-0042").nextDay().logon();

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(checkOut, alice.list().get(1).id());
            assertThat(s.explanation()).isEqualTo(EXPLANATION);
        });
    }

    @Test
    void noticesItAtABadgeExitAfterCloseOfBusinessOncePerCheckOut() {
        Events alice = checkedOutAtTen().at("18:30").badgeOut("Main gate").nextDay().badgeIn("Main gate").logon();

        assertThat(run(alice)).singleElement()
                .satisfies(s -> assertThat(s.eventIds()).endsWith(alice.list().get(1).id()));
    }

    @Test
    void doesNotFlagAnOriginalBackByCloseOfBusiness() {
        Events onTime = checkedOutAtTen().at("17:45").checkIn("S-0042").nextDay().logon();
        Events atTheBell = checkedOutAtTen().at("18:00").checkIn("S-0042").nextDay().logon();

        assertThat(run(onTime)).isEmpty();
        assertThat(run(atTheBell)).isEmpty();
    }

    @Test
    void holdsTheReceiverOfATransferToTheCloseOfBusinessOfTheTransferDay() {
        Events alice = checkedOutAtTen().at("15:00").logon();
        Events bob = Events.of("BOB0001").on("2010-01-04").at("16:00")
                .custody("S-0042", "x7-design-review", CustodyMove.Action.TRANSFER);
        String transfer = bob.lastId();
        alice.at("19:00").badgeOut("Main gate");
        bob.at("18:30").badgeOut("Main gate");

        assertThat(run(alice, bob)).singleElement().satisfies(s -> {
            assertThat(s.user()).isEqualTo("BOB0001");
            assertThat(s.eventIds()).containsExactly(transfer, bob.lastId());
            assertThat(s.explanation()).contains("taken 2010-01-04 16:00");
        });
    }

    @Test
    void raisesOncePerHoldingEvenForARegistryClerkHoldingManyOriginals() {
        Events clerk = Events.of(USER).on("2010-01-04").at("10:00");
        for (int i = 0; i < 33; i++) {
            clerk.checkOut("S-" + i, "archive box " + i);
        }
        clerk.nextDay().at("08:00").logon().at("09:00").print(1).at("10:00").logoff("PC-1");

        assertThat(run(clerk)).hasSize(33);
    }

    @Test
    void doesNotFlagBeforeCloseOfBusinessWhileStillHeld() {
        Events alice = checkedOutAtTen().at("15:00").logon().at("17:59").badgeOut("Main gate");

        assertThat(run(alice)).isEmpty();
    }
}
