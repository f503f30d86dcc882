package org.custos.material.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.fingerprint.FingerprintIndex;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.RegisteredItem;
import org.custos.material.registry.Registry;
import org.custos.material.text.TextNormalizer;
import org.custos.material.text.TokenizedText;

/**
 * An Assessor says which registered items a suspect document contains: it looks the suspect's winnowing
 * fingerprints up in a compact in-memory {@link FingerprintIndex} of the registry, reads the tokens of only the items
 * that share one (of a long item, only windows around its seeds), aligns
 * the shared k-grams token by token into passages, and reports each passage as code-point spans in both texts.
 *
 * <p>The index holds, per item, the fingerprints of the registry's winnowing (dense) or of {@link Winnowing#doubled()}
 * (sparse: window 2w, guarantee threshold {@code k - 1 + 2w}, 24 tokens by default), see {@link IndexDensity}. Each
 * sparse fingerprint is also a fingerprint of the suspect wherever the suspect shares its window, so a shared run of
 * 24 tokens always seeds, and shorter shared runs from t tokens on usually do; dense, a shared run of t tokens always
 * seeds. Every shared k-gram the suspect selects seeds the alignment of an item the index pointed to.
 *
 * <p>Boilerplate: an index fingerprint held by at least the {@link BoilerplateRule}'s number of items never seeds.
 * Where an item holds such a fingerprint, the text around it that the item shares with two other holders is the
 * item's boilerplate (a banner at least one index window long always holds one, since every window inside it selects
 * the same fingerprint in every item). A passage is kept only when it holds a run of t tokens outside boilerplate.
 *
 * <p>Confirmed items get a second, finer pass: once an item has a passage of at least t tokens in a suspect, every
 * k-gram the suspect shares with that item seeds exact runs of k to t - 1 tokens outside the passages already
 * found and outside boilerplate. This finds the shorter sentences of a copy whose sentences were reordered, which
 * winnowing alone does not guarantee to see; a short run never makes an item match by itself.
 */
public final class Assessor {

    private final List<ItemSummary> items;
    private final IntFunction<ItemTokens> itemTokens;
    private final Function<String, String> itemTexts;
    private final ClassificationScheme scheme;
    private final Winnowing winnowing;
    private final Winnowing indexWinnowing;
    private final FingerprintIndex index;
    private final int threshold;
    private final Alignment alignment;
    private final Alignment shortRuns;
    private final ThreadLocal<GramTable> tables = ThreadLocal.withInitial(GramTable::new);

    private Assessor(List<ItemSummary> items, IntFunction<ItemTokens> itemTokens,
            Function<String, String> itemTexts, ClassificationScheme scheme, Winnowing winnowing,
            Winnowing indexWinnowing, FingerprintIndex index, BoilerplateRule boilerplate) {
        this.items = List.copyOf(items);
        this.itemTokens = itemTokens;
        this.itemTexts = itemTexts;
        this.scheme = scheme;
        this.winnowing = winnowing;
        this.indexWinnowing = indexWinnowing;
        this.index = index;
        this.threshold = boilerplate.threshold(items.size());
        this.alignment = new Alignment(winnowing.k(), Math.max(8, winnowing.k()), winnowing.t());
        this.shortRuns = new Alignment(winnowing.k(), 0, winnowing.k());
    }

    /**
     * An assessor over registered items held in memory (their texts are tokenized again for each alignment), with
     * the {@link IndexDensity#AUTO} index.
     *
     * @param items the registered items
     * @param scheme the registry's classification scheme, to rank levels
     * @param winnowing the fingerprint parameters
     * @param boilerplate which fingerprints to ignore
     */
    public Assessor(List<RegisteredItem> items, ClassificationScheme scheme, Winnowing winnowing,
            BoilerplateRule boilerplate) {
        this(items.stream().map(RegisteredItem::summary).toList(),
                n -> ItemTokens.of(TextNormalizer.tokenize(items.get(n).text()), winnowing,
                        autoWinnowing(items, winnowing)), textsById(items), scheme, winnowing,
                autoWinnowing(items, winnowing), memoryIndex(items, winnowing, autoWinnowing(items, winnowing)),
                boilerplate);
    }

