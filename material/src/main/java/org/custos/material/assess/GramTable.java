package org.custos.material.assess;

import java.util.Arrays;

/**
 * A GramTable finds where a k-gram hash occurs in one text: an open-addressing table from hash to its first position,
 * and a chain from each position to the next one with the same hash, all in primitive arrays.
 */
final class GramTable {

    private final long[] grams;
    private final long[] keys;
    private final int[] first;
    private final int[] next;
    private final int mask;

    GramTable(long[] grams) {
        this.grams = grams;
        int capacity = Integer.highestOneBit(Math.max(4, grams.length) * 2) * 2;
        this.keys = new long[capacity];
        this.first = new int[capacity];
        this.mask = capacity - 1;
        this.next = new int[grams.length];
        Arrays.fill(first, -1);
        for (int p = grams.length - 1; p >= 0; p--) {
            int slot = slot(grams[p]);
            next[p] = first[slot];
            first[slot] = p;
            keys[slot] = grams[p];
        }
    }

    private int slot(long hash) {
        int slot = (int) (hash ^ (hash >>> 29)) & mask;
        while (first[slot] >= 0 && keys[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The first position of a hash, or -1. */
    int first(long hash) {
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
