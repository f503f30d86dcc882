package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class AfterHoursLogonDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = AfterHoursLogonDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new AfterHoursLogonDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsFirstAfterHoursLogonAfterWarmUpAtOneAndAHalfWeight() {
        Events alice = Events.of(USER).workingDays(25).at("22:15").logon("PC-7");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("after-hours-logon");
            assertThat(s.user()).isEqualTo(USER);
            assertThat(s.weight()).isCloseTo(WEIGHT * 1.5, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.time()).isEqualTo(alice.last().time());
            assertThat(s.explanation()).isEqualTo("first after-hours logon (2010-02-08 22:15) in 25 active days");
        });
    }

    @Test
    void flagsWeekendLogonAsAfterHours() {
        Events alice = Events.of(USER).workingDays(25).on("2010-02-13").at("10:00").logon();

        assertThat(run(alice)).singleElement()
                .satisfies(s -> assertThat(s.explanation()).startsWith("first after-hours logon (2010-02-13 10:00)"));
    }

    @Test
    void doesNotFlagAfterHoursLogonBeforeWarmUp() {
        Events alice = Events.of(USER).workingDays(5).at("22:15").logon();

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagSomeoneWhoHabituallyWorksLate() {
        int[] day = {0};
        Events alice = Events.of(USER).workingDays(40, d -> {
            if (day[0]++ % 3 == 0) {
                d.at("20:30").logon();
            }
        }).at("22:15").logon();

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void weighsARareAfterHoursHabitLessThanAFirstEver() {
        Events alice = Events.of(USER).workingDays(2)
                .workingDays(1, d -> d.at("20:00").logon())
                .workingDays(40)
                .at("21:00").logon();

        assertThat(run(alice)).singleElement().satisfies(s -> {
            double rate = 1.0 / 43;
            assertThat(s.weight()).isCloseTo(WEIGHT * (1 - rate / 0.05), within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).contains("after-hours logon (").contains("only 1 of 43 past active days had one");
        });
    }

    @Test
    void raisesAtMostOnceADay() {
        Events alice = Events.of(USER).workingDays(25).at("21:00").logon().at("23:00").logon("PC-2");

        assertThat(run(alice)).hasSize(1);
    }

    @Test
    void ignoresLogoffsAndWorkingHourLogons() {
        Events alice = Events.of(USER).workingDays(25).at("08:00").logon().at("22:00").logoff("PC-1");

        assertThat(run(alice)).isEmpty();
    }
}
