package org.custos.store.audit;

import java.util.Arrays;
import java.util.Base64;

/**
 * A TreeHead is the size of a log and the Merkle tree hash of its entries at that size.
 *
 * @param size the number of entries
 * @param root the RFC 9162 Merkle tree hash of those entries (32 bytes)
 */
public record TreeHead(long size, byte[] root) {

    /** A TreeHead has a non-negative size and a 32-byte root, copied. */
    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("a tree head's size is not negative, got " + size);
        }
        if (root.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a tree head's root has 32 bytes, got " + root.length);
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead t && t.size == size && Arrays.equals(t.root, root);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", root=" + Base64.getEncoder().encodeToString(root) + "]";
    }
}
