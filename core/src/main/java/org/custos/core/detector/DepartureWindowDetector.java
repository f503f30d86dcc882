package org.custos.core.detector;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.PersonnelChange;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.EmploymentPeriod;

/**
 * Raises {@code departure-window} once when a person is within 30 days of leaving: the end of employment known
 * from the directory snapshots or the personnel feed, or a resignation. Activity in the weeks before departure
 * is where exfiltration concentrates; the window is context that makes the critical path complete.
 */
final class DepartureWindowDetector implements Detector<DepartureWindowDetector.State> {

    static final Indicator INDICATOR = new Indicator("departure-window", Category.STRESSOR,
            "Activity in the last 30 days before the person leaves the organization.", 6);
    static final int WINDOW_DAYS = 30;

    /** Whether the window was already raised, and the end of employment as last looked up. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        boolean raised;
        long checkedDay = Long.MIN_VALUE;
        long endDay = Long.MAX_VALUE;
    }

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.values());
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public void observe(Event event, State state, Person person, SignalSink sink) {
        if (state.raised) {
            return;
        }
        if (event instanceof PersonnelChange change && change.change() == PersonnelChange.Kind.RESIGNATION) {
            state.raised = true;
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "resigned; the weeks before departure begin"));
            return;
        }
        if (state.checkedDay != person.today()) {
            state.checkedDay = person.today();
            state.endDay = person.org().organization().employment(person.user())
                    .flatMap(EmploymentPeriod::end).map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        }
        long daysLeft = state.endDay - person.today();
        if (daysLeft >= 0 && daysLeft <= WINDOW_DAYS) {
            state.raised = true;
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "active " + daysLeft + " days before leaving on " + LocalDate.ofEpochDay(state.endDay)));
        }
    }
}
