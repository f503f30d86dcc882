package org.custos.ingest;

/** An InputFormat says how {@link CertDirectory} reads a directory's JSON-lines event files. */
public enum InputFormat {
    /** Each JSON-lines file in the format its first record shows (OCSF by {@code class_uid}, ECS by {@code @timestamp},
     * a Custos feed by {@code feed}). */
    AUTO,
    /** CERT and Custos CSV files only; JSON-lines files are named in a notice and not read. */
    CERT,
    /** Every JSON-lines file as OCSF. */
    OCSF,
    /** Every JSON-lines file as ECS. */
    ECS,
    /** Every JSON-lines file as Custos' own feeds (HR, custody, badge, print). */
    CUSTOS
}
