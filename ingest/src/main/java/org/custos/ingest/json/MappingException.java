package org.custos.ingest.json;

/**
 * A MappingException says why one JSON record could not become an event: either the record is wrong (its message
 * is the dead-letter reason), or it is a well-formed record of a kind Custos has no event for
 * ({@link #unsupported()}), which readers count and skip rather than reject.
 */
public final class MappingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /** A failure with a one-line reason naming the field. */
    public MappingException(String reason) {
        this(reason, null);
    }

    private MappingException(String reason, String kind) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    /** A well-formed record of a kind Custos has no event for; {@code kind} names it. */
    static MappingException unsupported(String kind, String reason) {
        return new MappingException(reason, kind);
    }

    /** True when the record is well formed but of a kind Custos has no event for. */
    public boolean unsupported() {
        return kind != null;
    }

    /** The kind of record Custos has no event for, or null for a wrong record. */
    public String kind() {
        return kind;
    }
}
