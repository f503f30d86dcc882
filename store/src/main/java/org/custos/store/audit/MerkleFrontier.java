package org.custos.store.audit;

import java.util.Arrays;

/**
 * A MerkleFrontier is the right edge of a growing Merkle tree: the roots of its perfect subtrees, one per set bit
 * of its size, from which leaves are added in O(1) amortized and the tree hash is had in O(log n).
 */
final class MerkleFrontier {

    private byte[][] nodes = new byte[64][];
    private int depth;
    private long size;

    /** Adds the next leaf hash. */
    void add(byte[] leafHash) {
        byte[] node = leafHash;
        long n = size;
        while ((n & 1) == 1) {
            node = Merkle.nodeHash(nodes[--depth], node);
            n >>= 1;
        }
        nodes[depth++] = node;
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
        byte[] r = nodes[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            r = Merkle.nodeHash(nodes[i], r);
        }
        return r;
    }

    /** A copy of this frontier. */
    MerkleFrontier copy() {
        MerkleFrontier c = new MerkleFrontier();
        c.nodes = Arrays.copyOf(nodes, nodes.length);
        c.depth = depth;
        c.size = size;
        return c;
    }
}
