package org.custos.store;

import java.util.Locale;

/** The review state of an alert: new until a reviewer acknowledges it (takes it up) or dismisses it with a reason. */
public enum AlertState {
    /** Not yet reviewed. */
    NEW,
    /** A reviewer took it up. */
    ACKNOWLEDGED,
    /** A reviewer decided it needs no action, and said why. */
    DISMISSED;

    /** The lower-case name used in files, URLs and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code id}, case-insensitively; fails naming the accepted values. */
    public static AlertState parse(String id) {
        for (AlertState s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + id + "' (expected new, acknowledged or dismissed)");
    }
}
