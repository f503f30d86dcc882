package org.custos.ingest.json;

/** A MappingException says why one JSON record could not become an event; its message is the dead-letter reason. */
public final class MappingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a one-line reason naming the field. */
    public MappingException(String reason) {
        super(reason, null, false, false);
    }
}
