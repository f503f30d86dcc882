package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.CustodyMove.Action;
import org.junit.jupiter.api.Test;

class CustodyLedgerTest {

    private static final Instant T0 = Instant.parse("2010-01-04T10:00:00Z");

    private static CustodyMove move(String id, String user, String serial, Action action, int minutes) {
        return new CustodyMove(id, T0.plusSeconds(60L * minutes), user, "REGISTRY", serial, "x7", action);
    }

    @Test
    void givesACheckedOutOriginalToThePersonUntilCheckIn() {
        CustodyLedger ledger = new CustodyLedger();
        ledger.apply(move("m1", "ALICE", "S-1", Action.CHECK_OUT, 0));

        assertThat(ledger.holdsAny("ALICE")).isTrue();
        assertThat(ledger.heldBy("ALICE")).containsExactly(
                new CustodyLedger.Holding("S-1", "x7", "ALICE", T0, "m1"));
        assertThat(ledger.holder("S-1").holder()).isEqualTo("ALICE");

        ledger.apply(move("m2", "ALICE", "S-1", Action.CHECK_IN, 30));

        assertThat(ledger.holdsAny("ALICE")).isFalse();
        assertThat(ledger.heldBy("ALICE")).isEmpty();
        assertThat(ledger.holder("S-1")).isNull();
        assertThat(ledger.all()).isEmpty();
    }

    @Test
    void movesAnOriginalToTheReceiverOfATransfer() {
        CustodyLedger ledger = new CustodyLedger();
        ledger.apply(move("m1", "ALICE", "S-1", Action.CHECK_OUT, 0));
        ledger.apply(move("m2", "BOB", "S-1", Action.TRANSFER, 5));

        assertThat(ledger.holdsAny("ALICE")).isFalse();
        assertThat(ledger.heldBy("BOB")).singleElement().satisfies(h -> {
            assertThat(h.moveId()).isEqualTo("m2");
            assertThat(h.since()).isEqualTo(T0.plusSeconds(300));
        });
    }

    @Test
    void endsAHoldingWhenTheOriginalIsDestroyedAndKeepsOthers() {
        CustodyLedger ledger = new CustodyLedger();
        ledger.apply(move("m1", "ALICE", "S-1", Action.CHECK_OUT, 0));
        ledger.apply(move("m2", "ALICE", "S-2", Action.CHECK_OUT, 1));
        ledger.apply(move("m3", "ALICE", "S-1", Action.DESTROY, 2));

        assertThat(ledger.heldBy("ALICE")).extracting(CustodyLedger.Holding::serial).containsExactly("S-2");
        assertThat(ledger.all()).hasSize(1);
    }

    @Test
    void assignedHoldingsReplaceThePersonsOwnAndLeaveOthersAlone() {
        CustodyLedger ledger = new CustodyLedger();
        ledger.apply(move("m1", "ALICE", "S-1", Action.CHECK_OUT, 0));
        ledger.apply(move("m2", "BOB", "S-2", Action.CHECK_OUT, 0));
        CustodyLedger.Holding h = new CustodyLedger.Holding("S-3", "plan", "ALICE", T0, "m3");

        ledger.assign("ALICE", java.util.List.of(h));

        assertThat(ledger.heldBy("ALICE")).containsExactly(h);
        assertThat(ledger.holder("S-1")).isNull();
        assertThat(ledger.heldBy("BOB")).extracting(CustodyLedger.Holding::serial).containsExactly("S-2");
        ledger.assign("ALICE", java.util.List.of());
        assertThat(ledger.holdsAny("ALICE")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.assign("BOB", java.util.List.of(h)))
                .hasMessage("holding S-3 is held by ALICE, not BOB");
    }
}
