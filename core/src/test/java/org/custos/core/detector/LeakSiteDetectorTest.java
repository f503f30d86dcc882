package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class LeakSiteDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = LeakSiteDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new LeakSiteDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsUploadToALeakSiteAtFullWeight() {
        Events alice = Events.of(USER).workingDays(25).at("13:00").upload("https://www.wikileaks.org/submit");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("leak-site");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("uploaded to https://www.wikileaks.org/submit");
        });
    }

    @Test
    void flagsVisitsAndDownloadsAtFortyPercentWeightOnSubDomainsToo() {
        Events alice = Events.of(USER).at("13:00").visit("http://cryptome.org/")
                .download("https://files.ddosecrets.com/archive.zip");

        List<Signal> signals = run(alice);

        assertThat(signals).hasSize(2)
                .allSatisfy(s -> assertThat(s.weight()).isCloseTo(WEIGHT * 0.4, within(1e-9)));
        assertThat(signals.get(0).explanation()).isEqualTo("visited http://cryptome.org/");
        assertThat(signals.get(1).explanation()).isEqualTo("visited https://files.ddosecrets.com/archive.zip");
    }

    @Test
    void flagsEveryUploadEvenOnTheFirstDayBecauseNoBaselineExcusesIt() {
        Events alice = Events.of(USER).at("13:00").upload("https://wikileaks.org/a").upload("https://wikileaks.org/b");

        assertThat(run(alice)).hasSize(2);
    }

    @Test
    void doesNotFlagLookAlikeDomains() {
        Events alice = Events.of(USER).workingDays(25).at("13:00")
                .upload("https://notwikileaks.org/submit")
                .upload("https://wikileaks.org.example.com/submit")
                .visit("https://news.example.com/wikileaks.org-story");

        assertThat(run(alice)).isEmpty();
    }
}
