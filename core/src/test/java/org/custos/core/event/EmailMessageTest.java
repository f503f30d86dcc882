package org.custos.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

    private static EmailMessage mail(List<String> to, List<String> cc, List<String> bcc, List<String> attachments,
            int attachmentCount) {
        return new EmailMessage("m1", Instant.EPOCH, "ACM2278", "PC-1", to, cc, bcc, null, EmailMessage.Action.SEND,
                100, attachments, attachmentCount, null);
    }

    @Test
    void countsRecipientsAcrossToCcAndBcc() {
        assertThat(mail(List.of("a@x.com", "b@x.com"), List.of("c@x.com"), List.of("d@x.com"), List.of(), 0)
                .recipientCount()).isEqualTo(4);
    }

    @Test
    void countsAtLeastTheNamedAttachmentsAndDefaultsAbsentText() {
        EmailMessage m = mail(List.of("a@x.com"), List.of(), List.of(), List.of("a.doc", "b.doc"), 0);

        assertThat(m.attachmentCount()).isEqualTo(2);
        assertThat(m.from()).isEmpty();
        assertThat(m.content()).isEmpty();
        assertThat(mail(List.of("a@x.com"), List.of(), List.of(), List.of(), 5).attachmentCount()).isEqualTo(5);
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new EmailMessage(null, Instant.EPOCH, "u", "h", List.of(), List.of(), List.of(), "",
                EmailMessage.Action.SEND, 0, List.of(), 0, "")).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void countsEveryRecipientEntryEvenWhenAnAddressRepeats() {
        assertThat(mail(List.of("a@x.com", "b@x.com"), List.of("a@x.com"), List.of("b@x.com"), List.of(), 0)
                .recipientCount()).isEqualTo(4);
    }
}
