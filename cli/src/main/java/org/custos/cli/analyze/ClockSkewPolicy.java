package org.custos.cli.analyze;

import java.util.Locale;

/** What {@code analyze} does about an activity file whose clock disagrees with logon.csv's. */
public enum ClockSkewPolicy {
    /** Shift the file's dates by the offset found, and say so in a notice. */
    CORRECT,
    /** Only say so in a notice; keep the dates as recorded. */
    DETECT,
    /** Do not check. */
    OFF;

    /** The name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
