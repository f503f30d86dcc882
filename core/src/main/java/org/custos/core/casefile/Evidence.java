package org.custos.core.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A piece of evidence attached to a case: a file (its bytes are kept unaltered and named by their SHA-256) or a set
 * of events from the person's timeline.
 *
 * @param caseId the case
 * @param id the evidence id within the store (e.g. {@code E-12})
 * @param kind file or events
 * @param name the file name, or a short label for events
 * @param sha256 the lower-case hex SHA-256 of the file's bytes, or of the canonical JSON of the events
 * @param size the size in bytes of what {@code sha256} covers
 * @param eventIds the event ids for {@link Kind#EVENTS}; empty for files
 * @param addedBy the account that added it
 * @param addedAt when it was added
 * @param description why it matters, in the investigator's words
 */
public record Evidence(String caseId, String id, Kind kind, String name, String sha256, long size,
                       List<String> eventIds, String addedBy, Instant addedAt, String description) {

    /** What the evidence is. */
    public enum Kind {
        /** A file, stored byte for byte. */
        FILE,
        /** Events from the store's timeline. */
        EVENTS
    }

    /** Checks the fields: a 64-digit lower-case hex digest. */
    public Evidence {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        description = description == null ? "" : description;
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("evidence " + id + ": sha256 must be 64 lower-case hex digits");
        }
    }
}
