package org.custos.material.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.fingerprint.Fingerprint;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.registry.RegisteredItem;
import org.custos.material.text.TextNormalizer;
import org.custos.material.text.TokenizedText;

/**
 * An Assessor says which registered items a suspect document contains: it looks up the suspect's winnowing
 * fingerprints in an in-memory index of the registry's fingerprints (leaving out boilerplate), aligns the shared
 * ones token by token into passages, and reports each passage as code-point spans in both texts.
 *
 * <p>Boilerplate is counted over every k-gram of every item, not only the selected fingerprints, so a banner
 * whose k-grams happen to be selected in only some items is still recognized: boilerplate k-grams never seed a
 * passage, and a passage is kept only when it holds a run of at least t tokens that is not boilerplate.
 *
 * <p>Confirmed items get a second, finer pass: once an item has a passage of at least t tokens in a suspect,
 * every k-gram of the suspect (not only the selected fingerprints) is looked up among every k-gram of that item,
 * and exact runs of k to t - 1 tokens none of whose k-grams is boilerplate are kept as well. This finds the shorter
 * sentences of a copy whose sentences were reordered, which winnowing alone does not guarantee to see; a short run
 * never makes an item match by itself.
 */
public final class Assessor {

    private final List<RegisteredItem> items;
    private final ClassificationScheme scheme;
    private final Winnowing winnowing;
    private final Alignment alignment;
    private final Alignment shortRuns;
    private final Map<Long, List<int[]>> postings = new HashMap<>();
    private final Map<Integer, TokenizedText> itemTokens = new HashMap<>();
    private final Map<Integer, long[]> itemGrams = new HashMap<>();
    private final Set<Long> boilerplateGrams = new HashSet<>();

    /**
     * An assessor over the given registered items.
     *
     * @param items the registered items, with fingerprints made with {@code winnowing}
     * @param scheme the registry's classification scheme, to rank levels
     * @param winnowing the fingerprint parameters
     * @param boilerplate which fingerprints to ignore
     */
    public Assessor(List<RegisteredItem> items, ClassificationScheme scheme, Winnowing winnowing,
            BoilerplateRule boilerplate) {
        this.items = List.copyOf(items);
        this.scheme = scheme;
        this.winnowing = winnowing;
        this.alignment = new Alignment(winnowing.k(), Math.max(8, winnowing.k()), winnowing.t());
        this.shortRuns = new Alignment(winnowing.k(), 0, winnowing.k());
        Map<Long, Integer> itemCount = new HashMap<>();
        for (int n = 0; n < this.items.size(); n++) {
            RegisteredItem item = this.items.get(n);
            TokenizedText tokens = TextNormalizer.tokenize(item.text());
            itemTokens.put(n, tokens);
            long[] grams = winnowing.kgramHashes(tokens.hashes());
            itemGrams.put(n, grams);
            Set<Long> seen = new HashSet<>();
            for (long gram : grams) {
                if (seen.add(gram)) {
                    itemCount.merge(gram, 1, Integer::sum);
                }
            }
            for (int f = 0; f < item.hashes().length; f++) {
                postings.computeIfAbsent(item.hashes()[f], h -> new ArrayList<>())
                        .add(new int[] {n, item.positions()[f]});
            }
        }
        int threshold = boilerplate.threshold(this.items.size());
        itemCount.forEach((hash, count) -> {
            if (count >= threshold) {
                boilerplateGrams.add(hash);
                postings.remove(hash);
            }
        });
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
        Map<Integer, List<int[]>> seeds = new LinkedHashMap<>();
        for (Fingerprint f : winnowing.fingerprints(suspect)) {
            for (int[] posting : postings.getOrDefault(f.hash(), List.of())) {
                seeds.computeIfAbsent(posting[0], i -> new ArrayList<>()).add(new int[] {f.position(), posting[1]});
            }
        }
        List<Match> matches = new ArrayList<>();
        Map<Long, List<Integer>> suspectGrams = null;
        for (Map.Entry<Integer, List<int[]>> e : seeds.entrySet()) {
            RegisteredItem item = items.get(e.getKey());
            TokenizedText tokens = itemTokens.get(e.getKey());
            List<Alignment.Passage> passages = new ArrayList<>();
            for (Alignment.Passage p : alignment.align(suspect.hashes(), tokens.hashes(), e.getValue())) {
                if (beyondBoilerplate(itemGrams.get(e.getKey()), p.itemStart(), p.itemEnd())) {
                    passages.add(p);
                }
            }
            if (!passages.isEmpty()) {
                if (suspectGrams == null) {
                    suspectGrams = positions(winnowing.kgramHashes(suspect.hashes()));
                }
                passages.addAll(shortPassages(suspect.hashes(), suspectGrams, tokens.hashes(),
                        itemGrams.get(e.getKey()), passages));
            }
            for (Alignment.Passage p : passages) {
                int itemStart = tokens.starts()[p.itemStart()];
                int itemEnd = tokens.ends()[p.itemEnd() - 1];
                matches.add(new Match(item.summary().id(), item.summary().name(), item.summary().level(),
                        suspect.starts()[p.suspectStart()], suspect.ends()[p.suspectEnd() - 1], itemStart, itemEnd,
                        p.suspectEnd() - p.suspectStart(),
                        round((double) (itemEnd - itemStart) / Math.max(1, tokens.codePoints()))));
            }
        }
        matches.sort(Comparator.comparingInt(Match::suspectStart).thenComparing(Match::item));
        return assessed(text.path(), suspect.codePoints(), matches);
    }

