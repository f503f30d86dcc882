package org.custos.store.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A MerkleFrontier is the right edge of a growing Merkle tree: the roots of its perfect subtrees, one per set bit
 * of its size, from which leaves are added in O(1) amortized and the tree hash is had in O(log n).
 */
final class MerkleFrontier {

    /*
     * The subtree roots live in one array used as a stack of 32-byte slots, and node hashes are written into their
     * slot by one reused digest: adding a leaf allocates nothing, which matters when verification adds a million.
     */

    private static final int H = Merkle.HASH_SIZE;
    private static final byte[] NODE_PREFIX = {0x01};

    private byte[] stack = new byte[64 * H];
    private int depth;
    private long size;
    private final MessageDigest sha = Merkle.newSha256();

    /** Adds the next leaf hash. */
    void add(byte[] leafHash) {
        add(leafHash, 0);
    }

    /** Adds the next leaf hash, read from {@code hashes} at {@code offset}. */
    void add(byte[] hashes, int offset) {
        System.arraycopy(hashes, offset, stack, depth * H, H);
        depth++;
        long n = size;
        while ((n & 1) == 1) {
            int left = (depth - 2) * H;
            sha.update(NODE_PREFIX);
            sha.update(stack, left, 2 * H);
            try {
                sha.digest(stack, left, H);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            depth--;
            n >>= 1;
        }
        size++;
    }

    /** The number of leaves added. */
    long size() {
        return size;
    }

    /** The Merkle tree hash of the leaves added so far. */
    byte[] root() {
        if (depth == 0) {
            return Merkle.emptyRoot();
        }
        byte[] r = Arrays.copyOfRange(stack, (depth - 1) * H, depth * H);
        for (int i = depth - 2; i >= 0; i--) {
            r = Merkle.nodeHash(Arrays.copyOfRange(stack, i * H, (i + 1) * H), r);
        }
        return r;
    }

    /** A copy of this frontier. */
    MerkleFrontier copy() {
        MerkleFrontier c = new MerkleFrontier();
        c.stack = stack.clone();
        c.depth = depth;
        c.size = size;
        return c;
    }
}
