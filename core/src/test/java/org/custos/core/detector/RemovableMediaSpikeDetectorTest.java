package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class RemovableMediaSpikeDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = RemovableMediaSpikeDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new RemovableMediaSpikeDetector(), Contexts.empty(), events.list());
    }

    /** A person who connects one drive every working day. */
    private static Events dailyUser() {
        return Events.of(USER).workingDays(25, d -> d.deviceConnect());
    }

    private static Events connect(Events e, int times) {
        for (int i = 0; i < times; i++) {
            e.later(1).deviceConnect();
        }
        return e;
    }

    @Test
    void flagsConnectionsFarAboveUsualAtThresholdTwiceAndFourTimes() {
        Events alice = dailyUser().at("10:00");
        connect(alice, 3);
        int mark = alice.size();
        connect(alice, 13);
        List<String> spikeDay = alice.idsFrom(mark);

        List<Signal> signals = run(alice);

        assertThat(signals).hasSize(3);
        assertThat(signals).allSatisfy(s -> assertThat(s.indicator().id()).isEqualTo("removable-media-spike"));
        assertThat(signals.get(0).eventIds()).containsExactly(spikeDay.get(0));
        assertThat(signals.get(0).weight()).isCloseTo(WEIGHT, within(1e-9));
        assertThat(signals.get(0).explanation())
                .isEqualTo("4 removable-drive connections today; usual at most 1 on 95% of 25 active days (past maximum 1)");
        assertThat(signals.get(1).eventIds()).containsExactly(spikeDay.get(4));
        assertThat(signals.get(1).weight()).isCloseTo(WEIGHT, within(1e-9));
        assertThat(signals.get(2).eventIds()).containsExactly(spikeDay.get(12));
        assertThat(signals.get(2).weight()).isCloseTo(WEIGHT * 2, within(1e-9));
    }

    @Test
    void doesNotFlagUsualConnectionCounts() {
        Events alice = connect(dailyUser().at("10:00"), 3);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void leavesFirstEverUseToTheFirstUseIndicatorHoweverMany() {
        Events alice = connect(Events.of(USER).workingDays(25).at("10:00"), 20);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagASpikeBeforeWarmUp() {
        Events alice = connect(Events.of(USER).workingDays(5, d -> d.deviceConnect()).at("10:00"), 20);

        assertThat(run(alice)).isEmpty();
    }
}