    /**
     * The exact runs of k to t - 1 tokens shared by the suspect and a confirmed item, outside the passages already
     * found, none of whose k-grams is boilerplate.
     */
    private List<Alignment.Passage> shortPassages(long[] suspect, Map<Long, List<Integer>> suspectGrams, long[] item,
            long[] grams, List<Alignment.Passage> found) {
        boolean[] taken = new boolean[suspect.length];
        for (Alignment.Passage p : found) {
            Arrays.fill(taken, p.suspectStart(), p.suspectEnd(), true);
        }
        List<int[]> seeds = new ArrayList<>();
        for (int g = 0; g < grams.length; g++) {
            List<Integer> at = suspectGrams.get(grams[g]);
            if (at != null && !boilerplateGrams.contains(grams[g])) {
                for (int s : at) {
                    if (!taken[s]) {
                        seeds.add(new int[] {s, g});
                    }
                }
            }
        }
        List<Alignment.Passage> out = new ArrayList<>();
        for (Alignment.Passage p : shortRuns.align(suspect, item, seeds)) {
            boolean overlaps = false;
            for (int s = p.suspectStart(); s < p.suspectEnd() && !overlaps; s++) {
                overlaps = taken[s];
            }
            boolean clean = true;
            for (int g = p.itemStart(); g + winnowing.k() <= p.itemEnd() && clean; g++) {
                clean = !boilerplateGrams.contains(grams[g]);
            }
            if (!overlaps && clean && p.suspectEnd() - p.suspectStart() < winnowing.t()) {
                out.add(p);
            }
        }
        return out;
    }

    private static Map<Long, List<Integer>> positions(long[] grams) {
        Map<Long, List<Integer>> where = new HashMap<>();
        for (int g = 0; g < grams.length; g++) {
            where.computeIfAbsent(grams[g], h -> new ArrayList<>(1)).add(g);
        }
        return where;
    }

    /**
     * True when the item tokens [start, end) hold a run of at least t tokens that is not boilerplate: a window of
     * w consecutive k-grams none of which is in many items.
     */
    private boolean beyondBoilerplate(long[] grams, int start, int end) {
        int run = 0;
        for (int g = start; g + winnowing.k() <= end; g++) {
            run = boilerplateGrams.contains(grams[g]) ? 0 : run + 1;
            if (run >= winnowing.window()) {
                return true;
            }
        }
        return false;
    }

    /** The text of a registered item, by id, or null. */
    public String itemText(String id) {
        return items.stream().filter(i -> i.summary().id().equals(id)).map(RegisteredItem::text).findFirst()
                .orElse(null);
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
        boolean[] covered = new boolean[codePoints];
        for (Match m : matches) {
            Arrays.fill(covered, m.suspectStart(), m.suspectEnd(), true);
        }
        int inside = 0;
        for (boolean c : covered) {
            inside += c ? 1 : 0;
        }
        return new FileAssessment(path, FileAssessment.ASSESSED, null, highest, verdict,
                round((double) inside / Math.max(1, codePoints)), List.copyOf(matches));
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
