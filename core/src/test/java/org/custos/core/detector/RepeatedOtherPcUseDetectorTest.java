package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.indicator.Category;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class RepeatedOtherPcUseDetectorTest {

    private static final String ALICE = "ACM2278";
    private static final String BOB = "BOB0001";
    private static final double WEIGHT = RepeatedOtherPcUseDetector.INDICATOR.weight();

    /** Bob logs on to his own PC every working day from October 2009, so it is his machine by January. */
    private static Events bob() {
        return Events.of(BOB).host("PC-BOB").on("2009-10-05").workingDays(90);
    }

    private static Events alice() {
        return Events.of(ALICE).host("PC-ALICE");
    }

    private static List<Signal> run(OrgContext org, Events... people) {
        return DetectorRun.of(new RepeatedOtherPcUseDetector(), org).feed(people).signalsFor(ALICE);
    }

    /** Alice, past her warm-up, logs on to {@code host} at 12:00 on each of {@code days} working days. */
    private static Events aliceTakesUp(String host, int days) {
        Events alice = alice().workingDays(25);
        for (int d = 0; d < days; d++) {
            alice.at("12:00").logon(host).nextWorkingDay();
        }
        return alice;
    }

    @Test
    void declaresAnAccessIndicatorOfWeightEight() {
        assertThat(RepeatedOtherPcUseDetector.INDICATOR.id()).isEqualTo("repeated-other-pc-use");
        assertThat(RepeatedOtherPcUseDetector.INDICATOR.category()).isEqualTo(Category.ACCESS);
        assertThat(RepeatedOtherPcUseDetector.INDICATOR.weight()).isEqualTo(8);
        assertThat(RepeatedOtherPcUseDetector.INDICATOR.alertsAlone()).isFalse();
    }

    @Test
    void flagsTheThirdDistinctDayOnAMachineOfSomeoneElseTakenUpAfterTheWarmUp() {
        Events alice = alice().workingDays(25)
                .at("12:00").logon("PC-BOB").nextWorkingDay()
                .at("12:00").logon("PC-BOB").nextWorkingDay()
                .at("12:00").logon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("repeated-other-pc-use");
            assertThat(s.user()).isEqualTo(ALICE);
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.time()).isEqualTo(alice.last().time());
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("logon to PC-BOB, the machine of BOB0001, on the 3rd different day");
        });
    }

    @Test
    void raisesNothingOnTheFirstTwoDays() {
        assertThat(run(Contexts.empty(), bob(), aliceTakesUp("PC-BOB", 2))).isEmpty();
    }

    @Test
    void flagsEveryFurtherDayAtFullWeight() {
        List<Signal> signals = run(Contexts.empty(), bob(), aliceTakesUp("PC-BOB", 5));

        assertThat(signals).hasSize(3).allSatisfy(s -> assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9)));
        assertThat(signals).extracting(Signal::explanation).containsExactly(
                "logon to PC-BOB, the machine of BOB0001, on the 3rd different day",
                "logon to PC-BOB, the machine of BOB0001, on the 4th different day",
                "logon to PC-BOB, the machine of BOB0001, on the 5th different day");
    }

    @Test
    void countsDistinctDaysNotLogons() {
        Events alice = alice().workingDays(25).at("12:00").logon("PC-BOB").later(30).logon("PC-BOB").later(30)
                .logon("PC-BOB").later(30).logon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).as("four logons on one day are one day").isEmpty();
    }

    @Test
    void raisesAtMostOnceADay() {
        Events alice = aliceTakesUp("PC-BOB", 2).at("12:00").logon("PC-BOB");
        String third = alice.lastId();
        alice.later(60).logon("PC-BOB").later(60).remoteLogon("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).singleElement()
                .satisfies(s -> assertThat(s.eventIds()).containsExactly(third));
    }

    @Test
    void ignoresLogoffs() {
        Events alice = aliceTakesUp("PC-BOB", 2).at("12:00").logoff("PC-BOB");

        assertThat(run(Contexts.empty(), bob(), alice)).isEmpty();
    }

    @Test
    void neverFlagsASecondMachineUsedSinceTheWarmUp() {
        Events alice = alice().workingDays(2).at("12:00").logon("PC-BOB").workingDays(30);
        for (int d = 0; d < 5; d++) {
            alice.at("12:00").logon("PC-BOB").nextWorkingDay();
        }

        assertThat(run(Contexts.empty(), bob(), alice)).isEmpty();
    }

    @Test
    void neverFlagsAMachineInDailyUseSinceTheFirstWeeks() {
        Events alice = alice().workingDays(30, day -> day.at("12:00").logon("PC-BOB"));

        assertThat(run(Contexts.empty(), bob(), alice)).isEmpty();
    }

    @Test
    void takesTheWarmUpFromTheDayOfTheFirstUse() {
        Events lastWarmUpDay = alice().workingDays(Contexts.WARM_UP - 1);
        Events firstDayAfter = alice().workingDays(Contexts.WARM_UP);
        for (Events alice : List.of(lastWarmUpDay, firstDayAfter)) {
            for (int d = 0; d < 3; d++) {
                alice.at("12:00").logon("PC-BOB").nextWorkingDay();
            }
        }

        assertThat(run(Contexts.empty(), bob(), lastWarmUpDay)).as("first used on active day 20").isEmpty();
        assertThat(run(Contexts.empty(), bob(), firstDayAfter)).as("first used on active day 21").hasSize(1);
    }

    @Test
    void neverFlagsSharedMachines() {
        Events carol = Events.of("CAROL01").host("LAB-1").on("2009-10-05").workingDays(60);
        Events dave = Events.of("DAVE001").host("LAB-1").on("2009-10-05").workingDays(60);
        OrgContext org = Contexts.empty();
        DetectorRun<?> run = DetectorRun.of(new RepeatedOtherPcUseDetector(), org)
                .feed(carol, dave, aliceTakesUp("LAB-1", 5));

        assertThat(org.hosts().owner("LAB-1")).as("no owner").isNull();
        assertThat(run.signalsFor(ALICE)).isEmpty();
    }

    @Test
    void neverFlagsMachinesNoOneElseUses() {
        assertThat(run(Contexts.empty(), aliceTakesUp("PC-SPARE", 5))).as("an unknown host has no owner").isEmpty();
    }

    @Test
    void neverFlagsTheirOwnMachine() {
        OrgContext org = Contexts.empty();
        for (int n = 0; n < 25; n++) {
            org.hosts().observeLogon("PC-NEW", ALICE);
        }

        assertThat(run(org, aliceTakesUp("PC-NEW", 5))).as("a new machine of their own").isEmpty();
    }

    @Test
    void neverFlagsAnAdministratorWhoVisitsManyMachinesOnceEach() {
        OrgContext org = Contexts.empty();
        for (int i = 0; i < 10; i++) {
            for (int n = 0; n < 25; n++) {
                org.hosts().observeLogon("PC-OWNER" + i, "OWNER" + i);
            }
        }
        Events alice = alice().workingDays(25);
        for (int i = 0; i < 10; i++) {
            alice.at("12:00").logon("PC-OWNER" + i).nextWorkingDay();
        }

        assertThat(run(org, alice)).isEmpty();
    }

    @Test
    void followsEachMachineOnItsOwn() {
        OrgContext org = Contexts.empty();
        for (String owner : List.of("OWNER1", "OWNER2")) {
            for (int n = 0; n < 25; n++) {
                org.hosts().observeLogon("PC-" + owner, owner);
            }
        }
        Events alice = alice().workingDays(25)
                .at("12:00").logon("PC-OWNER1").nextWorkingDay()
                .at("12:00").logon("PC-OWNER2").nextWorkingDay()
                .at("12:00").logon("PC-OWNER1").nextWorkingDay()
                .at("12:00").logon("PC-OWNER2").nextWorkingDay()
                .at("12:00").logon("PC-OWNER1");

        assertThat(run(org, alice)).singleElement()
                .satisfies(s -> assertThat(s.explanation()).startsWith("logon to PC-OWNER1, the machine of OWNER1"));
    }

    @Test
    void neverFlagsAMachineOfTheWarmUpAfterVisitingManyOthers() {
        OrgContext org = Contexts.empty();
        for (int i = 0; i < 15; i++) {
            for (int n = 0; n < 25; n++) {
                org.hosts().observeLogon("PC-OWNER" + i, "OWNER" + i);
            }
        }
        Events alice = alice().workingDays(2).at("12:00").logon("PC-BOB").workingDays(30).at("10:00");
        for (int i = 0; i < 15; i++) {
            alice.logon("PC-OWNER" + i).later(1);
        }
        alice.nextWorkingDay();
        for (int d = 0; d < 3; d++) {
            alice.at("12:00").logon("PC-BOB").nextWorkingDay();
        }

        assertThat(DetectorRun.of(new RepeatedOtherPcUseDetector(), org).feed(bob(), alice).signalsFor(ALICE))
                .isEmpty();
    }

    @Test
    void writesTheOrdinalOfTheDayInEnglish() {
        List<Signal> signals = run(Contexts.empty(), bob(), aliceTakesUp("PC-BOB", 23));

        assertThat(signals).extracting(Signal::explanation).endsWith(
                "logon to PC-BOB, the machine of BOB0001, on the 21st different day",
                "logon to PC-BOB, the machine of BOB0001, on the 22nd different day",
                "logon to PC-BOB, the machine of BOB0001, on the 23rd different day");
    }
}
