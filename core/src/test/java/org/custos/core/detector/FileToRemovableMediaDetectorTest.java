package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.event.FileActivity;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class FileToRemovableMediaDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = FileToRemovableMediaDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new FileToRemovableMediaDetector(), Contexts.empty(), events.list());
    }

    private static Events copy(Events e, int files) {
        for (int i = 0; i < files; i++) {
            e.fileToUsb("C:\\work\\file" + i + ".docx");
        }
        return e;
    }

    @Test
    void flagsFirstFileCopiedToRemovableMediaAfterWarmUp() {
        Events alice = Events.of(USER).workingDays(25).at("10:00").fileToUsb("C:\\projects\\x7\\design.pdf");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("file-to-removable-media");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first files copied to removable media in 25 active days (1 today); "
                    + "e.g. C:\\projects\\x7\\design.pdf");
        });
    }

    @Test
    void doesNotFlagUsualDailyCopiesButFlagsTheThresholdCrossing() {
        Events alice = Events.of(USER).workingDays(25, d -> copy(d, 3)).at("10:00");
        copy(alice, 9);
        assertThat(run(alice)).as("3x usual 3 files is below 3*q95+1 = 10").isEmpty();

        alice.fileToUsb("C:\\work\\tenth.docx");
        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("10 files copied to removable media today; usual at most 3 on 95% "
                    + "of 25 active days (past maximum 3); e.g. C:\\work\\tenth.docx");
        });
    }

    @Test
    void doesNotFlagCopiesBeforeWarmUp() {
        Events alice = copy(Events.of(USER).workingDays(5).at("10:00"), 30);

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresDeletesAndFilesThatStayOnTheHost() {
        Events alice = Events.of(USER).workingDays(25).at("10:00")
                .file("E:\\old.docx", FileActivity.Action.DELETE, true, false)
                .file("C:\\work\\a.docx", FileActivity.Action.WRITE, false, false)
                .file("C:\\work\\b.docx", FileActivity.Action.COPY, false, true);

        assertThat(run(alice)).isEmpty();
    }
}
