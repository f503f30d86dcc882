package org.custos.cli.casework;

/**
 * A Refusal is an action the acting account's role, or the case's state, does not allow. It is audited before it is
 * thrown, shown as one line, and exits with code 1.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line message naming the account, the action and what would allow it. */
    Refusal(String message) {
        super(message);
    }
}
