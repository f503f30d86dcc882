package org.custos.report.reference;

/**
 * A ReferencePackException is a reference pack that cannot be used: a missing or unreadable file, broken JSON, or
 * a pack that fails its checks. Its message names the file and every problem, one per line, so a command can show
 * it as is.
 */
public final class ReferencePackException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A refusal with a message naming the pack and its problems. */
    public ReferencePackException(String message) {
        super(message);
    }
}
