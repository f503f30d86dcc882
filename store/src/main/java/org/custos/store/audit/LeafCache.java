package org.custos.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * LeafCache holds what proofs and roots need of a log without reading its entries: each entry's file offset and
 * leaf hash (in {@code entries.idx}, 40 bytes an entry, plus those not yet written there), and in memory the hash
 * of every perfect subtree of 256 leaves or more.
 */
final class LeafCache implements Merkle.SubtreeHashes {

    /*
     * Level j of `levels` holds, in order, the roots of the perfect subtrees of height 8 + j: level 0 one hash per
     * 256 leaves, level 1 one per 512, and so on, about n/128 hashes in all (n/4 bytes). The last, incomplete group
     * of fewer than 256 leaves is kept in `group`. The tree hash of any range D[a:b] the RFC recursion asks for is
     * then at most one cached hash per level plus the hashing of at most 255 leaves read from the index file.
     *
     * The index is a cache: it can always be rebuilt from entries.log, and AuditVerifier never reads it.
     */

    static final int RECORD = 40;
    static final int GROUP_HEIGHT = 8;
    static final int GROUP = 1 << GROUP_HEIGHT;

    private final FileChannel index;
    private long persisted;
    private final List<byte[]> pendingLeaves = new ArrayList<>();
    private long[] pendingOffsets = new long[64];
    private final List<byte[]> group = new ArrayList<>(GROUP);
    private final List<List<byte[]>> levels = new ArrayList<>();
    private long size;

    private LeafCache(FileChannel index) {
        this.index = index;
    }

    /** The cache over the first {@code count} records of {@code index}, read sequentially to build the levels. */
    static LeafCache load(FileChannel index, long count) throws IOException {
        LeafCache cache = new LeafCache(index);
        ByteBuffer buf = ByteBuffer.allocate(RECORD * 16384);
        long pos = 0;
        long end = count * RECORD;
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            while (buf.hasRemaining()) {
                if (index.read(buf, pos + buf.position()) < 0) {
                    throw new IOException("entries.idx ended early");
                }
            }
            buf.flip();
            while (buf.remaining() >= RECORD) {
                buf.getLong();
                byte[] leaf = new byte[Merkle.HASH_SIZE];
                buf.get(leaf);
                cache.grow(leaf);
            }
            pos += buf.limit();
        }
        cache.persisted = count;
        return cache;
    }

    /** The number of leaves. */
    long size() {
        return size;
    }

    /** Adds a leaf whose entry starts at {@code offset} of entries.log; it is pending until written to the index. */
    void add(byte[] leafHash, long offset) {
        int p = pendingLeaves.size();
        if (p == pendingOffsets.length) {
            pendingOffsets = java.util.Arrays.copyOf(pendingOffsets, p * 2);
        }
        pendingOffsets[p] = offset;
        pendingLeaves.add(leafHash);
        grow(leafHash);
    }

    private void grow(byte[] leafHash) {
        group.add(leafHash);
        size++;
        if (group.size() == GROUP) {
            byte[] node = Merkle.root(group);
            group.clear();
            for (int level = 0;; level++) {
                if (levels.size() == level) {
                    levels.add(new ArrayList<>());
                }
                List<byte[]> nodes = levels.get(level);
                nodes.add(node);
                if ((nodes.size() & 1) == 1) {
                    break;
                }
                node = Merkle.nodeHash(nodes.get(nodes.size() - 2), node);
            }
        }
    }

    /** Writes the pending leaves to the end of the index (without forcing it). */
    void writePending() throws IOException {
        int n = pendingLeaves.size();
        if (n == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(n * RECORD);
        for (int i = 0; i < n; i++) {
            buf.putLong(pendingOffsets[i]);
            buf.put(pendingLeaves.get(i));
        }
        buf.flip();
        long pos = persisted * RECORD;
        while (buf.hasRemaining()) {
            pos += index.write(buf, pos);
        }
        persisted += n;
        pendingLeaves.clear();
    }

    /** The number of leaves written to the index file. */
    long persisted() {
        return persisted;
    }

    /** The leaf hash of entry {@code i}. */
    byte[] leaf(long i) {
        long groupStart = size - group.size();
        if (i >= groupStart) {
            return group.get((int) (i - groupStart));
        }
        if (i >= persisted) {
            return pendingLeaves.get((int) (i - persisted));
        }
        return record(i, 1)[0].leaf;
    }

    /** Where entry {@code i} starts in entries.log. */
    long offset(long i) {
        if (i >= persisted) {
            return pendingOffsets[(int) (i - persisted)];
        }
        return record(i, 1)[0].offset;
    }

    private record IndexRecord(long offset, byte[] leaf) {
    }

    private IndexRecord[] record(long from, int count) {
        ByteBuffer buf = ByteBuffer.allocate(count * RECORD);
        try {
            while (buf.hasRemaining()) {
                if (index.read(buf, from * RECORD + buf.position()) < 0) {
                    throw new IllegalStateException("entries.idx is shorter than the log");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entries.idx", e);
        }
        buf.flip();
        IndexRecord[] out = new IndexRecord[count];
        for (int i = 0; i < count; i++) {
            long offset = buf.getLong();
            byte[] leaf = new byte[Merkle.HASH_SIZE];
            buf.get(leaf);
            out[i] = new IndexRecord(offset, leaf);
        }
        return out;
    }

    /** The Merkle tree hash of the first {@code n} leaves. */
    byte[] root(long n) {
        return n == 0 ? Merkle.emptyRoot() : hash(0, n);
    }

    @Override
    public byte[] hash(long from, long to) {
        if (from < 0 || to > size || from >= to) {
            throw new IllegalArgumentException("no subtree " + from + ".." + to + " in a log of " + size);
        }
        long n = to - from;
        if (n == 1) {
            return leaf(from);
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            if (height >= GROUP_HEIGHT) {
                return levels.get(height - GROUP_HEIGHT).get((int) (from >> height));
            }
            return Merkle.root(leaves(from, (int) n));
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private List<byte[]> leaves(long from, int count) {
        List<byte[]> out = new ArrayList<>(count);
        if (from + count <= persisted && from + count <= size - group.size()) {
            for (IndexRecord r : record(from, count)) {
                out.add(r.leaf);
            }
            return out;
        }
        for (long i = from; i < from + count; i++) {
            out.add(leaf(i));
        }
        return out;
    }
}
