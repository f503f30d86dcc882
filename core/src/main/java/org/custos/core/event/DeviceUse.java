package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A DeviceUse is a removable storage device being connected to or disconnected from a host.
 *
 * @param fileTree the top-level folders seen on the device when the source lists them, else empty
 */
public record DeviceUse(String id, Instant time, String user, String host, Action action, String fileTree)
        implements Event {

    /** Whether the device was connected or disconnected. */
    public enum Action { CONNECT, DISCONNECT }

    /** Checks that the required fields are present. */
    public DeviceUse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
        fileTree = fileTree == null ? "" : fileTree;
    }

    @Override
    public EventKind kind() {
        return EventKind.DEVICE;
    }
}
