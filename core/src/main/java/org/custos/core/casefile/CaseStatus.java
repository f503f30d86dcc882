package org.custos.core.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a case: a case opens, is investigated, and ends referred to the authorities or closed with an
 * outcome. A referred case may still be closed; a closed case may be reopened to investigating when new facts appear.
 */
public enum CaseStatus {
    /** Opened, not yet worked. */
    OPEN,
    /** An investigator is working on it. */
    INVESTIGATING,
    /** Handed to the competent authority; Custos keeps the record. */
    REFERRED,
    /** Finished, with an {@link Outcome}. */
    CLOSED;

    /** The statuses a case in this status may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING, CLOSED);
            case INVESTIGATING -> EnumSet.of(REFERRED, CLOSED);
            case REFERRED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(INVESTIGATING);
        };
    }

    /** True when a case in this status may move to {@code target}. */
    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** The lower-case name used in files, URLs and the CLI. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status named {@code id}, case-insensitively; fails naming the accepted values. */
    public static CaseStatus parse(String id) {
        for (CaseStatus s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown case status '" + id + "' (expected open, investigating, referred or closed)");
    }
}
