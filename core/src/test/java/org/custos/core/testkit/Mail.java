package org.custos.core.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custos.core.event.EmailMessage;

/**
 * A Mail is the part of an e-mail a test cares about, written fluently:
 * {@code Mail.to("x@gmail.com").attach("plans.docx").content("...")}; {@link Events#email(Mail)} stamps it with an
 * id, a time, a user and a host.
 */
public final class Mail {

    private final List<String> to;
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();
    private String from = "";
    private String content = "";
    private EmailMessage.Action action = EmailMessage.Action.SEND;
    private long size = 20_000;
    private int attachmentCount;

    private Mail(List<String> to) {
        this.to = new ArrayList<>(to);
    }

    /** A sent message to the given addresses. */
    public static Mail to(String... addresses) {
        return new Mail(Arrays.asList(addresses));
    }

    /** A sent message to {@code n} distinct colleagues at {@code domain}. */
    public static Mail toColleagues(int n, String domain) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            to.add("colleague" + i + "@" + domain);
        }
        return new Mail(to);
    }

    /** Adds copied recipients. */
    public Mail cc(String... addresses) {
        cc.addAll(Arrays.asList(addresses));
        return this;
    }

    /** Adds blind-copied recipients. */
    public Mail bcc(String... addresses) {
        bcc.addAll(Arrays.asList(addresses));
        return this;
    }

    /** Adds attachments by name. */
    public Mail attach(String... paths) {
        attachments.addAll(Arrays.asList(paths));
        return this;
    }

    /** Sets the number of attachments without naming them (as CERT r4.2 does). */
    public Mail attachmentCount(int count) {
        this.attachmentCount = count;
        return this;
    }

    /** Sets the sender's address. */
    public Mail from(String address) {
        this.from = address;
        return this;
    }

    /** Sets the body's words. */
    public Mail content(String words) {
        this.content = words;
        return this;
    }

    /** Makes the message one that was viewed (read) rather than sent. */
    public Mail viewed() {
        this.action = EmailMessage.Action.VIEW;
        return this;
    }

    EmailMessage toEvent(String id, Instant time, String user, String host) {
        return new EmailMessage(id, time, user, host, to, cc, bcc, from, action, size, attachments,
                Math.max(attachmentCount, attachments.size()), content);
    }
}