    private static Winnowing autoWinnowing(List<RegisteredItem> items, Winnowing winnowing) {
        return IndexDensity.AUTO.indexWinnowing(winnowing, chars(items.stream().map(RegisteredItem::summary).toList()));
    }

    /**
     * An assessor over a registry on disk with the {@link IndexDensity#AUTO} index: it holds only the fingerprint
     * index in memory and reads an item's tokens from the registry's token files when the item shares a
     * fingerprint with a suspect.
     */
    public static Assessor of(Registry registry, BoilerplateRule boilerplate) {
        return of(registry, boilerplate, IndexDensity.AUTO);
    }

    /** An assessor over a registry on disk with the given index density. */
    public static Assessor of(Registry registry, BoilerplateRule boilerplate, IndexDensity density) {
        List<ItemSummary> items = registry.list();
        boolean dense = density.dense(chars(items));
        FingerprintIndex.Builder builder = FingerprintIndex.builder(items.size());
        for (int n = 0; n < items.size(); n++) {
            builder.add(n, registry.indexFingerprints(items.get(n), dense));
        }
        return new Assessor(items, n -> ItemTokens.of(registry.openTokens(items.get(n)), dense),
                id -> registry.find(id).map(s -> registry.load(s).text()).orElse(null), registry.scheme(),
                registry.winnowing(), dense ? registry.winnowing() : registry.winnowing().doubled(), builder.build(),
                boilerplate);
    }

    private static long chars(List<ItemSummary> items) {
        return items.stream().mapToLong(ItemSummary::chars).sum();
    }

    private static Function<String, String> textsById(List<RegisteredItem> items) {
        Map<String, String> texts = new HashMap<>();
        for (RegisteredItem item : items) {
            texts.putIfAbsent(item.summary().id(), item.text());
        }
        return texts::get;
    }

    private static FingerprintIndex memoryIndex(List<RegisteredItem> items, Winnowing winnowing, Winnowing sparse) {
        FingerprintIndex.Builder builder = FingerprintIndex.builder(items.size());
        for (int n = 0; n < items.size(); n++) {
            long[] grams = winnowing.kgramHashes(TextNormalizer.tokenize(items.get(n).text()).hashes());
            int[] selected = sparse.select(grams);
            long[] hashes = new long[selected.length];
            for (int i = 0; i < selected.length; i++) {
                hashes[i] = grams[selected[i]];
            }
            builder.add(n, hashes);
        }
        return builder.build();
    }

    /** The in-memory fingerprint index's size in bytes (its arrays). */
    public long indexBytes() {
        return index.bytes();
    }

    /** True when the index holds every fingerprint of the registry's winnowing (see {@link IndexDensity}). */
    public boolean denseIndex() {
        return indexWinnowing.equals(winnowing);
    }

    /** The number of (fingerprint, item) pairs in the index. */
    public int indexSize() {
        return index.size();
    }

    /** Assesses every document in input order. */
    public Assessment assess(List<Extraction> documents) {
        return new Assessment(documents.stream().map(this::assess).toList());
    }

