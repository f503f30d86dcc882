package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A PrintJob is a document printed by a person.
 *
 * @param printer the printer's name
 * @param document the printed document's name or path
 * @param pages the number of pages printed
 */
public record PrintJob(String id, Instant time, String user, String host, String printer, String document, int pages)
        implements Event {

    /** Checks that the required fields are present. */
    public PrintJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        printer = printer == null ? "" : printer;
        document = document == null ? "" : document;
        if (pages < 0) {
            throw new IllegalArgumentException("pages must be >= 0, was " + pages);
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.PRINT;
    }
}
