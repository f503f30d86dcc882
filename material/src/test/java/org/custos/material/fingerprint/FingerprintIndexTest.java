package org.custos.material.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {

    private static List<Integer> itemsOf(FingerprintIndex index, long hash) {
        long range = index.find(hash);
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < FingerprintIndex.count(range); n++) {
            out.add(index.item(range, n));
        }
        return out;
    }

    @Test
    void findsHashesCrowdedAtTheLowEndAsWinnowingSelectsThemAndFrequentOnesAmongThem() {
        SplittableRandom random = new SplittableRandom(5);
        int items = 300;
        Map<Long, TreeSet<Integer>> truth = new HashMap<>();
        FingerprintIndex.Builder builder = FingerprintIndex.builder(items);
        long[] frequent = {7L, 1L << 40, (1L << 50) + 3};
        for (int item = 0; item < items; item++) {
            long[] hashes = new long[40];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = i < frequent.length && item % (i + 1) == 0 ? frequent[i] : random.nextLong() >>> 12;
                truth.computeIfAbsent(hashes[i], h -> new TreeSet<>()).add(item);
            }
            builder.add(item, hashes);
        }
        FingerprintIndex index = builder.build();
        long[] probes = new long[truth.size()];
        int p = 0;
        for (long hash : truth.keySet()) {
            probes[p++] = hash;
        }
        long[] ranges = new long[probes.length];
        index.findAll(probes, ranges);
        for (int i = 0; i < probes.length; i++) {
            TreeSet<Integer> found = new TreeSet<>();
            for (int n = 0; n < FingerprintIndex.count(ranges[i]); n++) {
                found.add(index.item(ranges[i], n));
            }
            assertThat(found).as("hash %x", probes[i]).isEqualTo(truth.get(probes[i]))
                    .isEqualTo(new TreeSet<>(itemsOf(index, probes[i])));
        }
        assertThat(index.items(7L)).isEqualTo(300);
        assertThat(index.items(1L << 40)).isEqualTo(150);
        assertThat(index.items((1L << 50) + 3)).isEqualTo(100);
        assertThat(index.items(8L)).isZero();
    }

    @Test
    void findsEveryItemOfEveryHashAndNothingForOtherHashes() {
        SplittableRandom random = new SplittableRandom(3);
        int items = 1_000;
        Map<Long, TreeSet<Integer>> truth = new HashMap<>();
        FingerprintIndex.Builder builder = FingerprintIndex.builder(items);
        long[] shared = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x00000000FFFFFFFFL};
        for (int item = 0; item < items; item++) {
            long[] hashes = new long[50];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = i < shared.length && item % (i + 2) == 0 ? shared[i] : random.nextLong();
                truth.computeIfAbsent(hashes[i], h -> new TreeSet<>()).add(item);
            }
            builder.add(item, hashes);
            builder.add(item, new long[] {hashes[0]});
        }
        FingerprintIndex index = builder.build();
        // 50,000 pairs, 34 bits compared here: a hash meets another's bits about once in 2^34 / 50,000, so over all
        // 50,000 hashes a false pointer or two may appear (the caller's token check drops them); never a missed one
        int[] falsePointers = {0};
        truth.forEach((hash, holders) -> {
            TreeSet<Integer> found = new TreeSet<>(itemsOf(index, hash));
            assertThat(found).as("hash %x", hash).containsAll(holders);
            falsePointers[0] += found.size() - holders.size();
        });
        assertThat(falsePointers[0]).isLessThanOrEqualTo(2);
        assertThat(index.items(0L)).isEqualTo(500);
        assertThat(index.items(-1L)).isEqualTo(334);
        assertThat(index.size()).isEqualTo(truth.values().stream().mapToInt(TreeSet::size).sum());
        int foreign = 0;
        for (int n = 0; n < 100_000; n++) {
            foreign += index.items(random.nextLong());
        }
        assertThat(foreign).isZero();
        long[] probes = new long[truth.size() + 1_000];
        int p = 0;
        for (long hash : truth.keySet()) {
            probes[p++] = hash;
        }
        while (p < probes.length) {
            probes[p++] = random.nextLong();
        }
        long[] ranges = new long[probes.length];
        index.findAll(probes, ranges);
        for (int i = 0; i < probes.length; i++) {
            assertThat(FingerprintIndex.count(ranges[i])).isEqualTo(index.items(probes[i]));
            if (FingerprintIndex.count(ranges[i]) > 0) {
                assertThat(ranges[i]).isEqualTo(index.find(probes[i]));
            }
        }
    }

    @Test
    void holdsAboutFourBytesPerPair() {
        SplittableRandom random = new SplittableRandom(4);
        FingerprintIndex.Builder builder = FingerprintIndex.builder(10_000);
        for (int item = 0; item < 10_000; item++) {
            builder.add(item, random.longs(100).toArray());
        }
        FingerprintIndex index = builder.build();
        assertThat(index.size()).isEqualTo(1_000_000);
        assertThat(index.bytes()).isBetween(4_000_000L, 4_600_000L);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        FingerprintIndex index = FingerprintIndex.builder(0).build();
        assertThat(index.items(42L)).isZero();
        assertThatThrownBy(() -> FingerprintIndex.builder(2).add(2, new long[] {1})).hasMessageContaining("item 2");
    }
}
