package org.custos.core.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A case file: one investigation of one or more people, opened from an alert or by hand.
 *
 * @param id the case id (e.g. {@code C-2026-0007}), assigned by the store
 * @param title a short title
 * @param subjects the user ids the case covers; revealing their names is allowed only to investigators on open cases
 * @param status the current status
 * @param assignee the account working the case; empty when unassigned
 * @param openedBy the account that opened it
 * @param openedAt when it was opened
 * @param alertId the alert it was opened from; empty when opened by hand
 * @param outcome the outcome; present exactly when the status is {@link CaseStatus#CLOSED}
 * @param updatedAt when anything in the case last changed
 */
public record CaseFile(String id, String title, List<String> subjects, CaseStatus status, Optional<String> assignee,
                       String openedBy, Instant openedAt, Optional<String> alertId, Optional<Outcome> outcome,
                       Instant updatedAt) {

    /** Checks the fields: at least one subject, an outcome only on a closed case. */
    public CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one subject");
        }
        if ((status == CaseStatus.CLOSED) != outcome.isPresent()) {
            throw new IllegalArgumentException("case " + id + ": an outcome is required exactly when the case is closed");
        }
    }

    /** A new open case. */
    public static CaseFile open(String id, String title, List<String> subjects, String openedBy, Instant at,
                                Optional<String> alertId) {
        return new CaseFile(id, title, subjects, CaseStatus.OPEN, Optional.empty(), openedBy, at, alertId,
                Optional.empty(), at);
    }

    /**
     * This case moved to {@code target}; {@code outcome} is required when closing and ignored otherwise.
     *
     * @throws IllegalStateException when the move is not allowed from the current status
     */
    public CaseFile moveTo(CaseStatus target, Optional<Outcome> outcome, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("case " + id + " is " + status.id() + " and cannot move to " + target.id()
                    + " (allowed: " + status.next().stream().map(CaseStatus::id).toList() + ")");
        }
        if (target == CaseStatus.CLOSED && outcome.isEmpty()) {
            throw new IllegalStateException("case " + id + ": closing needs an outcome");
        }
        return new CaseFile(id, title, subjects, target, assignee, openedBy, openedAt, alertId,
                target == CaseStatus.CLOSED ? outcome : Optional.empty(), at);
    }

    /** This case assigned to {@code account}. */
    public CaseFile assignTo(String account, Instant at) {
        return new CaseFile(id, title, subjects, status, Optional.of(account), openedBy, openedAt, alertId, outcome, at);
    }

    /** True when the case is not closed, so its investigators may reveal its subjects' names. */
    public boolean isActive() {
        return status != CaseStatus.CLOSED;
    }
}
