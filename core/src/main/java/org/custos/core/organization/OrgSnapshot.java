package org.custos.core.organization;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An OrgSnapshot is the directory as it stood in one month: every person employed that month.
 *
 * @param month the month the snapshot describes
 * @param people the records by account id, in the order the source listed them
 */
public record OrgSnapshot(YearMonth month, Map<String, PersonRecord> people) {

    /** Checks the month and freezes the map (keeping its order). */
    public OrgSnapshot {
        Objects.requireNonNull(month, "month");
        people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
    }
}
