package org.custos.material.text;

import java.util.Arrays;

/**
 * A TokenizedText is a text cut into normalized tokens, each with its hash and its place in the original text.
 *
 * <p>Offsets are Unicode code points into the original (un-normalized) text, end exclusive.
 *
 * @param hashes the 64-bit hash of each normalized token, in text order
 * @param starts the code-point offset where each token starts
 * @param ends the code-point offset where each token ends (exclusive)
 * @param codePoints the length of the original text in code points
 */
public record TokenizedText(long[] hashes, int[] starts, int[] ends, int codePoints) {

    /** Checks that the three arrays have the same length. */
    public TokenizedText {
        if (hashes.length != starts.length || hashes.length != ends.length) {
            throw new IllegalArgumentException("hashes, starts and ends differ in length: " + hashes.length + ", "
                    + starts.length + ", " + ends.length);
        }
    }

    /** The number of tokens. */
    public int size() {
        return hashes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedText t && Arrays.equals(hashes, t.hashes) && Arrays.equals(starts, t.starts)
                && Arrays.equals(ends, t.ends) && codePoints == t.codePoints;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes) * 31 + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return "TokenizedText[" + hashes.length + " tokens, " + codePoints + " code points]";
    }
}
