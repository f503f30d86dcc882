package org.custos.core.detector;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.Organization;

/**
 * Raises {@code custody-checkout-spike} when a person takes originals (check-outs and transfers to them) far more
 * often than both their own usual daily rate ({@link RateCheck}, at least 3 a day) and their peers': over the last
 * 28 days they took more than twice the average of the others in their peer group (their role), plus one, and at least
 * {@value #MIN_WINDOW} originals. Without peers in the directory, the own baseline decides alone.
 */
final class CustodyCheckoutSpikeDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("custody-checkout-spike", Category.CUSTODY,
            "Taking originals far more often than the person's and their peers' usual.", 10);
    static final int MIN_SPIKE = 3;
    static final int MIN_WINDOW = 4;

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.CUSTODY);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount taken, Person person, SignalSink sink) {
        CustodyMove move = (CustodyMove) event;
        if (move.action() != CustodyMove.Action.CHECK_OUT && move.action() != CustodyMove.Action.TRANSFER) {
            return;
        }
        taken.add(person.today(), 1);
        RateCheck.Outcome own = RateCheck.check(taken, person, 1, "originals taken", MIN_SPIKE, MIN_SPIKE, false);
        if (!own.fired()) {
            return;
        }
        CustodyLedger ledger = person.org().custody();
        java.time.Instant from = move.time().minus(CustodyLedger.TAKEN_WINDOW);
        int mine = ledger.takenSince(person.user(), from) + 1;
        if (mine < MIN_WINDOW) {
            return;
        }
        Organization org = person.org().organization();
        LocalDate day = person.local(move.time()).toLocalDate();
        String group = org.peerGroupOn(person.user(), day);
        int peers = 0;
        int peerTaken = 0;
        if (!group.equals("unknown")) {
            for (String other : org.users()) {
                if (!other.equals(person.user()) && org.recordOn(other, day).isPresent()
                        && group.equals(org.peerGroupOn(other, day))) {
                    peers++;
                    peerTaken += ledger.takenSince(other, from);
                }
            }
        }
        String why = own.why();
        if (peers > 0) {
            double average = (double) peerTaken / peers;
            if (mine <= 2 * average + 1) {
                return;
            }
            why += String.format(Locale.ROOT, "; %d in the last 28 days against an average of %.1f among %d peers "
                    + "(%s)", mine, average, peers, group);
        } else {
            why += "; " + mine + " in the last 28 days, no peers in the directory to compare with";
        }
        sink.accept(new Signal(person.user(), INDICATOR, move.time(), INDICATOR.weight() * own.factor(),
                List.of(move.id()), why));
    }
}
