package org.custos.store.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle is the RFC 9162 Merkle tree hash over SHA-256: leaf and node hashes, the tree hash of any number of
 * leaves, the generation of inclusion and consistency proofs (§2.1.3.1, §2.1.4.1) and their verification
 * (§2.1.3.2, §2.1.4.2).
 */
public final class Merkle {

    /*
     * Proof generation follows the recursive definitions of the RFC literally: a tree of n > 1 leaves splits at
     * k, the largest power of two smaller than n, and every proof component is the tree hash of a sub-range
     * D[a:b], asked of a SubtreeHashes. The log answers those from its cache of perfect subtrees, so a proof costs
     * O(log n) cached look-ups plus the hashing of at most one partial subtree per level.
     *
     * Verification follows the RFC's iterative algorithms step by step, with two additions the RFC leaves to the
     * caller: a leaf hash must be 32 bytes, and a consistency proof from size 0 is refused (it proves nothing).
     */

    /** The size of a hash in bytes (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** SubtreeHashes gives the Merkle tree hash MTH(D[from:to]) of a range of a log's leaves. */
    @FunctionalInterface
    public interface SubtreeHashes {

        /** The Merkle tree hash of the leaves with index {@code from} (inclusive) to {@code to} (exclusive). */
        byte[] hash(long from, long to);
    }

    private Merkle() {
    }

    /** The leaf hash of an entry: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    /** The leaf hash of {@code length} bytes of {@code entry} from {@code offset}: SHA-256(0x00 ‖ bytes). */
    public static byte[] leafHash(byte[] entry, int offset, int length) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(entry, offset, length);
        return sha.digest();
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The tree hash of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The Merkle tree hash of a list of leaf hashes (the empty list has {@link #emptyRoot()}). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return root(leafHashes, 0, leafHashes.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = (int) split(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** The largest power of two smaller than {@code n}, for {@code n > 1}: where RFC 9162 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code size} leaves, PATH(m, D[n]) of RFC 9162
     * §2.1.3.1, from the leaf's sibling up to the root's child.
     */
    public static List<byte[]> inclusionPath(long index, long size, SubtreeHashes tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusionPath(index, 0, size, tree, path);
        return path;
    }

    private static void inclusionPath(long m, long start, long end, SubtreeHashes tree, List<byte[]> path) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            inclusionPath(m, start, start + k, tree, path);
            path.add(tree.hash(start + k, end));
        } else {
            inclusionPath(m - k, start + k, end, tree, path);
            path.add(tree.hash(start, start + k));
        }
    }

    /**
     * The consistency proof between the trees of the first {@code first} and {@code second} leaves, PROOF(m, D[n])
     * of RFC 9162 §2.1.4.1, for {@code 0 < first <= second} (empty when the sizes are equal).
     */
    public static List<byte[]> consistencyPath(long first, long second, SubtreeHashes tree) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("a consistency proof needs 0 < first <= second, got first " + first
                    + " and second " + second);
        }
        List<byte[]> path = new ArrayList<>();
        subproof(first, 0, second, true, tree, path);
        return path;
    }

    private static void subproof(long m, long start, long end, boolean complete, SubtreeHashes tree,
            List<byte[]> path) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                path.add(tree.hash(start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, tree, path);
            path.add(tree.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, tree, path);
            path.add(tree.hash(start, start + k));
        }
    }

    /**
     * Checks an inclusion proof with the algorithm of RFC 9162 §2.1.3.2: whether the leaf with hash
     * {@code leafHash} is at {@code index} in the tree of {@code size} leaves whose root is {@code root}.
     */
    public static ProofCheck verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (index < 0 || index >= size) {
            return ProofCheck.fails("leaf index " + index + " is outside a tree of size " + size);
        }
        if (leafHash.length != HASH_SIZE) {
            return ProofCheck.fails("the leaf hash has " + leafHash.length + " bytes, not " + HASH_SIZE);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return ProofCheck.fails("the proof has more components than a tree of size " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return ProofCheck.fails("the proof has fewer components than a tree of size " + size + " needs");
        }
        if (!Arrays.equals(r, root)) {
            return ProofCheck.fails("the proof leads to a root other than the one given");
        }
        return ProofCheck.holds();
    }

    /**
     * Checks a consistency proof with the algorithm of RFC 9162 §2.1.4.2: whether the tree of {@code first} leaves
     * with root {@code firstRoot} is a prefix of the tree of {@code second} leaves with root {@code secondRoot}.
     */
    public static ProofCheck verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> path) {
        if (first > second) {
            return ProofCheck.fails("the first size " + first + " is larger than the second size " + second);
        }
        if (first <= 0) {
            return ProofCheck.fails("a consistency proof from an empty tree proves nothing");
        }
        if (first == second) {
            if (!path.isEmpty()) {
                return ProofCheck.fails("equal sizes need an empty proof, got " + path.size() + " components");
            }
            return Arrays.equals(firstRoot, secondRoot) ? ProofCheck.holds()
                    : ProofCheck.fails("equal sizes but different roots");
        }
        if (path.isEmpty()) {
            return ProofCheck.fails("the proof is empty");
        }
        List<byte[]> components = path;
        if (Long.bitCount(first) == 1) {
            components = new ArrayList<>(path.size() + 1);
            components.add(firstRoot);
            components.addAll(path);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = components.get(0);
        byte[] sr = components.get(0);
        for (byte[] c : components.subList(1, components.size())) {
            if (sn == 0) {
                return ProofCheck.fails("the proof has more components than the sizes need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return ProofCheck.fails("the proof has fewer components than the sizes need");
        }
        if (!Arrays.equals(fr, firstRoot)) {
            return ProofCheck.fails("the proof does not lead to the first root");
        }
        if (!Arrays.equals(sr, secondRoot)) {
            return ProofCheck.fails("the proof does not lead to the second root");
        }
        return ProofCheck.holds();
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    });

    /** A new SHA-256 digest of the caller's own. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** This thread's SHA-256 digest, reset (looking a provider up for every hash costs more than the hash). */
    static MessageDigest sha256() {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }
}
