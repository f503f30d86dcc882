package org.custos.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.custos.core.alert.Alert;

/**
 * A StoredAlert is an alert with its review state.
 *
 * @param alert the alert as the engine raised it
 * @param state the review state
 * @param reviewedBy the account that last changed the state; empty while new and never reviewed
 * @param reviewedAt when the state last changed; empty while new and never reviewed
 * @param reason the reviewer's reason (required for a dismissal); empty otherwise
 */
public record StoredAlert(Alert alert, AlertState state, Optional<String> reviewedBy, Optional<Instant> reviewedAt,
                          String reason) {

    /** Checks the fields. */
    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        reason = reason == null ? "" : reason;
    }
}
