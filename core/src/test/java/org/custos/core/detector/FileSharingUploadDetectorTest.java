package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class FileSharingUploadDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = FileSharingUploadDetector.INDICATOR.weight();
    private static final String DROPBOX = "https://www.dropbox.com/upload";

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new FileSharingUploadDetector(), Contexts.empty(), events.list());
    }

    private static Events uploads(Events e, int n) {
        for (int i = 0; i < n; i++) {
            e.later(1).upload(DROPBOX);
        }
        return e;
    }

    @Test
    void flagsFirstUploadToFileSharingAfterWarmUp() {
        Events alice = Events.of(USER).workingDays(25).at("11:00").upload("https://mega.nz/upload/f1");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("file-sharing-upload");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first uploads to file-sharing sites in 25 active days (1 today); "
                    + "e.g. https://mega.nz/upload/f1");
        });
    }

    @Test
    void doesNotFlagUsualUploadsButFlagsASpike() {
        Events alice = uploads(Events.of(USER).workingDays(25, d -> uploads(d, 2)).at("11:00"), 6);
        assertThat(run(alice)).as("6 uploads is below max(3, 3*2+1) = 7").isEmpty();

        uploads(alice, 1);
        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.explanation()).isEqualTo("7 uploads to file-sharing sites today; usual at most 2 on 95% of "
                    + "25 active days (past maximum 2); e.g. " + DROPBOX);
        });
    }

    @Test
    void doesNotFlagUploadsBeforeWarmUp() {
        Events alice = uploads(Events.of(USER).workingDays(5).at("11:00"), 10);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresVisitsToFileSharingAndUploadsElsewhere() {
        Events alice = Events.of(USER).workingDays(25).at("11:00")
                .visit(DROPBOX).download("https://www.dropbox.com/s/abc/file.zip")
                .upload("https://intranet.dtaa.com/upload");

        assertThat(run(alice)).isEmpty();
    }
}
