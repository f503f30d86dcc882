package org.custos.core.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.event.CustodyMove;

/**
 * The CustodyLedger knows who holds each original right now, from every custody move it is shown: a check-out or
 * a transfer gives the original to the move's person, a check-in or destruction ends the holding.
 *
 * <p>It is organization-wide because a transfer is recorded under the receiver, so the giver's own moves alone
 * cannot tell that they no longer hold it.
 */
public final class CustodyLedger implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One original held by one person since a move.
     *
     * @param serial the original's serial number
     * @param item the registry item it belongs to
     * @param holder the account holding it
     * @param since when they took it
     * @param moveId the id of the move that gave it to them
     */
    public record Holding(String serial, String item, String holder, Instant since, String moveId)
            implements java.io.Serializable {
    }

    private final Map<String, Holding> bySerial = new HashMap<>();
    private final Map<String, List<Holding>> byHolder = new HashMap<>();

    /** An empty ledger: nothing is held. */
    public CustodyLedger() {
    }

    /** Records a custody move. */
    public void apply(CustodyMove move) {
        Holding previous = bySerial.remove(move.serial());
        if (previous != null) {
            List<Holding> held = byHolder.get(previous.holder());
            held.remove(previous);
            if (held.isEmpty()) {
                byHolder.remove(previous.holder());
            }
        }
        if (move.action() == CustodyMove.Action.CHECK_OUT || move.action() == CustodyMove.Action.TRANSFER) {
            Holding h = new Holding(move.serial(), move.item(), move.user(), move.time(), move.id());
            bySerial.put(move.serial(), h);
            byHolder.computeIfAbsent(move.user(), u -> new ArrayList<>(2)).add(h);
        }
    }

    /**
     * Replaces the originals a person holds by {@code holdings} (each must name the person as holder). For a
     * partitioned runner whose moves are applied elsewhere, in one organization-wide ledger, and whose partitions
     * are told a person's holdings at the moment of each of their events.
     */
    public void assign(String user, List<Holding> holdings) {
        List<Holding> previous = byHolder.remove(user);
        if (previous != null) {
            previous.forEach(h -> bySerial.remove(h.serial()));
        }
        if (holdings.isEmpty()) {
            return;
        }
        List<Holding> held = new ArrayList<>(holdings.size());
        for (Holding h : holdings) {
            if (!h.holder().equals(user)) {
                throw new IllegalArgumentException("holding " + h.serial() + " is held by " + h.holder() + ", not "
                        + user);
            }
            bySerial.put(h.serial(), h);
            held.add(h);
        }
        byHolder.put(user, held);
    }

    /** The originals a person holds now; empty when none. */
    public List<Holding> heldBy(String user) {
        List<Holding> held = byHolder.get(user);
        return held == null ? List.of() : List.copyOf(held);
    }

    /** True when the person holds at least one original. */
    public boolean holdsAny(String user) {
        return byHolder.containsKey(user);
    }

    /** Who holds an original now, if anyone. */
    public Holding holder(String serial) {
        return bySerial.get(serial);
    }

    /** Every holding, in no particular order. */
    public List<Holding> all() {
        return List.copyOf(bySerial.values());
    }
}
