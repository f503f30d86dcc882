package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A BadgeSwipe is a person's badge being read at a door; the host is the site.
 *
 * @param door the door or reader name
 */
public record BadgeSwipe(String id, Instant time, String user, String host, String door, Direction direction)
        implements Event {

    /** Whether the person entered or left. */
    public enum Direction { IN, OUT }

    /** Checks that the required fields are present. */
    public BadgeSwipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(direction, "direction");
        door = door == null ? "" : door;
    }

    @Override
    public EventKind kind() {
        return EventKind.BADGE;
    }
}
