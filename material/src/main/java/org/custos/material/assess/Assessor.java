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
 */
public final class Assessor {

    private final List<RegisteredItem> items;
    private final ClassificationScheme scheme;
    private final Winnowing winnowing;
    private final Alignment alignment;
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
        for (Map.Entry<Integer, List<int[]>> e : seeds.entrySet()) {
            RegisteredItem item = items.get(e.getKey());
            TokenizedText tokens = itemTokens.get(e.getKey());
            for (Alignment.Passage p : alignment.align(suspect.hashes(), tokens.hashes(), e.getValue())) {
                if (!beyondBoilerplate(itemGrams.get(e.getKey()), p.itemStart(), p.itemEnd())) {
                    continue;
                }
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
