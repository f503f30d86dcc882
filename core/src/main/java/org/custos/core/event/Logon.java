package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A Logon is a person signing on to or off from a host.
 *
 * @param remote true when the session came from outside the premises (VPN or remote access)
 */
public record Logon(String id, Instant time, String user, String host, Action action, boolean remote)
        implements Event {

    /** Whether the person signed on or off. */
    public enum Action { LOGON, LOGOFF }

    /** Checks that the required fields are present. */
    public Logon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public EventKind kind() {
        return EventKind.LOGON;
    }
}
