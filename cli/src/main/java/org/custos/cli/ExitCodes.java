package org.custos.cli;

/** ExitCodes are the process exit codes every Custos command uses. */
public final class ExitCodes {

    /** The work succeeded. */
    public static final int OK = 0;
    /** The work ran and found a problem (a verification failed, a target was missed). */
    public static final int PROBLEM = 1;
    /** Bad usage or unreadable input. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
