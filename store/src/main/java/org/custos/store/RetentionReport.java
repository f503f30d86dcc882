package org.custos.store;

import java.time.Instant;
import java.util.List;

/**
 * A RetentionReport is what a retention run deleted, by count and range, never content.
 *
 * @param at the instant the policy was applied as of
 * @param policy the policy applied
 * @param eventsDeleted raw events deleted for being older than the event period
 * @param eventsCutoff events before this instant were deleted
 * @param oldestDeleted the time of the oldest event deleted for age; null when none
 * @param newestDeleted the time of the newest event deleted for age; null when none
 * @param formerStaff the people whose data was deleted because their retention period passed, by account id
 * @param formerStaffEvents events of those people deleted
 * @param formerStaffScores daily scores of those people deleted
 * @param formerStaffAlerts alerts of those people deleted
 * @param formerStaffRecords directory records (person-months) of those people deleted
 * @param heldForCases former staff past their period but kept because they are subjects of an active case
 * @param deletedEventSum the order-independent sum of the SHA-256 of every event deleted (64 hex digits; see
 *     {@link BatchReceipt#eventSum()}), so the audit log can account for them without keeping their content
 */
public record RetentionReport(Instant at, RetentionPolicy policy, long eventsDeleted, Instant eventsCutoff,
                              Instant oldestDeleted, Instant newestDeleted, List<String> formerStaff,
                              long formerStaffEvents, long formerStaffScores, long formerStaffAlerts,
                              long formerStaffRecords, int heldForCases, String deletedEventSum) {

    /** Copies the list. */
    public RetentionReport {
        formerStaff = List.copyOf(formerStaff);
    }
}
