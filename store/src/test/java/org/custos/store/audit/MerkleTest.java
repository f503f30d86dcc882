package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merkle tree hashes, proof generation and proof verification against each other and known roots. */
class MerkleTest {

    static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the Certificate Transparency reference tree. */
    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** The reference roots of that tree's first 1..8 leaves. */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static List<byte[]> leafHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(Merkle.leafHash(("leaf " + i).getBytes()));
        }
        return hashes;
    }

    static Merkle.SubtreeHashes tree(List<byte[]> leaves) {
        return (from, to) -> Merkle.root(leaves.subList((int) from, (int) to));
    }

    @Test
    void computesTheReferenceRootsOfTheCertificateTransparencyTree() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= LEAVES.size(); n++) {
            leaves.add(Merkle.leafHash(HEX.parseHex(LEAVES.get(n - 1))));
            assertThat(HEX.formatHex(Merkle.root(leaves))).as("root of %d leaves", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void givesTheEmptyTreeTheHashOfNoBytes() {
        assertThat(HEX.formatHex(Merkle.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void frontierMatchesTheRecursiveRootForEverySize() {
        List<byte[]> leaves = leafHashes(300);
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(Merkle.emptyRoot());
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.add(leaves.get(n - 1));
            assertThat(frontier.root()).as("size %d", n).isEqualTo(Merkle.root(leaves.subList(0, n)));
            assertThat(frontier.size()).isEqualTo(n);
        }
    }

    @Test
    void everyInclusionProofItGeneratesVerifiesAndNoOtherLeafPasses() {
        List<byte[]> leaves = leafHashes(70);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = Merkle.root(leaves.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusionPath(m, n, tree(leaves));
                assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), path, root).valid())
                        .as("leaf %d of %d", m, n).isTrue();
                int other = (m + 1) % n;
                if (other != m) {
                    assertThat(Merkle.verifyInclusion(m, n, leaves.get(other), path, root).valid()).isFalse();
                    assertThat(Merkle.verifyInclusion(other, n, leaves.get(m), path, root).valid()).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofItGeneratesVerifiesAndAChangedRootFails() {
        List<byte[]> leaves = leafHashes(70);
        byte[] bogus = Merkle.leafHash("bogus".getBytes());
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] second = Merkle.root(leaves.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = Merkle.root(leaves.subList(0, m));
                List<byte[]> path = Merkle.consistencyPath(m, n, tree(leaves));
                assertThat(Merkle.verifyConsistency(m, n, first, second, path).valid()).as("%d to %d", m, n)
                        .isTrue();
                assertThat(Merkle.verifyConsistency(m, n, bogus, second, path).valid()).isFalse();
                assertThat(Merkle.verifyConsistency(m, n, first, bogus, path).valid()).isFalse();
            }
        }
    }

    @Test
    void refusesToProveOutsideTheTree() {
        assertThatThrownBy(() -> Merkle.inclusionPath(5, 5, tree(leafHashes(5))))
                .hasMessage("leaf index 5 is outside a tree of size 5");
        assertThatThrownBy(() -> Merkle.consistencyPath(0, 5, tree(leafHashes(5))))
                .hasMessage("a consistency proof needs 0 < first <= second, got first 0 and second 5");
    }
}
