package org.custos.core.detector;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code custody-overdue} when an original a person holds (see {@link CustodyLedger}) is not back by close
 * of business on the day they took it. It is noticed at the person's first event after close of business (a badge
 * exit, a logon the next morning, or the late check-in itself), once per holding.
 */
final class CustodyOverdueDetector implements Detector<FlaggedMoves> {

    static final Indicator INDICATOR = new Indicator("custody-overdue", Category.CUSTODY,
            "An original not back by close of business on the day it was taken.", 10);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.values());
    }

    @Override
    public FlaggedMoves newState() {
        return new FlaggedMoves();
    }

    @Override
    public void observe(Event event, FlaggedMoves flagged, Person person, SignalSink sink) {
        CustodyLedger ledger = person.org().custody();
        if (!ledger.holdsAny(person.user())) {
            return;
        }
        int closing = person.org().hours().closeOfBusinessHour();
        LocalDateTime now = person.local(event.time());
        for (CustodyLedger.Holding h : ledger.heldBy(person.user())) {
            LocalDateTime due = person.local(h.since()).toLocalDate().atStartOfDay().plusHours(closing);
            if (now.isAfter(due) && flagged.flag(h.moveId())) {
                sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(),
                        List.of(h.moveId(), event.id()), "original " + h.serial() + " (" + h.item() + ") taken "
                                + person.local(h.since()).toString().replace('T', ' ')
                                + ", not back by close of business " + due.toString().replace('T', ' ')));
            }
        }
    }
}
