package org.custos.store;

/**
 * A RetentionPolicy says how long the store keeps what.
 *
 * @param eventDays raw events older than this many days are deleted
 * @param formerStaffDays every trace of a former member of staff is deleted this many days after their employment
 *     ended (unless they are the subject of an active case)
 */
public record RetentionPolicy(int eventDays, int formerStaffDays) {

    /** Checks that both periods are positive. */
    public RetentionPolicy {
        if (eventDays <= 0 || formerStaffDays <= 0) {
            throw new IllegalArgumentException("retention periods must be positive days, were events " + eventDays
                    + " and former staff " + formerStaffDays);
        }
    }
}
