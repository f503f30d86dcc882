package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class RemovableMediaFirstUseDetectorTest {

    private static final String USER = "ACM2278";

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new RemovableMediaFirstUseDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsFirstRemovableDriveUseAfterWarmUp() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").deviceConnect("PC-9");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("removable-media-first-use");
            assertThat(s.weight()).isEqualTo(RemovableMediaFirstUseDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first removable drive connected (on PC-9) in 25 active days");
        });
    }

    @Test
    void flagsOnlyTheFirstConnectionOfThatDayAndNoneAfter() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").deviceConnect();
        String first = alice.lastId();
        alice.later(5).deviceDisconnect("PC-1").later(5).deviceConnect().nextWorkingDay().deviceConnect();

        assertThat(run(alice)).singleElement().satisfies(s -> assertThat(s.eventIds()).containsExactly(first));
    }

    @Test
    void doesNotFlagSomeoneWhoUsedADriveDuringWarmUp() {
        Events alice = Events.of(USER).workingDays(2).workingDays(1, d -> d.deviceConnect())
                .workingDays(30).at("10:00").deviceConnect();

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagFirstUseBeforeWarmUp() {
        Events alice = Events.of(USER).workingDays(5).at("10:00").deviceConnect();

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresDisconnections() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").deviceDisconnect("PC-1");

        assertThat(run(alice)).isEmpty();
    }
}
