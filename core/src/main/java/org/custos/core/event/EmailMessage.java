package org.custos.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An EmailMessage is one e-mail sent or viewed by a person.
 *
 * @param to the primary recipients' addresses
 * @param cc the copied recipients' addresses
 * @param bcc the blind-copied recipients' addresses
 * @param from the sender's address
 * @param size the message size in bytes
 * @param attachments the attachment names (paths) where the source lists them
 * @param attachmentCount the number of attachments (at least {@code attachments.size()})
 * @param content the words of the message body when the source has them, else empty
 */
public record EmailMessage(String id, Instant time, String user, String host, List<String> to, List<String> cc,
        List<String> bcc, String from, Action action, long size, List<String> attachments, int attachmentCount,
        String content) implements Event {

    /** Whether the message was sent or viewed (read); {@code SEND} where the source does not say. */
    public enum Action { SEND, VIEW }

    /** Checks that the required fields are present and copies the lists. */
    public EmailMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
        from = from == null ? "" : from;
        content = content == null ? "" : content;
        if (attachmentCount < attachments.size()) {
            attachmentCount = attachments.size();
        }
    }

    /** Every recipient entry of to, cc and bcc, in that order. */
    public List<String> recipients() {
        List<String> all = new java.util.ArrayList<>(recipientCount());
        all.addAll(to);
        all.addAll(cc);
        all.addAll(bcc);
        return all;
    }

    /** The number of recipient entries in to, cc and bcc together (an address listed twice counts twice). */
    public int recipientCount() {
        return to.size() + cc.size() + bcc.size();
    }

    @Override
    public EventKind kind() {
        return EventKind.EMAIL;
    }
}
