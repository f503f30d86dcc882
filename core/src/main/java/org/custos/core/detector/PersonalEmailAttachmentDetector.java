package org.custos.core.detector;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Urls;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.PersonRecord;

/**
 * Raises {@code personal-email-attachment} when a person's messages with attachments to personal mail addresses
 * today are a first ever (after the warm-up) or far above their usual. Sending to an address that carries the
 * person's own name (their home address) weighs half again.
 */
final class PersonalEmailAttachmentDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("personal-email-attachment", Category.EXFILTRATION,
            "Attachments sent to personal mail addresses, new or far above the person's usual.", 10);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.EMAIL);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount count, Person person, SignalSink sink) {
        EmailMessage mail = (EmailMessage) event;
        if (mail.action() != EmailMessage.Action.SEND || mail.attachmentCount() == 0) {
            return;
        }
        String personal = personalRecipient(mail, person.org().vocabulary());
        if (personal == null) {
            return;
        }
        count.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(count, person, 1,
                "messages with attachments to personal addresses", 1, 3, true);
        if (outcome.fired()) {
            boolean own = ownAddress(personal, person);
            sink.accept(new Signal(person.user(), INDICATOR, event.time(),
                    INDICATOR.weight() * outcome.factor() * (own ? 1.5 : 1.0), List.of(event.id()),
                    outcome.why() + "; to " + personal + (own ? " (the person's own name)" : "") + ", "
                            + mail.attachmentCount() + " attachment(s)"));
        }
    }

    private static String personalRecipient(EmailMessage mail, Vocabulary words) {
        return mail.recipients().stream().filter(a -> words.personalMail().contains(Urls.mailDomain(a)))
                .findFirst().orElse(null);
    }

    private static boolean ownAddress(String address, Person person) {
        String local = address.substring(0, Math.max(0, address.lastIndexOf('@'))).toLowerCase(Locale.ROOT);
        PersonRecord record = person.org().organization().recordOn(person.user(), person.date()).orElse(null);
        if (record == null || record.name().isBlank()) {
            return false;
        }
        for (String part : record.name().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (part.length() >= 3 && local.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
