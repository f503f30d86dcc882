package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code badge-exit-holding} when a person badges out of a site while holding an original (see
 * {@link CustodyLedger}): originals do not leave the premises. Once per holding.
 */
final class BadgeExitHoldingDetector implements Detector<FlaggedMoves> {

    static final Indicator INDICATOR = new Indicator("badge-exit-holding", Category.CUSTODY,
            "Leaving the premises while holding an original.", 14);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.BADGE);
    }

    @Override
    public FlaggedMoves newState() {
        return new FlaggedMoves();
    }

    @Override
    public void observe(Event event, FlaggedMoves flagged, Person person, SignalSink sink) {
        BadgeSwipe swipe = (BadgeSwipe) event;
        if (swipe.direction() != BadgeSwipe.Direction.OUT || !person.org().custody().holdsAny(person.user())) {
            return;
        }
        for (CustodyLedger.Holding h : person.org().custody().heldBy(person.user())) {
            if (flagged.flag(h.moveId())) {
                sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(),
                        List.of(h.moveId(), event.id()), "badged out at " + swipe.host() + " " + swipe.door()
                                + " while holding original " + h.serial() + " (" + h.item() + ")"));
            }
        }
    }
}
