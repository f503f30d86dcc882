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

class PersonalEmailAttachmentDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = PersonalEmailAttachmentDetector.INDICATOR.weight();
    private static final OrgContext ORG = Contexts.of(Directory.months("2010-01", "2010-06")
            .person(USER, p -> p.name("Alice Carter")).build());

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new PersonalEmailAttachmentDetector(), ORG, events.list());
    }

    @Test
    void flagsFirstAttachmentToAPersonalAddressAfterWarmUp() {
        Events alice = Events.of(USER).workingDays(25).at("16:00")
                .email(Mail.to("friend2010@yahoo.com").attach("C:\\x7\\budget.xlsx"));

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("personal-email-attachment");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first messages with attachments to personal addresses in 25 active "
                    + "days (1 today); to friend2010@yahoo.com, 1 attachment(s)");
        });
    }

    @Test
    void weighsMailToThePersonsOwnHomeAddressHalfAgain() {
        Events alice = Events.of(USER).workingDays(25).at("16:00")
                .email(Mail.to("colleague@dtaa.com").bcc("carter.alice77@gmail.com").attachmentCount(3));

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.weight()).isCloseTo(WEIGHT * 1.5, within(1e-9));
            assertThat(s.explanation()).endsWith("to carter.alice77@gmail.com (the person's own name), 3 attachment(s)");
        });
    }

    @Test
    void doesNotFlagSomeoneWhoMailsAttachmentsHomeEveryDay() {
        Events alice = Events.of(USER)
                .workingDays(25, d -> d.email(Mail.to("alice.carter@gmail.com").attach("notes.txt")))
                .at("16:00").email(Mail.to("alice.carter@gmail.com").attach("notes.txt"))
                .email(Mail.to("alice.carter@gmail.com").attach("more.txt"));

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void ignoresMailWithoutAttachmentsToWorkAddressesOrReceived() {
        Events alice = Events.of(USER).workingDays(25).at("16:00")
                .email(Mail.to("alice.carter@gmail.com").content("see you"))
                .email(Mail.to("bob.boss@dtaa.com").attach("a.docx"))
                .email(Mail.to("alice.carter@dtaa.com").from("friend@gmail.com").attach("a.docx").viewed());

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagBeforeWarmUp() {
        Events alice = Events.of(USER).workingDays(5).at("16:00")
                .email(Mail.to("alice.carter@gmail.com").attach("a.docx"));

        assertThat(run(alice)).isEmpty();
    }
}
