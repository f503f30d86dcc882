package org.custos.core.detector;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.EmploymentPeriod;

/**
 * Raises {@code post-departure-activity} for any use of a departed person's account, badge or remote access after
 * their employment ended (from the directory snapshots or the personnel feed). Nothing should happen under a
 * revoked identity; this is the departed insider's tell, so every signal raises an alert whatever the score. At
 * most once a day.
 */
final class PostDepartureActivityDetector implements Detector<PostDepartureActivityDetector.State> {

    static final Indicator INDICATOR = new Indicator("post-departure-activity", Category.ACCESS,
            "Use of an account, badge or remote access after the person left.", 40, true);

    /** The end of employment as last looked up, and the last day raised. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long checkedDay = Long.MIN_VALUE;
        long endDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
    }

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.LOGON, EventKind.DEVICE, EventKind.FILE, EventKind.EMAIL, EventKind.HTTP,
                EventKind.PRINT, EventKind.BADGE, EventKind.CUSTODY);
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public void observe(Event event, State state, Person person, SignalSink sink) {
        long today = person.today();
        if (state.checkedDay != today) {
            state.checkedDay = today;
            state.endDay = person.org().organization().employment(person.user())
                    .flatMap(EmploymentPeriod::end).map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        }
        if (today <= state.endDay || state.lastDay == today) {
            return;
        }
        state.lastDay = today;
        sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                event.kind().label() + " activity on " + event.host() + ", " + (today - state.endDay)
                        + " days after employment ended on " + LocalDate.ofEpochDay(state.endDay)));
    }
}
