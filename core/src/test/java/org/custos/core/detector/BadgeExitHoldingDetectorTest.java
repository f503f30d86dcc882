package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.event.CustodyMove;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class BadgeExitHoldingDetectorTest {

    private static final String USER = "ACM2278";

    private static List<Signal> run(Events... people) {
        return DetectorRun.of(new BadgeExitHoldingDetector(), Contexts.empty()).feed(people).signals();
    }

    @Test
    void flagsBadgeExitWhileHoldingAnOriginal() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-0042", "x7-design-review");
        String checkOut = alice.lastId();
        alice.at("12:30").badgeOut("Main gate");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("badge-exit-holding");
            assertThat(s.weight()).isEqualTo(BadgeExitHoldingDetector.INDICATOR.weight());
            assertThat(s.time()).isEqualTo(alice.last().time());
            assertThat(s.eventIds()).containsExactly(checkOut, alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("badged out at HQ Main gate while holding original S-0042 (x7-design-review)");
        });
    }

    @Test
    void raisesOneSignalPerOriginalHeldAndEachOnlyOnce() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "alpha").checkOut("S-2", "beta")
                .at("12:30").badgeOut("Main gate").at("13:00").badgeIn("Main gate").at("17:30").badgeOut("Main gate");

        List<Signal> signals = run(alice);

        assertThat(signals).hasSize(2);
        assertThat(signals).extracting(Signal::explanation).containsExactlyInAnyOrder(
                "badged out at HQ Main gate while holding original S-1 (alpha)",
                "badged out at HQ Main gate while holding original S-2 (beta)");
    }

    @Test
    void doesNotFlagBadgeExitAfterCheckIn() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-0042", "x7-design-review")
                .at("12:00").checkIn("S-0042").at("12:30").badgeOut("Main gate");

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void followsAnOriginalTransferredToSomeoneElse() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "alpha");
        Events bob = Events.of("BOB0001").at("11:00").custody("S-1", "alpha", CustodyMove.Action.TRANSFER);
        String transfer = bob.lastId();
        alice.at("12:30").badgeOut("Main gate");
        bob.at("12:45").badgeOut("Main gate");

        assertThat(run(alice, bob)).singleElement().satisfies(s -> {
            assertThat(s.user()).isEqualTo("BOB0001");
            assertThat(s.eventIds()).containsExactly(transfer, bob.lastId());
        });
    }

    @Test
    void doesNotFlagEnteringOrDestroyedOriginals() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "alpha").badgeIn("Main gate")
                .custody("S-1", "alpha", CustodyMove.Action.DESTROY).at("12:30").badgeOut("Main gate");

        assertThat(run(alice)).isEmpty();
    }
}
