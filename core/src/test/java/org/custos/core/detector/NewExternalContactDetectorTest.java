package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.custos.core.testkit.Mail;
import org.junit.jupiter.api.Test;

class NewExternalContactDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = NewExternalContactDetector.INDICATOR.weight();
    private static final OrgContext ORG = Contexts.of(Directory.months("2010-01", "2010-06")
            .person(USER, p -> p.name("Alice Carter")).build());

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new NewExternalContactDetector(), ORG, events.list());
    }

    @Test
    void flagsTheFirstOutsideOrganizationMailedAfterTheWarmUp() {
        Events alice = Events.of(USER).workingDays(25).at("12:00").email(Mail.to("jobs@competitor.com"));

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("new-external-contact");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).startsWith("first messages to outside organizations never mailed before")
                    .endsWith("e.g. competitor.com");
        });
    }

    @Test
    void ignoresColleaguesPersonalMailAndDomainsAlreadyMailed() {
        Events alice = Events.of(USER).workingDays(25, day -> day.at("10:00").email(Mail.to("bob@supplier.com")))
                .at("12:00").email(Mail.to("bob@supplier.com", "carol@gmail.com"));

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresReceivedMailAndTheWarmUp() {
        Events alice = Events.of(USER).workingDays(3).at("12:00").email(Mail.to("x@newco.com"))
                .workingDays(25).at("12:00").email(Mail.to("y@other.com").viewed());

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void flagsABurstOfNewOutsideOrganizationsAfterAQuietHistory() {
        Events alice = Events.of(USER).workingDays(3).at("09:00").email(Mail.to("a@old-partner.com"))
                .workingDays(40);
        for (int i = 0; i < 6; i++) {
            alice.nextWorkingDay().at("11:00").email(Mail.to("hr@employer" + i + ".com"));
        }

        assertThat(run(alice)).isNotEmpty().allSatisfy(s -> assertThat(s.weight()).isPositive());
    }
}
