package org.custos.store.audit;

/**
 * A ProofCheck is the outcome of verifying an inclusion or consistency proof: valid, or the reason it failed.
 *
 * @param valid whether the proof holds
 * @param problem why it does not hold; empty when valid
 */
public record ProofCheck(boolean valid, String problem) {

    /** A ProofCheck is valid exactly when it names no problem. */
    public ProofCheck {
        if (valid != problem.isEmpty()) {
            throw new IllegalArgumentException("a valid check names no problem; a failed one names one");
        }
    }

    /** The outcome of a proof that holds. */
    public static ProofCheck holds() {
        return new ProofCheck(true, "");
    }

    /** The outcome of a proof that fails, for the given reason. */
    public static ProofCheck fails(String problem) {
        return new ProofCheck(false, problem);
    }
}
