package org.custos.ingest;

/**
 * A Feed is one kind of activity file Custos streams, by its fixed file name; the declaration order is the order in
 * which events with equal instants leave the merge.
 */
enum Feed {
    LOGON("logon.csv", "logon", true),
    DEVICE("device.csv", "removable-device", true),
    FILE("file.csv", "file", true),
    EMAIL("email.csv", "e-mail", true),
    HTTP("http.csv", "web", true),
    PRINT("print.csv", "print", false),
    BADGE("badge.csv", "badge", false),
    CUSTODY("custody.csv", "custody", false),
    PERSONNEL("personnel.csv", "personnel", false);

    private final String fileName;
    private final String noun;
    private final boolean cert;

    Feed(String fileName, String noun, boolean cert) {
        this.fileName = fileName;
        this.noun = noun;
        this.cert = cert;
    }

    /** The file's name in the input directory. */
    String fileName() {
        return fileName;
    }

    /** What its events are, for notices ({@code no logon events}). */
    String noun() {
        return noun;
    }

    /** True for the CERT files, false for the feeds Custos adds. */
    boolean cert() {
        return cert;
    }
}
