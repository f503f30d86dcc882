package org.custos.core.detector;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.PersonRecord;

/**
 * Raises {@code custody-need-to-know} when a person takes an original (check-out, or transfer to them) of an item
 * whose project the directory does not grant them on that day. Moves whose project the feed does not give, and
 * organizations with no directory at all, raise nothing.
 */
final class CustodyNeedToKnowDetector implements Detector<FlaggedMoves> {

    static final Indicator INDICATOR = new Indicator("custody-need-to-know", Category.CUSTODY,
            "Taking an original of a project the person has no need-to-know grant for.", 20);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.CUSTODY);
    }

    @Override
    public FlaggedMoves newState() {
        return new FlaggedMoves();
    }

    @Override
    public void observe(Event event, FlaggedMoves flagged, Person person, SignalSink sink) {
        CustodyMove move = (CustodyMove) event;
        if (move.project().isEmpty() || person.org().organization().isEmpty()
                || (move.action() != CustodyMove.Action.CHECK_OUT && move.action() != CustodyMove.Action.TRANSFER)) {
            return;
        }
        Optional<PersonRecord> record = person.org().organization().recordOn(person.user(),
                person.local(move.time()).toLocalDate());
        if (record.isPresent() && record.get().projects().contains(move.project())) {
            return;
        }
        if (!flagged.flag(move.id())) {
            return;
        }
        String how = move.action() == CustodyMove.Action.CHECK_OUT ? "checked out" : "received by transfer";
        String grants = record.isEmpty() ? "who is not in the directory that day"
                : record.get().projects().isEmpty() ? "who holds no project grant"
                : "whose grants are " + String.join(", ", record.get().projects());
        sink.accept(new Signal(person.user(), INDICATOR, move.time(), INDICATOR.weight(), List.of(move.id()),
                "original " + move.serial() + " (" + move.item() + ", project " + move.project() + ") " + how
                        + " by " + person.user() + ", " + grants));
    }
}
