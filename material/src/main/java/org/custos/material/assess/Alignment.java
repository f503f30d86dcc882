package org.custos.material.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Alignment turns seeds (a suspect and an item token position whose k-grams hash alike) into passages: each seed
 * is checked token by token, extended both ways while the tokens agree, and runs that follow each other in both
 * texts with at most {@code maxGap} differing tokens between them are merged, so a copied passage with a few edits
 * is one passage. Seeds, runs and chains live in primitive arrays: no object per seed.
 *
 * @param k the k-gram length the seeds were made with
 * @param maxGap the most tokens of either text between two runs that are still merged
 * @param minTokens the fewest suspect tokens a passage must span to be kept
 */
record Alignment(int k, int maxGap, int minTokens) {

    /** A passage as token spans, end exclusive, in the suspect and in the item. */
    record Passage(int suspectStart, int suspectEnd, int itemStart, int itemEnd) {
    }

    /** A packed seed: suspect position {@code s} in the high 32 bits, item position {@code i} in the low. */
    static long seed(int s, int i) {
        return ((long) s << 32) | i;
    }

    /**
     * The passages found from the first {@code count} seeds of {@code seeds} (each {@link #seed(int, int)}); sorts
     * that part of the array in place.
     */
    List<Passage> align(long[] suspect, long[] item, long[] seeds, int count) {
        Arrays.sort(seeds, 0, count);
        // runs: 4 ints each (suspect start, suspect end, item start, item end), in seed order
        int[] runs = new int[64];
        int runCount = 0;
        long previous = -1;
        for (int n = 0; n < count; n++) {
            long packed = seeds[n];
            if (packed == previous) {
                continue;
            }
            previous = packed;
            int s = (int) (packed >>> 32);
            int i = (int) packed;
            if (!agree(suspect, item, s, i, k) || covered(runs, runCount, s, i)) {
                continue;
            }
            int s0 = s;
            int i0 = i;
            while (s0 > 0 && i0 > 0 && suspect[s0 - 1] == item[i0 - 1]) {
                s0--;
                i0--;
            }
            int s1 = s + k;
            int i1 = i + k;
            while (s1 < suspect.length && i1 < item.length && suspect[s1] == item[i1]) {
                s1++;
                i1++;
            }
            if (4 * runCount + 4 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            int at = 4 * runCount++;
            runs[at] = s0;
            runs[at + 1] = s1;
            runs[at + 2] = i0;
            runs[at + 3] = i1;
        }
        sortRuns(runs, runCount);
        int[] chains = new int[4 * Math.max(1, runCount)];
        int chainCount = 0;
        for (int r = 0; r < runCount; r++) {
            int rs0 = runs[4 * r];
            int rs1 = runs[4 * r + 1];
            int ri0 = runs[4 * r + 2];
            int ri1 = runs[4 * r + 3];
            int best = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int c = 0; c < chainCount; c++) {
                int cs1 = chains[4 * c + 1];
                int ci1 = chains[4 * c + 3];
                int suspectGap = rs0 - cs1;
                int itemGap = ri0 - ci1;
                if (rs1 > cs1 && ri1 > ci1 && suspectGap <= maxGap && itemGap <= maxGap && itemGap >= -maxGap
                        && suspectGap >= -maxGap) {
                    int gap = Math.abs(suspectGap) + Math.abs(itemGap);
                    if (gap < bestGap) {
                        bestGap = gap;
                        best = c;
                    }
                }
            }
            if (best < 0) {
                int at = 4 * chainCount++;
                chains[at] = rs0;
                chains[at + 1] = rs1;
                chains[at + 2] = ri0;
                chains[at + 3] = ri1;
            } else {
                int at = 4 * best;
                chains[at + 1] = rs1;
                chains[at + 2] = Math.min(chains[at + 2], ri0);
                chains[at + 3] = ri1;
            }
        }
        List<Passage> kept = new ArrayList<>();
        for (int p = 0; p < chainCount; p++) {
            int ps0 = chains[4 * p];
            int ps1 = chains[4 * p + 1];
            if (ps1 - ps0 < minTokens) {
                continue;
            }
            boolean inside = false;
            for (int o = 0; o < chainCount && !inside; o++) {
                if (o == p) {
                    continue;
                }
                int os0 = chains[4 * o];
                int os1 = chains[4 * o + 1];
                // a chain equal to another counts as the first equal one (as List.indexOf would)
                inside = os0 <= ps0 && os1 >= ps1
                        && (os1 - os0 > ps1 - ps0 || firstEqual(chains, o) < firstEqual(chains, p));
            }
            if (!inside) {
                kept.add(new Passage(ps0, ps1, chains[4 * p + 2], chains[4 * p + 3]));
            }
        }
        if (kept.size() > 1) {
            kept.sort((a, b) -> Integer.compare(a.suspectStart(), b.suspectStart()));
        }
        return kept;
    }

    /** The index of the first chain with the same four values as chain {@code c}. */
    private static int firstEqual(int[] chains, int c) {
        for (int o = 0; o < c; o++) {
            if (chains[4 * o] == chains[4 * c] && chains[4 * o + 1] == chains[4 * c + 1]
                    && chains[4 * o + 2] == chains[4 * c + 2] && chains[4 * o + 3] == chains[4 * c + 3]) {
                return o;
            }
        }
        return c;
    }

    /** Sorts runs by suspect start, then item start (stable; runs arrive nearly sorted, so insertion sort). */
    private static void sortRuns(int[] runs, int count) {
        for (int r = 1; r < count; r++) {
            int s0 = runs[4 * r];
            int s1 = runs[4 * r + 1];
            int i0 = runs[4 * r + 2];
            int i1 = runs[4 * r + 3];
            int at = r - 1;
            while (at >= 0 && (runs[4 * at] > s0 || (runs[4 * at] == s0 && runs[4 * at + 2] > i0))) {
                System.arraycopy(runs, 4 * at, runs, 4 * at + 4, 4);
                at--;
            }
            runs[4 * at + 4] = s0;
            runs[4 * at + 5] = s1;
            runs[4 * at + 6] = i0;
            runs[4 * at + 7] = i1;
        }
    }

    private static boolean agree(long[] suspect, long[] item, int s, int i, int length) {
        if (s + length > suspect.length || i + length > item.length) {
            return false;
        }
        for (int j = 0; j < length; j++) {
            if (suspect[s + j] != item[i + j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean covered(int[] runs, int count, int s, int i) {
        for (int r = count - 1; r >= 0; r--) {
            int at = 4 * r;
            if (runs[at] - runs[at + 2] == s - i && s >= runs[at] && s < runs[at + 1]) {
                return true;
            }
        }
        return false;
    }
}
