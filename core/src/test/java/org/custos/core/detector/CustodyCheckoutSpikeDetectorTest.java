package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class CustodyCheckoutSpikeDetectorTest {

    private static final String USER = "ACM2278";

    private static OrgContext org() {
        return Contexts.of(Directory.months("2010-01", "2010-03").person(USER).person("BBJ0002").person("CCK0003")
                .build());
    }

    /** Twenty-five working days with one original taken and returned every tenth day. */
    private static Events usual(String user, int serialBase) {
        int[] day = {0};
        return Events.of(user).workingDays(25, e -> {
            if (day[0]++ % 10 == 0) {
                e.checkOut("S-" + (serialBase + day[0]), "plan").later(60).checkIn("S-" + (serialBase + day[0]));
            }
        });
    }

    @Test
    void flagsManyOriginalsTakenInOneDayAgainstOwnAndPeerUsual() {
        Events alice = usual(USER, 100).at("10:00");
        for (int i = 0; i < 5; i++) {
            alice.checkOut("X-" + i, "plan").later(5);
        }
        Events bob = usual("BBJ0002", 200);
        Events carol = usual("CCK0003", 300);

        List<Signal> signals = DetectorRun.of(new CustodyCheckoutSpikeDetector(), org()).feed(alice, bob, carol)
                .signals();

        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("custody-checkout-spike");
            assertThat(s.user()).isEqualTo(USER);
            assertThat(s.explanation()).startsWith("4 originals taken today; usual at most 1 on 95% of 25 active days")
                    .endsWith("; 6 in the last 28 days against an average of 2.0 among 2 peers (Engineer)");
        });
    }

    @Test
    void doesNotFlagSomeoneWhosePeersTakeAsMany() {
        Events alice = usual(USER, 100).at("10:00");
        Events bob = usual("BBJ0002", 200).at("10:00");
        Events carol = usual("CCK0003", 300).at("10:00");
        for (int i = 0; i < 3; i++) {
            alice.checkOut("X-" + i, "plan").later(5);
        }
        for (int i = 0; i < 12; i++) {
            bob.checkOut("Y-" + i, "plan").later(5);
            carol.checkOut("Z-" + i, "plan").later(5);
        }

        List<Signal> signals = DetectorRun.of(new CustodyCheckoutSpikeDetector(), org()).feed(alice, bob, carol)
                .signalsFor(USER);

        assertThat(signals).isEmpty();
    }

    @Test
    void doesNotFlagDuringTheWarmUp() {
        Events alice = Events.of(USER).workingDays(3).at("10:00");
        for (int i = 0; i < 6; i++) {
            alice.checkOut("X-" + i, "plan").later(5);
        }

        assertThat(DetectorRun.signals(new CustodyCheckoutSpikeDetector(), Contexts.empty(), alice.list())).isEmpty();
    }
}
