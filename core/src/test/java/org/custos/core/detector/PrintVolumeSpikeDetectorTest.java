package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class PrintVolumeSpikeDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = PrintVolumeSpikeDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new PrintVolumeSpikeDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsThirtyPagesBySomeoneWhoNeverPrinted() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").print(5).later(10).print("x7-design.pdf", 30);

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("print-volume-spike");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first pages printed in 25 active days (35 today)");
        });
    }

    @Test
    void doesNotFlagSmallPrintsBySomeoneWhoNeverPrinted() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").print(5).print(20);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagUsualVolumeButFlagsPagesFarAboveIt() {
        Events alice = Events.of(USER).workingDays(25, d -> d.print(10)).at("10:00").print(30);
        assertThat(run(alice)).as("30 pages is below 3*10+1").isEmpty();

        alice.print(1);
        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("31 pages printed today; usual at most 10 on 95% of 25 active days (past maximum 10)");
        });
    }

    @Test
    void weighsOneHugeJobAsItsHighestCrossingOnly() {
        Events alice = Events.of(USER).workingDays(25, d -> d.print(10)).at("10:00").print(500);

        assertThat(run(alice)).singleElement()
                .satisfies(s -> assertThat(s.weight()).isCloseTo(WEIGHT * 2, within(1e-9)));
    }

    @Test
    void doesNotFlagHeavyPrintingBeforeWarmUp() {
        Events alice = Events.of(USER).workingDays(5).at("10:00").print(400);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresEmptyJobs() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").print(0);

        assertThat(run(alice)).isEmpty();
    }
}
