package org.custos.store;

import java.time.Instant;
import java.util.Objects;
import org.custos.core.event.CustodyMove;

/**
 * A CustodyRecord is one entry of the custody ledger of originals (serially numbered physical documents).
 *
 * @param seq the entry's number in the ledger, assigned by the store, from 1
 * @param serial the original's serial number
 * @param item the registry item the original belongs to; empty when unknown
 * @param action check-out, check-in, transfer or destroy
 * @param who the person who now holds it (or destroyed it)
 * @param when when it happened
 * @param where the location
 * @param why the stated purpose
 */
public record CustodyRecord(long seq, String serial, String item, CustodyMove.Action action, String who, Instant when,
                            String where, String why) {

    /** Checks the fields. */
    public CustodyRecord {
        Objects.requireNonNull(serial, "serial");
        item = item == null ? "" : item;
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(when, "when");
        where = where == null ? "" : where;
        why = why == null ? "" : why;
    }
}
