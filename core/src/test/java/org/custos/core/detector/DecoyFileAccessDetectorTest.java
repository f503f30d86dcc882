package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.event.FileActivity;
import org.custos.core.organization.Organization;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class DecoyFileAccessDetectorTest {

    private static final String USER = "ACM2278";
    private static final String DECOY = "R:\\Finance\\Salaries-2010.xlsx";

    private static List<Signal> run(OrgContext org, Events events) {
        return DetectorRun.signals(new DecoyFileAccessDetector(), org, events.list());
    }

    @Test
    void flagsTouchingADecoyFileIgnoringCase() {
        Events alice = Events.of(USER).at("15:00").fileOpen("r:\\finance\\SALARIES-2010.xlsx");

        assertThat(run(Contexts.withDecoys(new Organization(), DECOY), alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("decoy-file-access");
            assertThat(s.weight()).isEqualTo(DecoyFileAccessDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("decoy file r:\\finance\\SALARIES-2010.xlsx (open on PC-ACM2278)");
        });
    }

    @Test
    void flagsEveryTouchWithoutWarmUpOrBaseline() {
        Events alice = Events.of(USER).at("15:00").fileOpen(DECOY)
                .file(DECOY, FileActivity.Action.COPY, true, false).file(DECOY, FileActivity.Action.DELETE, false, false);

        List<Signal> signals = run(Contexts.withDecoys(new Organization(), DECOY), alice);

        assertThat(signals).hasSize(3);
        assertThat(signals.get(1).explanation()).contains("(copy on ");
    }

    @Test
    void doesNotFlagOrdinaryFilesOrAnyFileWhenNoDecoysArePlanted() {
        Events alice = Events.of(USER).at("15:00").fileOpen("R:\\Finance\\Salaries-2009.xlsx")
                .fileOpen("S:\\Finance\\Salaries-2010.xlsx");

        assertThat(run(Contexts.withDecoys(new Organization(), DECOY), alice)).isEmpty();
        assertThat(run(Contexts.empty(), Events.of(USER).fileOpen(DECOY))).isEmpty();
    }
}
