package org.custos.material.assess;

import java.util.Arrays;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.registry.Registry;
import org.custos.material.text.TokenizedText;

/**
 * ItemTokens is one registered item's tokens as assessment reads them: where the item selected an index fingerprint,
 * and the tokens of a range. Two sources: an item's token file on disk (only the ranges asked for are read), and an
 * item held in memory.
 */
interface ItemTokens extends AutoCloseable {

    /** The number of tokens. */
    int size();

    /** The text's length in code points. */
    int codePoints();

    /** The k-gram positions where the item selected an index fingerprint with this hash. */
    int[] positions(long hash);

    /** Reads tokens [from, to) into the arrays, token i at index {@code i - base}. */
    void read(int from, int to, long[] hashes, int[] starts, int[] ends, int base);

    @Override
    void close();

    /** An item's token file, read in parts. */
    static ItemTokens of(Registry.TokenReader reader, boolean dense) {
        return new ItemTokens() {
            @Override
            public int size() {
                return reader.size();
            }

            @Override
            public int codePoints() {
                return reader.codePoints();
            }

            @Override
            public int[] positions(long hash) {
                return reader.positions(hash, dense);
            }

            @Override
            public void read(int from, int to, long[] hashes, int[] starts, int[] ends, int base) {
                reader.read(from, to, hashes, starts, ends, base);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /** An item tokenized in memory; its index fingerprints are those {@code index} selects. */
    static ItemTokens of(TokenizedText tokens, Winnowing winnowing, Winnowing index) {
        return new ItemTokens() {
            private long[] grams;
            private int[] selected;

            @Override
            public int size() {
                return tokens.size();
            }

            @Override
            public int codePoints() {
                return tokens.codePoints();
            }

            @Override
            public int[] positions(long hash) {
                if (grams == null) {
                    grams = winnowing.kgramHashes(tokens.hashes());
                    selected = index.select(grams);
                }
                return Arrays.stream(selected).filter(p -> grams[p] == hash).toArray();
            }

            @Override
            public void read(int from, int to, long[] hashes, int[] starts, int[] ends, int base) {
                System.arraycopy(tokens.hashes(), from, hashes, from - base, to - from);
                System.arraycopy(tokens.starts(), from, starts, from - base, to - from);
                System.arraycopy(tokens.ends(), from, ends, from - base, to - from);
            }

            @Override
            public void close() {
            }
        };
    }
}
