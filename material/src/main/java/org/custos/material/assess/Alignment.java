package org.custos.material.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Alignment turns seeds (a suspect and an item token position whose k-grams hash alike) into passages: each seed
 * is checked token by token, extended both ways while the tokens agree, and runs that follow each other in both
 * texts with at most {@code maxGap} differing tokens between them are merged, so a copied passage with a few edits
 * is one passage.
 *
 * @param k the k-gram length the seeds were made with
 * @param maxGap the most tokens of either text between two runs that are still merged
 * @param minTokens the fewest suspect tokens a passage must span to be kept
 */
record Alignment(int k, int maxGap, int minTokens) {

    /** A passage as token spans, end exclusive, in the suspect and in the item. */
    record Passage(int suspectStart, int suspectEnd, int itemStart, int itemEnd) {
    }

    /** The passages found from the given seeds ({@code seeds[i] = {suspectPosition, itemPosition}}). */
    List<Passage> align(long[] suspect, long[] item, List<int[]> seeds) {
        List<int[]> sorted = new ArrayList<>(seeds);
        sorted.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
        List<Passage> runs = new ArrayList<>();
        for (int[] seed : sorted) {
            int s = seed[0];
            int i = seed[1];
            if (!agree(suspect, item, s, i, k) || covered(runs, s, i)) {
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
            runs.add(new Passage(s0, s1, i0, i1));
        }
        runs.sort(Comparator.comparingInt(Passage::suspectStart).thenComparingInt(Passage::itemStart));
        List<Passage> chains = new ArrayList<>();
        for (Passage run : runs) {
            int best = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int c = 0; c < chains.size(); c++) {
                Passage chain = chains.get(c);
                int suspectGap = run.suspectStart() - chain.suspectEnd();
                int itemGap = run.itemStart() - chain.itemEnd();
                if (run.suspectEnd() > chain.suspectEnd() && run.itemEnd() > chain.itemEnd()
                        && suspectGap <= maxGap && itemGap <= maxGap && itemGap >= -maxGap
                        && suspectGap >= -maxGap) {
                    int gap = Math.abs(suspectGap) + Math.abs(itemGap);
                    if (gap < bestGap) {
                        bestGap = gap;
                        best = c;
                    }
                }
            }
            if (best < 0) {
                chains.add(run);
            } else {
                Passage chain = chains.get(best);
                chains.set(best, new Passage(chain.suspectStart(), run.suspectEnd(),
                        Math.min(chain.itemStart(), run.itemStart()), run.itemEnd()));
            }
        }
        List<Passage> kept = new ArrayList<>();
        for (Passage p : chains) {
            if (p.suspectEnd() - p.suspectStart() < minTokens) {
                continue;
            }
            boolean inside = chains.stream().anyMatch(o -> o != p && o.suspectStart() <= p.suspectStart()
                    && o.suspectEnd() >= p.suspectEnd()
                    && (o.suspectEnd() - o.suspectStart() > p.suspectEnd() - p.suspectStart()
                            || chains.indexOf(o) < chains.indexOf(p)));
            if (!inside) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(Passage::suspectStart));
        return kept;
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

    private static boolean covered(List<Passage> runs, int s, int i) {
        for (Passage r : runs) {
            if (r.suspectStart() - r.itemStart() == s - i && s >= r.suspectStart() && s < r.suspectEnd()) {
                return true;
            }
        }
        return false;
    }
}
