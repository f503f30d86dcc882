package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code mass-email} when a person sends one message to far more recipients than they ever have: at
 * least 25 and at least three times their previous largest. People who routinely mail large lists set their own
 * bar high and do not raise it.
 */
final class MassEmailDetector implements Detector<MassEmailDetector.State> {

    static final Indicator INDICATOR = new Indicator("mass-email", Category.CONCERNING_BEHAVIOUR,
            "One message to far more recipients than the person has ever sent to.", 15);
    static final int MIN_RECIPIENTS = 25;

    /** The largest recipient count the person has sent to so far. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int largest;
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
        int recipients = mail.recipientCount();
        int previous = state.largest;
        state.largest = Math.max(previous, recipients);
        if (person.hasBaseline() && recipients >= MIN_RECIPIENTS && recipients >= 3 * previous) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "one message to " + recipients + " recipients; the person's largest before was " + previous));
        }
    }
}
