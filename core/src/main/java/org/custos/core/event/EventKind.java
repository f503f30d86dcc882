package org.custos.core.event;

/** The kind of an {@link Event}, one per record type, with the name used in reports and answer keys. */
public enum EventKind {
    LOGON("logon"),
    DEVICE("device"),
    FILE("file"),
    EMAIL("email"),
    HTTP("http"),
    PRINT("print"),
    BADGE("badge"),
    CUSTODY("custody"),
    PERSONNEL("personnel");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    /** The short lower-case name of this kind, as in CERT answer keys ({@code logon}, {@code http}, ...). */
    public String label() {
        return label;
    }
}
