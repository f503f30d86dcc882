package org.custos.store;

import java.util.Optional;
import org.custos.core.casefile.CaseStatus;

/**
 * A CaseQuery selects cases. Absent filters match every case.
 *
 * @param status only cases in this status
 * @param assignee only cases assigned to this account
 * @param subject only cases with this person among their subjects
 * @param limit at most this many, most recently updated first
 */
public record CaseQuery(Optional<CaseStatus> status, Optional<String> assignee, Optional<String> subject,
                        int limit) {

    /** Checks the limit. */
    public CaseQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    /** Every case, up to {@code limit}. */
    public static CaseQuery all(int limit) {
        return new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
