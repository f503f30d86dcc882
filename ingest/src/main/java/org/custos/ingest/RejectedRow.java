package org.custos.ingest;

/** A RejectedRow says why one record could not become an event; its message is the dead-letter reason. */
final class RejectedRow extends Exception {

    /** A rejection with the given reason. */
    RejectedRow(String reason) {
        super(reason, null, false, false);
    }
}
