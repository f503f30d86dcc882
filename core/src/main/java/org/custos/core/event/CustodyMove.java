package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A CustodyMove is a change in who holds an original (a serially numbered physical document); the host
 * is the location.
 *
 * @param serial the original's serial number
 * @param item the registry item the original belongs to
 * @param project the project (compartment) the item belongs to; empty when the feed does not say
 */
public record CustodyMove(String id, Instant time, String user, String host, String serial, String item, Action action,
        String project) implements Event {

    /** What happened to the original. */
    public enum Action { CHECK_OUT, CHECK_IN, TRANSFER, DESTROY }

    /** Checks that the required fields are present. */
    public CustodyMove {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(action, "action");
        item = item == null ? "" : item;
        project = project == null ? "" : project;
    }

    /** A move whose project is not known. */
    public CustodyMove(String id, Instant time, String user, String host, String serial, String item, Action action) {
        this(id, time, user, host, serial, item, action, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.CUSTODY;
    }
}
