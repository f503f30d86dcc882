package org.custos.material.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FingerprintIndex is the compact in-memory map from a fingerprint hash to the registered items holding it: two
 * {@code int} arrays and no object per fingerprint, about four bytes per (fingerprint, item) pair.
 *
 * <p>It keeps no positions, tokens or texts: a lookup says which items hold a hash and in how many items it occurs
 * (which decides boilerplate); the caller reads those items' tokens from disk to find where. A lookup compares
 * about 39 bits of the hash, so a foreign hash is reported for some item about once in 2^39 / n lookups (n pairs);
 * the caller's token-by-token check drops such false seeds.
 */
public final class FingerprintIndex {

    /*
     * Layout. Items are numbered 0..items-1 and take itemBits bits. The top directoryBits bits of a hash, spread (see
     * spread), choose a bucket; directory[b] .. directory[b + 1] is that bucket's slice of entries. Each entry is one
     * int: the next (32 - itemBits) bits of the spread hash (the fragment) above the item number, with the sign bit flipped so that a
     * signed sort orders fragments as unsigned numbers. Within a bucket entries are sorted, so all items of one
     * fragment are adjacent and found by two binary searches; (fragment, item) pairs are distinct, so the length of
     * that run is the number of items holding the hash.
     */
    private final int itemBits;
    private final int directoryBits;
    private final int itemMask;
    private final int[] directory;
    private final int[] entries;
    private final int items;

    /*
     * Frequent hashes: a hash held by many items (boilerplate) makes its bucket long, and a suspect or an item that
     * holds boilerplate looks it up again and again. Every run of at least FREQUENT entries of one fragment in a
     * bucket longer than SHORT_BUCKET is kept here, (bucket, fragment) -> range, in a small open-addressing table
     * (keys 0 = empty; a key is never 0 since its low half has the flipped sign bit or a fragment), so that its
     * lookup costs one probe of a table that stays in cache instead of two binary searches over the bucket.
     */
    private static final int SHORT_BUCKET = 32;
    private static final int FREQUENT = 16;
    private final long[] frequentKeys;
    private final long[] frequentRanges;
    private final int frequentShift;

    private FingerprintIndex(int items, int itemBits, int directoryBits, int[] directory, int[] entries) {
        this.items = items;
        this.itemBits = itemBits;
        this.directoryBits = directoryBits;
        this.itemMask = (1 << itemBits) - 1;
        this.directory = directory;
        this.entries = entries;
        List<long[]> frequent = new ArrayList<>();
        for (int b = 0; b + 1 < directory.length; b++) {
            int from = directory[b];
            int to = directory[b + 1];
            if (to - from <= SHORT_BUCKET) {
                continue;
            }
            for (int i = from; i < to; ) {
                int low = entries[i] & ~itemMask;
                int j = i;
                while (j < to && (entries[j] & ~itemMask) == low) {
                    j++;
                }
                if (j - i >= FREQUENT) {
                    frequent.add(new long[] {frequentKey(b, low), ((long) i << 32) | j});
                }
                i = j;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(2, frequent.size()) * 2) * 2;
        this.frequentKeys = new long[capacity];
        this.frequentRanges = new long[capacity];
        this.frequentShift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (long[] f : frequent) {
            int slot = frequentSlot(f[0]);
            frequentKeys[slot] = f[0];
            frequentRanges[slot] = f[1];
        }
    }

    private static long frequentKey(int bucket, int low) {
        return ((long) (bucket + 1) << 32) | (low & 0xFFFFFFFFL);
    }

    private int frequentSlot(long key) {
        int mask = frequentKeys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> frequentShift);
        while (frequentKeys[slot] != 0 && frequentKeys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** A builder for an index over {@code items} items, numbered from 0. */
    public static Builder builder(int items) {
        return new Builder(items);
    }

    /** Collects (hash, item) pairs and packs them into an index. */
    public static final class Builder {
        private final int items;
        private final int itemBits;
        private long[] pairs = new long[1024];
        private int size;

        private Builder(int items) {
            if (items < 0 || items > (1 << 24)) {
                throw new IllegalArgumentException("an index holds 0 to 16,777,216 items, not " + items);
            }
            this.items = items;
            this.itemBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, items - 1)));
        }

