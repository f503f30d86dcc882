package org.custos.core.detector;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code original-unaccounted} when a person has held an original for more than {@value #DAYS} days with no
 * custody record since they took it: its last record is too old, and it may be lost or kept at home. Noticed at
 * the holder's next event after that, once per holding.
 */
final class OriginalUnaccountedDetector implements Detector<FlaggedMoves> {

    static final Indicator INDICATOR = new Indicator("original-unaccounted", Category.CUSTODY,
            "An original held for more than a week with no custody record (lost?).", 12);
    static final int DAYS = 7;

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
        for (CustodyLedger.Holding h : ledger.heldBy(person.user())) {
            Duration held = Duration.between(h.since(), event.time());
            if (held.compareTo(Duration.ofDays(DAYS)) > 0 && flagged.flag(h.moveId())) {
                sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(),
                        List.of(h.moveId(), event.id()), "original " + h.serial() + " (" + h.item() + ") held since "
                                + person.local(h.since()).toString().replace('T', ' ') + ", " + held.toDays()
                                + " days with no custody record"));
            }
        }
    }
}
