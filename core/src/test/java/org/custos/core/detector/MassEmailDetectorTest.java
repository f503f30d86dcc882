package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.custos.core.testkit.Mail;
import org.junit.jupiter.api.Test;

class MassEmailDetectorTest {

    private static final String USER = "ACM2278";

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new MassEmailDetector(), Contexts.empty(), events.list());
    }

    private static Events ordinaryMailer() {
        return Events.of(USER).workingDays(25, d -> d.email(Mail.toColleagues(3, "dtaa.com")));
    }

    @Test
    void flagsOneMessageToFarMoreRecipientsThanEver() {
        Events alice = ordinaryMailer().at("16:00").email(Mail.toColleagues(30, "dtaa.com"));

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("mass-email");
            assertThat(s.weight()).isEqualTo(MassEmailDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("one message to 30 recipients; the person's largest before was 3");
        });
    }

    @Test
    void countsCopiedAndBlindCopiedRecipients() {
        Mail mail = Mail.toColleagues(9, "dtaa.com");
        for (int i = 0; i < 8; i++) {
            mail.cc("cc" + i + "@dtaa.com").bcc("bcc" + i + "@dtaa.com");
        }
        Events alice = ordinaryMailer().at("16:00").email(mail);

        assertThat(run(alice)).singleElement()
                .satisfies(s -> assertThat(s.explanation()).startsWith("one message to 25 recipients"));
    }

    @Test
    void doesNotFlagSomeoneWhoRoutinelyMailsLargeLists() {
        Events alice = Events.of(USER).workingDays(25, d -> d.email(Mail.toColleagues(40, "dtaa.com")))
                .at("16:00").email(Mail.toColleagues(100, "dtaa.com"));

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagSmallListsEvenWhenFarAboveTheLargestBefore() {
        Events alice = Events.of(USER).workingDays(25, d -> d.email(Mail.to("bob@dtaa.com")))
                .at("16:00").email(Mail.toColleagues(24, "dtaa.com"));

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagBeforeWarmUpAndALargeListThenRaisesTheBar() {
        Events alice = Events.of(USER).workingDays(2).at("16:00").email(Mail.toColleagues(50, "dtaa.com"))
                .workingDays(30, d -> d.email(Mail.toColleagues(3, "dtaa.com")))
                .at("16:00").email(Mail.toColleagues(60, "dtaa.com"));

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresMessagesReceived() {
        Events alice = ordinaryMailer().at("16:00").email(Mail.toColleagues(300, "dtaa.com").viewed());

        assertThat(run(alice)).isEmpty();
    }
}
