package org.custos.material.assess;

import java.util.Arrays;

/**
 * A GramTable finds where a k-gram hash occurs in one text: an open-addressing table from hash to its first position,
 * and a chain from each position to the next one with the same hash, all in primitive arrays. A bit set of about 16
 * bits per k-gram, small enough to stay in the first-level cache, answers most lookups of absent hashes.
 */
final class GramTable {

    private final long[] grams;
    private final long[] keys;
    private final int[] first;
    private final int[] next;
    private final int mask;
    private final int shift;
    private final long[] filter;
    private final int filterMask;

    GramTable(long[] grams) {
        this.grams = grams;
        int capacity = Integer.highestOneBit(Math.max(4, grams.length) * 2) * 2;
        this.filter = new long[Math.max(1, capacity / 8)];
        this.filterMask = filter.length * 64 - 1;
        this.keys = new long[capacity];
        this.first = new int[capacity];
        this.mask = capacity - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.next = new int[grams.length];
        Arrays.fill(first, -1);
        for (int p = grams.length - 1; p >= 0; p--) {
            int slot = slot(grams[p]);
            next[p] = first[slot];
            first[slot] = p;
            keys[slot] = grams[p];
            int bit = (int) grams[p] & filterMask;
            filter[bit >>> 6] |= 1L << bit;
        }
    }

    private int slot(long hash) {
        int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
        while (first[slot] >= 0 && keys[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The first position of a hash, or -1. */
    int first(long hash) {
        int bit = (int) hash & filterMask;
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        return first[slot(hash)];
    }

    /** The next position after {@code position} with the same hash, or -1. */
    int next(int position) {
        return next[position];
    }

    /** The hash at a position. */
    long gram(int position) {
        return grams[position];
    }
}
