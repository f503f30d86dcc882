package org.custos.material.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.extract.ExtractedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

    private static final String TEXT = "The second stage igniter will be fired at the northern range on three "
            + "consecutive nights using the modified injector plate designed by the thermal group.";

    private static ExtractedText doc(String name, String sha, String text) {
        return new ExtractedText("in/" + name, name, sha, "text", text);
    }

    @Test
    void registeringTheSameContentTwiceKeepsOneItem(@TempDir Path data) throws IOException {
        Registry registry = Registry.open(data);
        var prc = ClassificationSchemes.prc();
        Registry.Added first = registry.add(doc("plan.txt", "a1b2c3d4e5f60000", TEXT), prc,
                prc.level("confidential"), "aurora", "li");
        Registry.Added again = registry.add(doc("copy.txt", "a1b2c3d4e5f60000", TEXT), prc,
                prc.level("secret"), null, null);
        assertThat(first.added()).isTrue();
        assertThat(again.added()).isFalse();
        assertThat(again.item().id()).isEqualTo("a1b2c3d4e5f6");
        assertThat(registry.list()).hasSize(1);
        assertThat(registry.list().get(0).level()).isEqualTo("confidential");
    }

    @Test
    void itemsSurviveReopeningWithTheirTextAndFingerprints(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        Registry.open(data).add(doc("plan.txt", "ffff00001111aaaa", TEXT), prc, prc.level("top-secret"), "aurora",
                "li");
        Registry reopened = Registry.open(data);
        ItemSummary summary = reopened.find("plan.txt").orElseThrow();
        assertThat(summary).isEqualTo(new ItemSummary("ffff00001111", "plan.txt", "in/plan.txt", "top-secret",
                "aurora", "li", TEXT.length()));
        RegisteredItem item = reopened.load(summary);
        assertThat(item.text()).isEqualTo(TEXT);
        assertThat(item.hashes()).isNotEmpty();
        assertThat(Files.exists(data.resolve("registry/index.json"))).isTrue();
        assertThat(Files.list(data.resolve("registry/items")).map(p -> p.getFileName().toString()))
                .containsExactly("ffff00001111.json");
    }

    @Test
    void removingAnItemDeletesItsFile(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        Registry registry = Registry.open(data);
        registry.add(doc("plan.txt", "0123456789abcdef", TEXT), prc, prc.level("secret"), null, null);
        assertThat(registry.remove("0123456789ab")).isTrue();
        assertThat(registry.remove("0123456789ab")).isFalse();
        assertThat(Registry.open(data).list()).isEmpty();
        assertThat(Files.exists(data.resolve("registry/items/0123456789ab.json"))).isFalse();
    }

    @Test
    void aRegistryKeepsTheSchemeOfItsFirstItem(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        var us = ClassificationSchemes.us();
        Registry registry = Registry.open(data);
        registry.add(doc("a.txt", "1111111111111111", TEXT), prc, prc.level("secret"), null, null);
        assertThatThrownBy(() -> registry.add(doc("b.txt", "2222222222222222", TEXT + " more"), us,
                us.level("secret"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uses scheme prc");
        assertThat(Registry.open(data).scheme().id()).isEqualTo("prc");
    }

    @Test
    void anAmbiguousNameIsRefusedNamingTheIds(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        Registry registry = Registry.open(data);
        registry.add(doc("plan.txt", "aaaaaaaaaaaa0000", TEXT), prc, prc.level("secret"), null, null);
        registry.add(doc("plan.txt", "bbbbbbbbbbbb0000", TEXT + " v2"), prc, prc.level("secret"), null, null);
        assertThatThrownBy(() -> registry.find("plan.txt")).hasMessageContaining("aaaaaaaaaaaa")
                .hasMessageContaining("bbbbbbbbbbbb");
        assertThat(registry.find("bbbb").orElseThrow().id()).isEqualTo("bbbbbbbbbbbb");
        assertThat(registry.find("nothing")).isEmpty();
    }

    @Test
    void aBatchWritesTheIndexOnceWhenClosedAndKeepsTokensOnDisk(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        Registry registry = Registry.open(data);
        try (Registry.Batch batch = registry.batch()) {
            registry.add(doc("a.txt", "aaaaaaaaaaaa0000", TEXT), prc, prc.level("secret"), null, null);
            assertThat(registry.add(doc("a2.txt", "aaaaaaaaaaaa0000", TEXT), prc, prc.level("secret"), null, null)
                    .added()).isFalse();
            registry.add(doc("b.txt", "bbbbbbbbbbbb0000", TEXT + " again"), prc, prc.level("secret"), null, null);
            assertThat(Files.exists(data.resolve("registry/index.json"))).isFalse();
        }
        Registry reopened = Registry.open(data);
        assertThat(reopened.list()).extracting(ItemSummary::name).containsExactly("a.txt", "b.txt");
        ItemSummary a = reopened.find("a.txt").orElseThrow();
        assertThat(reopened.tokens(a)).isEqualTo(org.custos.material.text.TextNormalizer.tokenize(TEXT));
        assertThat(reopened.indexFingerprints(a, false)).isNotEmpty().isSorted();
        assertThat(reopened.indexFingerprints(a, true)).contains(reopened.indexFingerprints(a, false))
                .hasSize(reopened.load(a).hashes().length);
        reopened.remove(a.id());
        assertThat(Files.exists(data.resolve("registry/tokens/aaaaaaaaaaaa.tok"))).isFalse();
    }

    @Test
    void aTokenFileReadsAnyRangeOfTokensAsTokenizingDoes(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append(i % 3 == 0 ? "机密" : "word" + i).append(i % 7 == 0 ? ",\n  " : " ");
        }
        Registry registry = Registry.open(data);
        ItemSummary item = registry.add(doc("long.txt", "cccccccccccc0000", text.toString()), prc,
                prc.level("secret"), null, null).item();
        var expected = org.custos.material.text.TextNormalizer.tokenize(text.toString());
        try (Registry.TokenReader reader = registry.openTokens(item)) {
            assertThat(reader.size()).isEqualTo(expected.size());
            for (int[] range : new int[][] {{0, 1}, {31, 33}, {32, 64}, {100, 517}, {expected.size() - 5,
                    expected.size()}}) {
                int n = range[1] - range[0];
                long[] hashes = new long[n];
                int[] starts = new int[n];
                int[] ends = new int[n];
                reader.read(range[0], range[1], hashes, starts, ends, range[0]);
                assertThat(hashes).containsExactly(java.util.Arrays.copyOfRange(expected.hashes(), range[0], range[1]));
                assertThat(starts).containsExactly(java.util.Arrays.copyOfRange(expected.starts(), range[0], range[1]));
                assertThat(ends).containsExactly(java.util.Arrays.copyOfRange(expected.ends(), range[0], range[1]));
            }
            long hash = registry.indexFingerprints(item, false)[0];
            int at = reader.positions(hash, false)[0];
            var grams = registry.winnowing().kgramHashes(expected.hashes());
            assertThat(grams[at]).isEqualTo(hash);
        }
    }

    @Test
    void aTokenFileLargerThanOneReadReadsAnyRangeWhileAnotherFileIsOpen(@TempDir Path data) throws IOException {
        var prc = ClassificationSchemes.prc();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            text.append(i % 5 == 0 ? "机密" : "word" + i).append(i % 11 == 0 ? ".\n" : " ");
        }
        Registry registry = Registry.open(data);
        ItemSummary big = registry.add(doc("big.txt", "dddddddddddd0000", text.toString()), prc,
                prc.level("secret"), null, null).item();
        ItemSummary small = registry.add(doc("small.txt", "eeeeeeeeeeee0000", "a short note about the budget"),
                prc, prc.level("secret"), null, null).item();
        assertThat(Files.size(data.resolve("registry/tokens/dddddddddddd.tok"))).isGreaterThan(64 * 1024);
        var expected = org.custos.material.text.TextNormalizer.tokenize(text.toString());
        int size = expected.size();
        try (Registry.TokenReader reader = registry.openTokens(big)) {
            for (int[] range : new int[][] {{0, 40}, {5_000, 5_100}, {1, size}, {size - 33, size}, {0, size}}) {
                try (Registry.TokenReader other = registry.openTokens(small)) {
                    assertThat(other.size()).isEqualTo(6);
                }
                int n = range[1] - range[0];
                long[] hashes = new long[n];
                int[] starts = new int[n];
                int[] ends = new int[n];
                reader.read(range[0], range[1], hashes, starts, ends, range[0]);
                assertThat(hashes).containsExactly(java.util.Arrays.copyOfRange(expected.hashes(), range[0], range[1]));
                assertThat(starts).containsExactly(java.util.Arrays.copyOfRange(expected.starts(), range[0], range[1]));
                assertThat(ends).containsExactly(java.util.Arrays.copyOfRange(expected.ends(), range[0], range[1]));
            }
        }
    }
}