    /** Assesses one document. */
    public FileAssessment assess(Extraction document) {
        if (document instanceof ExtractionFailure failure) {
            return FileAssessment.notAssessed(failure.path(), failure.reason());
        }
        ExtractedText text = (ExtractedText) document;
        TokenizedText suspect = TextNormalizer.tokenize(text.text());
        long[] grams = winnowing.kgramHashes(suspect.hashes());
        int[] selected = winnowing.select(grams);
        boolean[] seeding = new boolean[grams.length];
        long[] seeds = new long[16];
        int seedCount = 0;
        long[] probes = new long[selected.length];
        for (int i = 0; i < selected.length; i++) {
            probes[i] = grams[selected[i]];
        }
        long[] ranges = new long[selected.length];
        index.findAll(probes, ranges);
        for (int i = 0; i < selected.length; i++) {
            int p = selected[i];
            long range = ranges[i];
            int count = FingerprintIndex.count(range);
            if (count >= threshold) {
                continue;
            }
            seeding[p] = true;
            for (int n = 0; n < count; n++) {
                if (seedCount == seeds.length) {
                    seeds = Arrays.copyOf(seeds, seedCount * 2);
                }
                seeds[seedCount++] = ((long) index.item(range, n) << 32) | p;
            }
        }
        List<Match> matches = new ArrayList<>();
        if (seedCount > 0) {
            Arrays.sort(seeds, 0, seedCount);
            GramTable table = grams.length > 1 << 20 ? new GramTable(grams) : tables.get().reset(grams);
            int[] probeOf = new int[grams.length];
            Arrays.fill(probeOf, -1);
            for (int i = 0; i < selected.length; i++) {
                probeOf[selected[i]] = i;
            }
            Probed probed = new Probed(table, probeOf, ranges);
            Map<Integer, ItemView> others = new HashMap<>();
            for (int i = 0; i < seedCount; ) {
                int item = (int) (seeds[i] >>> 32);
                int j = i;
                while (j < seedCount && (int) (seeds[j] >>> 32) == item) {
                    j++;
                }
                int[] positions = new int[j - i];
                for (int n = i; n < j; n++) {
                    positions[n - i] = (int) seeds[n];
                }
                alignItem(suspect, grams, table, positions, seeding, item, others, matches, probed);
                i = j;
            }
        }
        matches.sort(Comparator.comparingInt(Match::suspectStart).thenComparing(Match::item));
        return assessed(text.path(), suspect.codePoints(), matches);
    }

    private void alignItem(TokenizedText suspect, long[] suspectGrams, GramTable table, int[] seedPositions,
            boolean[] seeding, int item, Map<Integer, ItemView> others, List<Match> matches, Probed probed) {
        long[] suspectHashes = suspect.hashes();
        ItemView view;
        long[] shared;
        int sharedCount;
        List<Alignment.Passage> passages;
        int reach = FIRST_REACH;
        int k = winnowing.k();
        while (true) {
            try (ItemTokens source = itemTokens.apply(item)) {
                view = viewNear(item, source, suspect.size(), suspectGrams, seedPositions, reach);
            }
            if (view == null) {
                return;
            }
            view.probed = probed;
            long[] itemGrams = view.grams;
            long[] seeds = new long[64];
            int seedCount = 0;
            shared = new long[64];
            sharedCount = 0;
            for (int[] window : view.windows) {
                for (int g = window[0]; g + k <= window[1]; g++) {
                    for (int s = table.first(itemGrams[g]); s >= 0; s = table.next(s)) {
                        long pair = Alignment.seed(s, g);
                        if (sharedCount == shared.length) {
                            shared = Arrays.copyOf(shared, sharedCount * 2);
                        }
                        shared[sharedCount++] = pair;
                        if (seeding[s]) {
                            if (seedCount == seeds.length) {
                                seeds = Arrays.copyOf(seeds, seedCount * 2);
                            }
                            seeds[seedCount++] = pair;
                        }
                    }
                }
            }
            passages = new ArrayList<>();
            for (Alignment.Passage p : alignment.align(suspectHashes, view.tokens.hashes(), seeds, seedCount)) {
                if (view.beyondBoilerplate(p.itemStart(), p.itemEnd(), others)) {
                    passages.add(p);
                }
            }
            if (reach == Integer.MAX_VALUE || !view.nearAnEdge(passages)) {
                break;
            }
            reach = Integer.MAX_VALUE;
        }
        if (passages.isEmpty()) {
            return;
        }
        passages.addAll(shortPassages(suspectHashes, view, shared, sharedCount, passages, others));
        ItemSummary summary = items.get(item);
        TokenizedText tokens = view.tokens;
        for (Alignment.Passage p : passages) {
            int itemStart = tokens.starts()[p.itemStart()];
            int itemEnd = tokens.ends()[p.itemEnd() - 1];
            matches.add(new Match(summary.id(), summary.name(), summary.level(),
                    suspect.starts()[p.suspectStart()], suspect.ends()[p.suspectEnd() - 1], itemStart, itemEnd,
                    p.suspectEnd() - p.suspectStart(),
                    round((double) (itemEnd - itemStart) / Math.max(1, tokens.codePoints()))));
        }
    }

