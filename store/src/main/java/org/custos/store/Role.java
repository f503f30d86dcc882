package org.custos.store;

import java.util.Locale;

/**
 * The Role of a dashboard account, which decides what it may see and do: an admin manages accounts, an analyst
 * reviews pseudonymized scores and alerts, an investigator works cases (and may reveal the names of an active case's
 * subjects), an auditor reads the audit log.
 */
public enum Role {
    /** Manages accounts and settings. */
    ADMIN,
    /** Reviews the board and alerts under pseudonyms. */
    ANALYST,
    /** Works cases. */
    INVESTIGATOR,
    /** Reads and verifies the audit log. */
    AUDITOR;

    /** The lower-case name used in files, URLs and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id}, case-insensitively; fails naming the accepted values. */
    public static Role parse(String id) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (expected admin, analyst, investigator or auditor)");
    }
}
