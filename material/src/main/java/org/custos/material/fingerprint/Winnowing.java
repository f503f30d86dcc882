package org.custos.material.fingerprint;

import java.util.ArrayList;
import java.util.List;
import org.custos.material.text.TokenizedText;

/**
 * Winnowing selects a text's fingerprints (Schleimer, Wilkerson and Aiken, SIGMOD 2003): it hashes every run of
 * {@code k} consecutive tokens and keeps, from every window of {@code w = t - k + 1} consecutive k-gram hashes, the
 * smallest (the right-most one on ties).
 *
 * <p>Guarantee: when two texts share a run of at least {@code t} tokens, that run holds {@code w} whole k-grams, so
 * both texts contain the same window and select the same hash from it: they share at least one fingerprint. Runs
 * shorter than {@code k} tokens never share one (noise threshold). Which hash a window selects depends only on the
 * window's content, so text added before or after a passage shifts its fingerprints' positions but keeps their
 * hashes.
 *
 * @param k the noise threshold, in tokens
 * @param t the guarantee threshold, in tokens, at least {@code k}
 */
public record Winnowing(int k, int t) {

    /** The default parameters: k = 7 tokens, t = 15 tokens (window 9). */
    public static final Winnowing DEFAULT = new Winnowing(7, 15);

    private static final long BASE = 0x9E3779B97F4A7C15L;

    /** Checks that {@code 1 <= k <= t}. */
    public Winnowing {
        if (k < 1 || t < k) {
            throw new IllegalArgumentException("winnowing needs 1 <= k <= t, was k=" + k + ", t=" + t);
        }
    }

    /** The window size {@code t - k + 1}. */
    public int window() {
        return t - k + 1;
    }

    /** The fingerprints of a tokenized text, in position order. */
    public List<Fingerprint> fingerprints(TokenizedText text) {
        return fingerprints(text.hashes());
    }

    /** The fingerprints of a sequence of token hashes, in position order. */
    public List<Fingerprint> fingerprints(long[] tokens) {
        long[] grams = kgramHashes(tokens);
        int[] positions = select(grams);
        List<Fingerprint> selected = new ArrayList<>(positions.length);
        for (int p : positions) {
            selected.add(new Fingerprint(grams[p], p));
        }
        return selected;
    }

    /**
     * The winnowing with twice this window (same k, guarantee threshold {@code k - 1 + 2w}): on any text its
     * fingerprints are a subset of this winnowing's, at about half the density. A window's smallest hash is also the
     * smallest of every narrower window inside it that contains it (and the right-most such, on ties), so a text
     * winnowed with this winnowing selects every fingerprint the doubled one selects from a window it shares.
     */
    public Winnowing doubled() {
        return new Winnowing(k, k - 1 + 2 * window());
    }

    /**
     * The k-gram positions winnowing selects from the given k-gram hashes, ascending: the smallest hash of every
     * window of w consecutive k-grams (unsigned, the right-most on ties), each position once.
     */
    public int[] select(long[] grams) {
        int w = window();
        if (grams.length < w) {
            return new int[0];
        }
        int[] out = new int[Math.max(4, grams.length * 2 / (w + 1) + 8)];
        int count = 0;
        int min = -1;
        // unsigned order as signed order of the values with the sign bit flipped: one compare, no call
        long minKey = 0;
        for (int start = 0; start + w <= grams.length; start++) {
            int last = start + w - 1;
            if (min < start) {
                min = last;
                minKey = grams[last] ^ Long.MIN_VALUE;
                for (int i = last - 1; i >= start; i--) {
                    long key = grams[i] ^ Long.MIN_VALUE;
                    if (key < minKey) {
                        min = i;
                        minKey = key;
                    }
                }
            } else {
                long key = grams[last] ^ Long.MIN_VALUE;
                if (key <= minKey) {
                    min = last;
                    minKey = key;
                }
            }
            if (count == 0 || out[count - 1] != min) {
                if (count == out.length) {
                    out = java.util.Arrays.copyOf(out, count * 2);
                }
                out[count++] = min;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** The hash of every run of k tokens (a polynomial rolling hash over the token hashes, mod 2^64), by start. */
    public long[] kgramHashes(long[] tokens) {
        if (tokens.length < k) {
            return new long[0];
        }
        long power = 1;
        for (int i = 1; i < k; i++) {
            power *= BASE;
        }
        long[] grams = new long[tokens.length - k + 1];
        long h = 0;
        for (int i = 0; i < k; i++) {
            h = h * BASE + tokens[i];
        }
        grams[0] = mix(h);
        for (int i = k; i < tokens.length; i++) {
            h = (h - tokens[i - k] * power) * BASE + tokens[i];
            grams[i - k + 1] = mix(h);
        }
        return grams;
    }

    /**
     * The hashes of the k-grams of {@code tokens[from, to)} (as {@link #kgramHashes(long[])} of that slice), written
     * to {@code out} from {@code at}; returns how many.
     */
    public int kgramHashes(long[] tokens, int from, int to, long[] out, int at) {
        if (to - from < k) {
            return 0;
        }
        long power = 1;
        for (int i = 1; i < k; i++) {
            power *= BASE;
        }
        long h = 0;
        for (int i = from; i < from + k; i++) {
            h = h * BASE + tokens[i];
        }
        out[at] = mix(h);
        int o = at + 1;
        for (int i = from + k; i < to; i++) {
            h = (h - tokens[i - k] * power) * BASE + tokens[i];
            out[o++] = mix(h);
        }
        return o - at;
    }

    private static long mix(long h) {
        h ^= h >>> 31;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 29;
        return h;
    }
}