    /**
     * The exact runs of k to t - 1 tokens shared by the suspect and a confirmed item, outside the passages already
     * found, none of whose k-grams is boilerplate.
     */
    private List<Alignment.Passage> shortPassages(long[] suspect, ItemView view, long[] shared, int sharedCount,
            List<Alignment.Passage> found, Map<Integer, ItemView> others) {
        boolean[] taken = new boolean[suspect.length];
        for (Alignment.Passage p : found) {
            Arrays.fill(taken, p.suspectStart(), p.suspectEnd(), true);
        }
        long[] seeds = new long[sharedCount];
        int seedCount = 0;
        for (int n = 0; n < sharedCount; n++) {
            if (!taken[(int) (shared[n] >>> 32)]) {
                seeds[seedCount++] = shared[n];
            }
        }
        List<Alignment.Passage> out = new ArrayList<>();
        if (seedCount == 0) {
            return out;
        }
        for (Alignment.Passage p : shortRuns.align(suspect, view.tokens.hashes(), seeds, seedCount)) {
            boolean overlaps = false;
            for (int s = p.suspectStart(); s < p.suspectEnd() && !overlaps; s++) {
                overlaps = taken[s];
            }
            if (!overlaps && p.suspectEnd() - p.suspectStart() < winnowing.t()
                    && view.clean(p.itemStart(), p.itemEnd(), others)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The index lookups already made for this suspect's fingerprints: an item's fingerprint that the suspect also
     * selected (every one inside a passage they share, by the winnowing guarantee) need not be looked up again.
     */
    private record Probed(GramTable table, int[] probeOf, long[] ranges) {

        /** The number of items holding a hash, when the suspect selected it; else -1. */
        int count(long hash) {
            for (int s = table.first(hash); s >= 0; s = table.next(s)) {
                if (probeOf[s] >= 0) {
                    return FingerprintIndex.count(ranges[probeOf[s]]);
                }
            }
            return -1;
        }
    }

    /**
     * One item's tokens during one assessment: all of them, or only the windows around the suspect's seeds (arrays
     * as long as the item, filled in the windows), with its boilerplate worked out lazily, only around the index
     * fingerprints near the passages asked about.
     */
    private final class ItemView {
        final int item;
        final TokenizedText tokens;
        final long[] grams;
        final int[][] windows;
        final int base;
        final int itemSize;
        private int[] selected;
        private boolean[] done;
        private Probed probed;
        private boolean[] boilerplate;

        /**
         * Reads the windows (item token ranges, ascending, disjoint) of an item; the view's arrays cover the first
         * window's start to the last one's end, so every position in the view is the item's position minus that
         * start, and only the windows are filled.
         */
        private ItemView(int item, ItemTokens source, int[][] windows) {
            this.item = item;
            int base = windows[0][0];
            this.base = base;
            this.itemSize = source.size();
            int length = windows[windows.length - 1][1] - base;
            long[] hashes = new long[length];
            int[] starts = new int[length];
            int[] ends = new int[length];
            this.grams = new long[Math.max(0, length - winnowing.k() + 1)];
            this.windows = new int[windows.length][];
            for (int i = 0; i < windows.length; i++) {
                int[] w = windows[i];
                source.read(w[0], w[1], hashes, starts, ends, base);
                this.windows[i] = new int[] {w[0] - base, w[1] - base};
                winnowing.kgramHashes(hashes, w[0] - base, w[1] - base, grams, w[0] - base);
            }
            this.tokens = new TokenizedText(hashes, starts, ends, source.codePoints());
        }

        /** The whole item. */
        ItemView(int item, ItemTokens source) {
            this(item, source, new int[][] {{0, source.size()}});
        }

        /** True when a passage lies within the margin of an edge of a window that is not the item's edge. */
        boolean nearAnEdge(List<Alignment.Passage> passages) {
            int margin = margin();
            for (Alignment.Passage p : passages) {
                for (int[] w : windows) {
                    if (p.itemStart() >= w[0] && p.itemStart() < w[1]) {
                        boolean atStart = p.itemStart() - w[0] < margin && base + w[0] > 0;
                        boolean atEnd = w[1] - p.itemEnd() < margin && base + w[1] < itemSize;
                        if (atStart || atEnd) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** True when tokens [start, end) hold w consecutive k-grams that are not boilerplate. */
        boolean beyondBoilerplate(int start, int end, Map<Integer, ItemView> others) {
            prepare(start, end, others);
            int run = 0;
            for (int g = start; g + winnowing.k() <= end; g++) {
                run = boilerplate != null && boilerplate[g] ? 0 : run + 1;
                if (run >= winnowing.window()) {
                    return true;
                }
            }
            return false;
        }

        /** True when no k-gram of tokens [start, end) is boilerplate. */
        boolean clean(int start, int end, Map<Integer, ItemView> others) {
            prepare(start, end, others);
            for (int g = start; g + winnowing.k() <= end && boilerplate != null; g++) {
                if (boilerplate[g]) {
                    return false;
                }
            }
            return true;
        }

        /*
         * A k-gram inside a boilerplate region lies in an index window inside that region, whose selected
         * fingerprint is boilerplate and less than a window away; so looking one index window beyond [start, end)
         * finds every boilerplate fingerprint whose region reaches into it. The selection is made window by window
         * of what was read, exact away from the windows' edges.
         */
        private void prepare(int start, int end, Map<Integer, ItemView> others) {
            if (selected == null) {
                int[] all = new int[0];
                for (int[] w : windows) {
                    long[] slice = Arrays.copyOfRange(grams, w[0], Math.max(w[0], w[1] - winnowing.k() + 1));
                    int[] some = indexWinnowing.select(slice);
                    int at = all.length;
                    all = Arrays.copyOf(all, at + some.length);
                    for (int i = 0; i < some.length; i++) {
                        all[at + i] = some[i] + w[0];
                    }
                }
                selected = all;
                done = new boolean[selected.length];
            }
            int reach = indexWinnowing.window();
            int from = lowerBound(selected, start - reach);
            int to = from;
            while (to < selected.length && selected[to] < end + reach) {
                to++;
            }
            // counts the suspect's lookups already know, then all other lookups at once (their cache misses overlap)
            int[] counts = new int[to - from];
            int pending = 0;
            for (int i = from; i < to; i++) {
                counts[i - from] = done[i] ? 0 : probed == null ? -1 : probed.count(grams[selected[i]]);
                pending += counts[i - from] < 0 ? 1 : 0;
            }
            if (pending > 0) {
                long[] hashes = new long[pending];
                int n = 0;
                for (int i = from; i < to; i++) {
                    if (counts[i - from] < 0) {
                        hashes[n++] = grams[selected[i]];
                    }
                }
                long[] ranges = new long[pending];
                index.findAll(hashes, ranges);
                n = 0;
                for (int i = from; i < to; i++) {
                    if (counts[i - from] < 0) {
                        counts[i - from] = FingerprintIndex.count(ranges[n++]);
                    }
                }
            }
            for (int i = from; i < to; i++) {
                if (done[i]) {
                    continue;
                }
                done[i] = true;
                if (counts[i - from] >= threshold) {
                    markShared(selected[i], others);
                }
            }
        }

        /** Marks the k-grams of the region around k-gram p that this item shares with two other holders of it. */
        private void markShared(int p, Map<Integer, ItemView> others) {
            long hash = grams[p];
            long range = index.find(hash);
            int from = p;
            int to = p + winnowing.k();
            int compared = 0;
            for (int n = 0; n < FingerprintIndex.count(range) && compared < 2; n++) {
                int other = index.item(range, n);
                if (other == item) {
                    continue;
                }
                ItemView view = others.computeIfAbsent(other, o -> {
                    try (ItemTokens source = itemTokens.apply(o)) {
                        return new ItemView(o, source);
                    }
                });
                int[] extent = sharedExtent(p, view, hash);
                if (extent == null) {
                    continue;
                }
                from = compared == 0 ? extent[0] : Math.max(from, extent[0]);
                to = compared == 0 ? extent[1] : Math.min(to, extent[1]);
                compared++;
            }
            if (boilerplate == null) {
                boilerplate = new boolean[grams.length];
            }
            for (int g = Math.max(0, from); g + winnowing.k() <= to && g < grams.length; g++) {
                boilerplate[g] = true;
            }
        }

        /** The longest run of tokens around k-gram p that the other item shares at one of its k-grams of the hash. */
        private int[] sharedExtent(int p, ItemView other, long hash) {
            long[] mine = tokens.hashes();
            long[] theirs = other.tokens.hashes();
            int[] best = null;
            int k = winnowing.k();
            for (int q = 0; q < other.grams.length; q++) {
                if (other.grams[q] != hash) {
                    continue;
                }
                boolean same = true;
                for (int j = 0; j < k && same; j++) {
                    same = mine[p + j] == theirs[q + j];
                }
                if (!same) {
                    continue;
                }
                int a = p;
                int b = q;
                while (a > 0 && b > 0 && mine[a - 1] == theirs[b - 1]) {
                    a--;
                    b--;
                }
                int c = p + k;
                int d = q + k;
                while (c < mine.length && d < theirs.length && mine[c] == theirs[d]) {
                    c++;
                    d++;
                }
                if (best == null || c - a > best[1] - best[0]) {
                    best = new int[] {a, c};
                }
            }
            return best;
        }
    }

    /*
     * From a seed (suspect k-gram s, item k-gram g) alignment can reach at most s tokens back and the rest of the
     * suspect forward. A window first reaches FIRST_REACH tokens each way from each seed (seeds are dense along a
     * copied passage, so that holds it); when a passage comes within the margin of a window's edge, the item is read
     * again with windows reaching the whole suspect. The margin adds the merge gap and two index windows, so that the
     * item's index selection is exact wherever boilerplate is looked for. Null when the item holds none of the hashes
     * (a foreign hash's false pointer). Windows covering half the item or more become the whole item, read at once.
     */
    private ItemView viewNear(int item, ItemTokens source, int suspectSize, long[] suspectGrams, int[] seedPositions,
            int reach) {
        int margin = margin();
        List<int[]> spans = new ArrayList<>();
        for (int s : seedPositions) {
            for (int g : source.positions(suspectGrams[s])) {
                int back = Math.min(s, reach);
                int forward = (int) Math.min(suspectSize - s, (long) reach + winnowing.k());
                spans.add(new int[] {Math.max(0, g - back - margin), Math.min(source.size(), g + forward + margin)});
            }
        }
        if (spans.isEmpty()) {
            return null;
        }
        spans.sort(Comparator.comparingInt(w -> w[0]));
        List<int[]> merged = new ArrayList<>();
        long covered = 0;
        for (int[] w : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && w[0] <= last[1]) {
                covered += Math.max(0, w[1] - last[1]);
                last[1] = Math.max(last[1], w[1]);
            } else {
                merged.add(w);
                covered += w[1] - w[0];
            }
        }
        if (covered * 2 >= source.size()) {
            return new ItemView(item, source);
        }
        return new ItemView(item, source, merged.toArray(int[][]::new));
    }

    private static final int FIRST_REACH = 256;

    private int margin() {
        return 2 * indexWinnowing.window() + winnowing.k() + 16;
    }

    private static int lowerBound(int[] sorted, int key) {
        int from = 0;
        int to = sorted.length;
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (sorted[mid] < key) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }

    /** The text of a registered item, by id, or null. */
    public String itemText(String id) {
        return itemTexts.apply(id);
    }

    private FileAssessment assessed(String path, int codePoints, List<Match> matches) {
        Set<String> ids = new LinkedHashSet<>();
        List<ClassificationLevel> levels = new ArrayList<>();
        for (Match m : matches) {
            ids.add(m.item());
            scheme.find(m.level()).ifPresent(levels::add);
        }
        String highest = scheme.highest(levels).map(ClassificationLevel::id).orElse(null);
        String verdict = matches.isEmpty() ? "no registered material"
                : "contains " + ids.size() + " registered item" + (ids.size() == 1 ? "" : "s") + ", highest level "
                        + highest;
        long inside = 0;
        int reached = 0;
        for (Match m : matches) {
            int from = Math.max(m.suspectStart(), reached);
            if (m.suspectEnd() > from) {
                inside += m.suspectEnd() - from;
                reached = m.suspectEnd();
            }
        }
        return new FileAssessment(path, FileAssessment.ASSESSED, null, highest, verdict,
                round((double) inside / Math.max(1, codePoints)), List.copyOf(matches));
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
