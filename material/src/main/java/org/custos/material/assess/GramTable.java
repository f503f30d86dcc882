package org.custos.material.assess;

import java.util.Arrays;

/**
 * A GramTable finds where a k-gram hash occurs in one text: an open-addressing table from hash to its first position,
 * and a chain from each position to the next one with the same hash, all in primitive arrays. A bit set of about 16
 * bits per k-gram, small enough to stay in the first-level cache, answers most lookups of absent hashes. One table is
 * {@link #reset reset} for each suspect of a thread, so its arrays are allocated only when a longer suspect comes.
 */
final class GramTable {

    private long[] grams = new long[0];
    private long[] keys = new long[0];
    private int[] first = new int[0];
    private int[] next = new int[0];
    private int mask;
    private int shift;
    private long[] filter = new long[0];
    private int filterMask;

    GramTable() {
    }

    GramTable(long[] grams) {
        reset(grams);
    }

    /** Makes this the table of {@code grams}, reusing the arrays when they are large enough. */
    GramTable reset(long[] grams) {
        this.grams = grams;
        int capacity = Integer.highestOneBit(Math.max(4, grams.length) * 2) * 2;
        int filterLength = Math.max(1, capacity / 8);
        if (keys.length < capacity) {
            keys = new long[capacity];
            first = new int[capacity];
            filter = new long[filterLength];
        } else {
            // a shorter suspect uses the front of the arrays a longer one left: same slots, no new arrays
            Arrays.fill(filter, 0, filterLength, 0L);
        }
        Arrays.fill(first, 0, capacity, -1);
        this.filterMask = filterLength * 64 - 1;
        this.mask = capacity - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        if (next.length < grams.length) {
            next = new int[Math.max(grams.length, next.length * 2)];
        }
        long[] keys = this.keys;
        int[] first = this.first;
        int[] next = this.next;
        long[] filter = this.filter;
        int mask = this.mask;
        int shift = this.shift;
        int filterMask = this.filterMask;
        for (int p = grams.length - 1; p >= 0; p--) {
            long hash = grams[p];
            int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
            while (first[slot] >= 0 && keys[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            next[p] = first[slot];
            first[slot] = p;
            keys[slot] = hash;
            int bit = (int) hash & filterMask;
            filter[bit >>> 6] |= 1L << bit;
        }
        return this;
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
