package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Urls;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code new-external-contact} when a person starts mailing outside organizations they never mailed before,
 * more than is usual for them: a change in their mail graph, such as soliciting a competitor. Each sent message to
 * an organization domain (neither the organization's own nor a personal mail provider) the person has not mailed
 * since Custos began watching counts one for the day, and the day's count goes through the shared rate check
 * (first ever after the warm-up, spike, or burst). It remembers the 128 most recent outside domains per person.
 */
final class NewExternalContactDetector implements Detector<NewExternalContactDetector.State> {

    static final Indicator INDICATOR = new Indicator("new-external-contact", Category.CONCERNING_BEHAVIOUR,
            "Mail to outside organizations the person never mailed before, more than usual for them.", 5);
    static final int REMEMBERED = 128;

    /** The outside domains mailed so far (hashes, most recent 128) and the daily count of new ones. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int[] domains = new int[REMEMBERED];
        int size;
        int next;
        final DailyCount newDomains = new DailyCount();

        boolean remember(String domain) {
            int h = domain.hashCode();
            for (int i = 0; i < size; i++) {
                if (domains[i] == h) {
                    return false;
                }
            }
            domains[next] = h;
            next = (next + 1) % REMEMBERED;
            size = Math.min(size + 1, REMEMBERED);
            return true;
        }
    }

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.EMAIL);
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public void observe(Event event, State state, Person person, SignalSink sink) {
        EmailMessage mail = (EmailMessage) event;
        if (mail.action() != EmailMessage.Action.SEND) {
            return;
        }
        String fresh = null;
        for (String address : mail.recipients()) {
            String domain = Urls.mailDomain(address);
            if (domain.isEmpty() || person.org().isWorkDomain(domain)
                    || person.org().vocabulary().personalMail().contains(domain)) {
                continue;
            }
            if (state.remember(domain) && fresh == null) {
                fresh = domain;
            }
        }
        if (fresh == null) {
            return;
        }
        state.newDomains.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(state.newDomains, person, 1,
                "messages to outside organizations never mailed before", 1, 3, true);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why() + "; e.g. " + fresh));
        }
    }
}
