package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.event.WebVisit;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class KeyloggerDownloadDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = KeyloggerDownloadDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new KeyloggerDownloadDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsKeyloggerDownloadAtFullWeight() {
        Events alice = Events.of(USER).at("14:00").download("http://www.refog.com/files/keylogger-setup.exe");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("keylogger-download");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("keystroke-logging tool: downloaded from http://www.refog.com/files/keylogger-setup.exe");
        });
    }

    @Test
    void weighsPageVisitsAndFilesAtSixtyPercent() {
        Events alice = Events.of(USER).at("14:00")
                .http("http://tools.example.com/review", WebVisit.Action.VISIT, "records every Keystroke silently")
                .nextDay().fileOpen("C:\\Temp\\Ardamax\\akl.exe");

        List<Signal> signals = run(alice);

        assertThat(signals).hasSize(2).allSatisfy(s -> assertThat(s.weight()).isCloseTo(WEIGHT * 0.6, within(1e-9)));
        assertThat(signals.get(0).explanation())
                .isEqualTo("keystroke-logging tool: visited http://tools.example.com/review");
        assertThat(signals.get(1).explanation())
                .isEqualTo("keystroke-logging tool: handled file C:\\Temp\\Ardamax\\akl.exe");
    }

    @Test
    void raisesAtMostOnceADay() {
        Events alice = Events.of(USER).at("14:00").visit("http://keylog.example.com/")
                .download("http://keylog.example.com/kl.exe").fileOpen("C:\\Temp\\kl-keylogger.exe")
                .nextDay().download("http://keylog.example.com/kl.exe");

        List<Signal> signals = run(alice);

        assertThat(signals).hasSize(2);
        assertThat(signals.get(0).weight()).as("the day's first sighting counts, even a mere visit")
                .isCloseTo(WEIGHT * 0.6, within(1e-9));
    }

    @Test
    void doesNotFlagOrdinaryDownloadsAndFiles() {
        Events alice = Events.of(USER).at("14:00").download("https://download.example.com/office-update.exe")
                .http("http://news.example.com/", WebVisit.Action.VISIT, "quarterly results keyboard review")
                .fileOpen("C:\\Users\\alice\\keys.txt");

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotMistakeAnInspectorForTheSpectorKeylogger() {
        Events alice = Events.of(USER).at("14:00").http("http://news.example.com/city", WebVisit.Action.VISIT,
                "the fire inspector closed the building");

        assertThat(run(alice)).isEmpty();
    }
}