        /** Adds an item's fingerprint hashes (duplicates are kept once). */
        public Builder add(int item, long[] hashes) {
            if (item < 0 || item >= items) {
                throw new IllegalArgumentException("item " + item + " is outside 0.." + (items - 1));
            }
            if (size + hashes.length > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(size + hashes.length, pairs.length + (pairs.length >> 1)));
            }
            long low = (1L << itemBits) - 1;
            for (long h : hashes) {
                pairs[size++] = ((spread(h) & ~low) | item) ^ Long.MIN_VALUE;
            }
            return this;
        }

        /** Packs the pairs; the builder should not be used afterwards. */
        public FingerprintIndex build() {
            int directoryBits = Math.max(4, Math.min(24, 64 - Long.numberOfLeadingZeros(Math.max(1, size)) - 4));
            int fragmentBits = 32 - itemBits;
            long kept = -1L << (64 - directoryBits - fragmentBits);
            long low = (1L << itemBits) - 1;
            long[] sorted = pairs;
            for (int i = 0; i < size; i++) {
                long pair = sorted[i] ^ Long.MIN_VALUE;
                sorted[i] = ((pair & kept) | (pair & low)) ^ Long.MIN_VALUE;
            }
            Arrays.sort(sorted, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            int[] directory = new int[(1 << directoryBits) + 1];
            int[] entries = new int[distinct];
            for (int i = 0; i < distinct; i++) {
                long pair = sorted[i] ^ Long.MIN_VALUE;
                directory[(int) (pair >>> (64 - directoryBits)) + 1]++;
                entries[i] = entry(pair, (int) (pair & low), directoryBits, fragmentBits, itemBits);
            }
            for (int b = 0; b < directory.length - 1; b++) {
                directory[b + 1] += directory[b];
            }
            pairs = null;
            return new FingerprintIndex(items, itemBits, directoryBits, directory, entries);
        }
    }

    /*
     * Winnowing keeps the smallest hash of each window, so fingerprints crowd the low end of the hash range: bucketed
     * by their top bits, the low buckets would hold about a window's worth of times the average and be searched, not
     * scanned. A bijection that moves every bit into the top ones spreads them evenly; the index compares as many
     * bits of it as it did of the hash, so the chance of a false pointer is unchanged.
     */
    private static long spread(long hash) {
        hash ^= hash >>> 32;
        hash *= 0xd6e8feb86659fd93L;
        hash ^= hash >>> 29;
        return hash;
    }

    private static int entry(long hash, int item, int directoryBits, int fragmentBits, int itemBits) {
        int fragment = (int) ((hash << directoryBits) >>> (64 - fragmentBits));
        return ((fragment << itemBits) | item) ^ Integer.MIN_VALUE;
    }

    /**
     * Where a hash's items lie: {@code (first << 32) | end} over entry numbers; use {@link #count} and {@link #item}.
     */
    public long find(long hash) {
        hash = spread(hash);
        int bucket = (int) (hash >>> (64 - directoryBits));
        int from = directory[bucket];
        int to = directory[bucket + 1];
        if (from == to) {
            return 0;
        }
        return search(hash, from, to);
    }

    /**
     * {@link #find} for many hashes at once ({@code ranges[i]} for {@code hashes[i]}): the buckets are all touched
     * first, so that their cache misses overlap instead of following one another.
     */
    public void findAll(long[] hashes, long[] ranges) {
        int[] directory = this.directory;
        int[] entries = this.entries;
        int shift = 64 - directoryBits;
        // three passes, each of independent loads: the directory, then the buckets' first and last entries, then
        // the search within buckets now in cache
        for (int i = 0; i < hashes.length; i++) {
            int bucket = (int) (spread(hashes[i]) >>> shift);
            ranges[i] = ((long) directory[bucket] << 32) | (directory[bucket + 1] & 0xFFFFFFFFL);
        }
        int touched = 0;
        for (int i = 0; i < hashes.length; i++) {
            int from = (int) (ranges[i] >>> 32);
            int to = (int) ranges[i];
            if (from < to) {
                touched += entries[from] ^ entries[to - 1];
            }
        }
        this.touched = touched;
        for (int i = 0; i < hashes.length; i++) {
            int from = (int) (ranges[i] >>> 32);
            int to = (int) ranges[i];
            ranges[i] = from == to ? 0 : search(spread(hashes[i]), from, to);
        }
    }

    @SuppressWarnings("unused")
    private int touched;

    private long search(long hash, int from, int to) {
        int low = entry(hash, 0, directoryBits, 32 - itemBits, itemBits);
        int high = low + itemMask;
        if (to - from <= 32) {
            // a bucket is about 16 entries, one or two cache lines: counting the entries below each bound (sorted, so
            // that is where the run starts and ends) has no branch that depends on the data
            int[] entries = this.entries;
            int first = from;
            int end = from;
            for (int i = from; i < to; i++) {
                int e = entries[i];
                first += e < low ? 1 : 0;
                end += e <= high ? 1 : 0;
            }
            return ((long) first << 32) | end;
        }
        long key = frequentKey((int) (hash >>> (64 - directoryBits)), low);
        int slot = frequentSlot(key);
        if (frequentKeys[slot] == key) {
            return frequentRanges[slot];
        }
        int first = lowerBound(from, to, low);
        int end = first;
        while (end < to && entries[end] <= high) {
            if (end - first == 8) {
                end = high == Integer.MAX_VALUE ? to : lowerBound(end, to, high + 1);
                break;
            }
            end++;
        }
        return ((long) first << 32) | end;
    }

    private int lowerBound(int from, int to, int key) {
        int[] entries = this.entries;
        if (to - from <= 32) {
            // a bucket is about 16 entries, one or two cache lines: a forward scan beats binary search's branches
            while (from < to && entries[from] < key) {
                from++;
            }
            return from;
        }
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (entries[mid] < key) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }

    /** The number of items in a range from {@link #find}. */
    public static int count(long range) {
        return (int) range - (int) (range >>> 32);
    }

    /** The n-th item (0-based) of a range from {@link #find}. */
    public int item(long range, int n) {
        return entries[(int) (range >>> 32) + n] & itemMask;
    }

    /** The number of items holding a hash (0 when none). */
    public int items(long hash) {
        return count(find(hash));
    }

    /** The number of items the index was built for. */
    public int itemCount() {
        return items;
    }

    /** The number of distinct (fingerprint, item) pairs. */
    public int size() {
        return entries.length;
    }

    /** The bytes of its two arrays (what it holds in memory, besides a few dozen bytes of fields). */
    public long bytes() {
        return 4L * directory.length + 4L * entries.length + 16L * frequentKeys.length + 48;
    }
}
