package org.custos.material.assess;

import org.custos.material.fingerprint.Winnowing;

/**
 * An IndexDensity says which of an item's fingerprints the assessment index holds: every fingerprint winnowing
 * selects ({@link #DENSE}: any shared run of t tokens seeds, about 4 bytes of memory per 28 bytes of text), or those
 * of the doubled window ({@link #SPARSE}: half as many, any shared run of {@code k - 1 + 2w} tokens seeds and
 * shorter ones from t tokens on usually do), or {@link #AUTO}: dense up to {@value #DENSE_LIMIT} code points of
 * registered text, sparse beyond, so the index stays within a tenth of a large registry's text.
 */
public enum IndexDensity {
    /** Dense up to {@value #DENSE_LIMIT} code points of registered text, sparse beyond. */
    AUTO,
    /** Every fingerprint the registry's winnowing selects. */
    DENSE,
    /** The fingerprints of the doubled window only. */
    SPARSE;

    /** The registered text (in code points) up to which {@link #AUTO} is dense. */
    public static final long DENSE_LIMIT = 200_000_000L;

    /** True when an index over {@code registeredCodePoints} of text holds every fingerprint. */
    public boolean dense(long registeredCodePoints) {
        return this == DENSE || (this == AUTO && registeredCodePoints <= DENSE_LIMIT);
    }

    /** The winnowing whose fingerprints the index holds, given the registry's. */
    public Winnowing indexWinnowing(Winnowing winnowing, long registeredCodePoints) {
        return dense(registeredCodePoints) ? winnowing : winnowing.doubled();
    }
}
