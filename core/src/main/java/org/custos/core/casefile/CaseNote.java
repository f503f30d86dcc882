package org.custos.core.casefile;

import java.time.Instant;
import java.util.Objects;

/**
 * A note on a case. Notes are only ever added, never edited.
 *
 * @param caseId the case
 * @param seq the note's number within the case, from 1
 * @param author the account that wrote it
 * @param time when it was written
 * @param text the note
 */
public record CaseNote(String caseId, int seq, String author, Instant time, String text) {

    /** Checks the fields. */
    public CaseNote {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
    }
}
