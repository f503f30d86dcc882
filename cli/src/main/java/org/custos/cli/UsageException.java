package org.custos.cli;

/**
 * A UsageException is a failure the user can fix (a missing file, a bad value); it is shown as one line without a
 * stack trace and exits with {@link ExitCodes#USAGE}.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A usage failure with a one-line message that names the file, line or field. */
    public UsageException(String message) {
        super(message);
    }

    /** A usage failure caused by another exception. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
