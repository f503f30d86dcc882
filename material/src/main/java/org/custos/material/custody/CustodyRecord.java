package org.custos.material.custody;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A CustodyRecord is one line of the custody ledger of originals: an original (a serially numbered physical
 * document of a registry item) registered, checked out, checked in, transferred or destroyed, with who, when,
 * where and why.
 *
 * @param id the record's id ({@code C-} and a sequence number)
 * @param time when it happened
 * @param serial the original's serial number
 * @param item the registry item id the original belongs to
 * @param action what happened
 * @param person who holds the original after a check-out or transfer, who returned or destroyed it otherwise
 * @param location where it happened (a registry, a room, a site)
 * @param reason why (free text; required for check-out, transfer and destruction)
 * @param recordedBy who entered the record
 */
public record CustodyRecord(String id, Instant time, String serial, String item, Action action, String person,
        String location, String reason, String recordedBy) {

    /** What happened to the original. */
    public enum Action {
        /** The original enters the ledger, in the registry's keeping. */
        REGISTER,
        /** Someone takes it out of the registry. */
        CHECK_OUT,
        /** It comes back to the registry. */
        CHECK_IN,
        /** It passes from its holder to someone else. */
        TRANSFER,
        /** It is destroyed; nothing can follow. */
        DESTROY;

        /** The lower-case, dashed name used in files and on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks the required fields. */
    public CustodyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(person, "person");
        location = location == null ? "" : location;
        reason = reason == null ? "" : reason;
        recordedBy = recordedBy == null ? "" : recordedBy;
    }
}
