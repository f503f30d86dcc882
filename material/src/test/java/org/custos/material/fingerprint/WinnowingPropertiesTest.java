package org.custos.material.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custos.material.text.TextNormalizer;

class WinnowingPropertiesTest {

    private static final Winnowing W = Winnowing.DEFAULT;

    @Provide
    Arbitrary<long[]> tokens() {
        return Arbitraries.longs().between(0, 40).array(long[].class).ofMinSize(0).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of("alpha", "beta", "gamma", "delta", "机", "密", "文", "件", "Stage", "42", "plate")
                .list().ofMinSize(0).ofMaxSize(120).map(l -> String.join(" ", l));
    }

    @Property
    void prependingTokensShiftsPositionsButKeepsTheHashes(@ForAll("tokens") long[] text,
            @ForAll("tokens") long[] prefix) {
        long[] joined = concat(prefix, text);
        Set<Fingerprint> alone = new HashSet<>(W.fingerprints(text));
        Set<Fingerprint> shifted = W.fingerprints(joined).stream()
                .filter(f -> f.position() >= prefix.length)
                .map(f -> new Fingerprint(f.hash(), f.position() - prefix.length))
                .collect(Collectors.toSet());
        assertThat(shifted).containsAll(alone);
    }

    @Property
    void prependingTextKeepsTheFingerprintHashesOfTheUnchangedPart(@ForAll("words") String text,
            @ForAll("words") String prefix) {
        Set<Long> alone = hashes(W.fingerprints(TextNormalizer.tokenize(text)));
        Set<Long> joined = hashes(W.fingerprints(TextNormalizer.tokenize(prefix + "\n" + text)));
        assertThat(joined).containsAll(alone);
    }

    @Property
    void aSharedRunOfAtLeastTTokensAlwaysYieldsASharedFingerprint(@ForAll("tokens") long[] left,
            @ForAll("tokens") long[] right, @ForAll("tokens") long[] shared,
            @ForAll @IntRange(min = 0, max = 40) int extra) {
        long[] run = Arrays.copyOf(shared, Math.max(shared.length, W.t() + extra));
        for (int i = shared.length; i < run.length; i++) {
            run[i] = 1000 + (i * 7919L) % 53;
        }
        Set<Long> a = hashes(W.fingerprints(concat(left, run)));
        Set<Long> b = hashes(W.fingerprints(concat(run, right)));
        a.retainAll(b);
        assertThat(a).isNotEmpty();
    }

    @Property
    void everyWindowOfKgramsContributesItsSmallestHash(@ForAll("tokens") long[] text) {
        long[] grams = W.kgramHashes(text);
        Set<Integer> positions = W.fingerprints(text).stream().map(Fingerprint::position).collect(Collectors.toSet());
        for (int start = 0; start + W.window() <= grams.length; start++) {
            boolean found = false;
            for (int i = start; i < start + W.window(); i++) {
                found |= positions.contains(i);
            }
            assertThat(found).as("window at %d", start).isTrue();
        }
    }

    private static Set<Long> hashes(List<Fingerprint> prints) {
        return prints.stream().map(Fingerprint::hash).collect(Collectors.toCollection(HashSet::new));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
