package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.PersonnelChange;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code personnel-stressor} for a stressor reported by HR or the security office: financial distress
 * (a court-defaulter listing, frozen accounts, investment losses), a performance plan, a layoff, a resignation or
 * a termination. Stressors are context, never a verdict: the risk model keeps them below the alert threshold
 * unless technical signals stand beside them.
 */
final class PersonnelStressorDetector implements Detector<Void> {

    static final Indicator INDICATOR = new Indicator("personnel-stressor", Category.STRESSOR,
            "A personnel signal of financial, work or separation pressure.", 10);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.PERSONNEL);
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public void observe(Event event, Void state, Person person, SignalSink sink) {
        PersonnelChange change = (PersonnelChange) event;
        if (!change.change().stressor()) {
            return;
        }
        double factor = switch (change.change()) {
            case COURT_DEFAULTER, ACCOUNTS_FROZEN -> 1.2;
            case INVESTMENT_LOSS, TERMINATION -> 1.0;
            case PERFORMANCE_PLAN, LAYOFF -> 0.6;
            default -> 0.5;
        };
        String details = change.details().isBlank() ? "" : " (" + change.details() + ")";
        sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * factor,
                List.of(event.id()), "personnel feed reports " + change.change().feedName() + details));
    }
}
