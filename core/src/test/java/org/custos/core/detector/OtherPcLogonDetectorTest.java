package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.organization.Organization;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class OtherPcLogonDetectorTest {

    private static final String ALICE = "ACM2278";
    private static final String BOB = "BOB0001";
    private static final double WEIGHT = OtherPcLogonDetector.INDICATOR.weight();

    private static Organization bobSupervisesAlice() {
        return Directory.months("2009-10", "2010-06")
                .person(ALICE, p -> p.name("Alice Carter").supervisor("Bob Boss"))
                .person(BOB, p -> p.name("Bob Boss").role("Manager"))
                .build();
    }

    /** Bob logs on to his own PC every working day from October 2009, so it is his machine by January. */
    private static Events bob() {
        return Events.of(BOB).host("PC-BOB").on("2009-10-05").workingDays(90);
    }

    private static Events alice() {
        return Events.of(ALICE).host("PC-ALICE");
    }

    private static List<Signal> run(OrgContext org, Events... people) {
        return DetectorRun.of(new OtherPcLogonDetector(), org).feed(people).signalsFor(ALICE);
    }

    @Test
    void flagsFirstLogonToSomeoneElsesMachine() {
        Events alice = alice().workingDays(25).at("12:00").logon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("other-pc-logon");
            assertThat(s.user()).isEqualTo(ALICE);
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("first logon to PC-BOB, the machine of BOB0001; 0 other people's machines used before");
        });
    }

    @Test
    void weighsTheSupervisorsMachineHalfAgain() {
        Events alice = alice().workingDays(25).at("12:00").logon("PC-BOB");

        assertThat(run(Contexts.of(bobSupervisesAlice()), bob(), alice)).singleElement().satisfies(s -> {
            assertThat(s.weight()).isCloseTo(WEIGHT * 1.5, within(1e-9));
            assertThat(s.explanation()).contains("the machine of their supervisor BOB0001");
        });
    }

    @Test
    void weighsEachFurtherMachineLessSoRoamersSettle() {
        OrgContext org = Contexts.empty();
        for (int i = 1; i <= 4; i++) {
            for (int n = 0; n < 25; n++) {
                org.hosts().observeLogon("PC-OWNER" + i, "OWNER" + i);
            }
        }
        Events alice = alice().workingDays(25).at("12:00")
                .logon("PC-OWNER1").logon("PC-OWNER2").logon("PC-OWNER3").logon("PC-OWNER4");

        List<Signal> signals = run(org, alice);

        assertThat(signals).extracting(Signal::weight).containsExactly(
                WEIGHT, WEIGHT / (1 + 1 / 3.0), WEIGHT / (1 + 2 / 3.0), WEIGHT / 2);
        assertThat(signals.get(3).explanation()).endsWith("; 3 other people's machines used before");
    }

    @Test
    void doesNotFlagAMachineTheyAlreadyUsedDuringWarmUp() {
        Events alice = alice().workingDays(2).at("12:00").logon("PC-BOB").workingDays(30).at("12:00").logon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).isEmpty();
    }

    @Test
    void flagsOnlyTheFirstLogonToAMachine() {
        Events alice = alice().workingDays(25).at("12:00").logon("PC-BOB").nextWorkingDay().logon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).hasSize(1);
    }

    @Test
    void doesNotFlagOwnOrSharedMachines() {
        Events carol = Events.of("CAROL01").host("LAB-1").on("2009-10-05").workingDays(60);
        Events dave = Events.of("DAVE001").host("LAB-1").on("2009-10-05").workingDays(60);
        Events alice = alice().workingDays(25).at("12:00").logon("LAB-1").logon("PC-ALICE");

        assertThat(run(Contexts.empty(), carol, dave, alice)).isEmpty();
    }

    @Test
    void raisesNothingBeyondSixtyFourOtherMachinesAndNeverRepeats() {
        OrgContext org = Contexts.empty();
        for (int i = 0; i < 66; i++) {
            for (int n = 0; n < 25; n++) {
                org.hosts().observeLogon("PC-OWNER" + i, "OWNER" + i);
            }
        }
        Events alice = alice().workingDays(25).at("12:00");
        for (int i = 0; i < 66; i++) {
            alice.logon("PC-OWNER" + i);
        }
        alice.nextWorkingDay().logon("PC-OWNER65");

        assertThat(run(org, alice)).hasSize(64);
    }
}
