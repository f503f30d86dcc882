package org.custos.store;

/**
 * A StoreException is a failure of the store, with a one-line message a user can act on and the kind of failure.
 */
public final class StoreException extends RuntimeException {

    /** The kind of failure, so callers can map it to an exit code or an HTTP status. */
    public enum Reason {
        /** The data was written by a newer Custos; nothing was touched. */
        NEWER_SCHEMA,
        /** The data directory or database cannot be written. */
        READ_ONLY,
        /** The disk (or the configured size limit) is full; the last write was rolled back. */
        DISK_FULL,
        /** The database refused the credentials. */
        AUTHENTICATION,
        /** The database or data directory cannot be reached or opened (e.g. in use by another process). */
        UNAVAILABLE,
        /** A named thing does not exist. */
        NOT_FOUND,
        /** A thing with that name or id already exists. */
        CONFLICT,
        /** Stored content no longer matches its digest. */
        TAMPERED,
        /** Anything else the database reported. */
        FAILED
    }

    private final Reason reason;

    /** A failure of the given kind. */
    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A failure of the given kind with its underlying cause. */
    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }
}
