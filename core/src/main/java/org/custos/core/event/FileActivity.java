package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A FileActivity is a person opening, writing, copying or deleting a file on a host.
 *
 * @param path the file's full path as the source gives it
 * @param toRemovable true when the file was written or copied to removable media
 * @param fromRemovable true when the file was read or copied from removable media
 * @param content the words of the file's content when the source has them, else empty
 */
public record FileActivity(String id, Instant time, String user, String host, String path, Action action,
        boolean toRemovable, boolean fromRemovable, String content) implements Event {

    /** What was done to the file; {@code COPY} where the source only says a file was copied. */
    public enum Action { OPEN, WRITE, COPY, DELETE }

    /** Checks that the required fields are present. */
    public FileActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        content = content == null ? "" : content;
    }

    @Override
    public EventKind kind() {
        return EventKind.FILE;
    }
}
