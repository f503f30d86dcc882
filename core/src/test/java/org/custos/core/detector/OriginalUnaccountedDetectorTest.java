package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class OriginalUnaccountedDetectorTest {

    private static final String USER = "ACM2278";

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new OriginalUnaccountedDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsAnOriginalHeldForMoreThanAWeekOnce() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-0042", "x7-design-review");
        String checkOut = alice.lastId();
        alice.workingDays(4).at("09:00").logon().at("12:00").logon();
        String noticed = alice.lastId();
        alice.workingDays(3);

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("original-unaccounted");
            assertThat(s.eventIds()).containsExactly(checkOut, noticed);
            assertThat(s.explanation())
                    .isEqualTo("original S-0042 (x7-design-review) held since 2010-01-04 10:00, 7 days with no "
                            + "custody record");
        });
    }

    @Test
    void doesNotFlagAnOriginalReturnedWithinTheWeek() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "plan").workingDays(4).at("10:00")
                .checkIn("S-1").workingDays(10);

        assertThat(run(alice)).isEmpty();
    }
}
