package org.custos.material.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorTest {

    static final String PLAN = """
            The second stage igniter will be fired at the northern range on three consecutive nights, using the
            modified injector plate designed by the thermal group. Results are reported only to the program office,
            and the telemetry link uses the new encrypted band with a fallback to the legacy channel if the primary
            receiver fails during the ascent phase of the flight. Ground crews rotate every twelve hours.
            """;
    static final String BANNER = "CONFIDENTIAL. This document contains state secrets. Unauthorized disclosure is "
            + "punishable under the Law on Guarding State Secrets of the People's Republic of China.\n";

    private static Registry registry(Path data, String... texts) throws IOException {
        var prc = ClassificationSchemes.prc();
        Registry registry = Registry.open(data);
        for (int i = 0; i < texts.length; i++) {
            String sha = Integer.toHexString(i + 1).repeat(16).substring(0, 16);
            registry.add(new ExtractedText("item" + i + ".txt", "item" + i + ".txt", sha, "text", texts[i]), prc,
                    prc.level(i == 0 ? "confidential" : "secret"), null, null);
        }
        return registry;
    }

    /** The assessor the command uses: the fingerprint index in memory, the items' tokens read from disk. */
    private static Assessor assessor(Path data, String... texts) throws IOException {
        return Assessor.of(registry(data, texts), BoilerplateRule.DEFAULT);
    }

    private static FileAssessment assess(Assessor assessor, String text) {
        return assessor.assess(new ExtractedText("suspect.txt", "suspect.txt", "00", "text", text));
    }

    @Test
    void aCopiedPassageWithEditsIsOneMatchWithExactSpans(@TempDir Path data) throws IOException {
        Assessor assessor = assessor(data, PLAN);
        String edited = PLAN.replace("thermal group", "heat team").replace("encrypted band", "secure band");
        String suspect = "Notes from a chat over lunch about nothing much at all.\n" + edited + "Bye now.";
        FileAssessment f = assess(assessor, suspect);
        assertThat(f.matches()).hasSize(1);
        Match m = f.matches().get(0);
        int start = suspect.indexOf("The second");
        assertThat(m.suspectStart()).isEqualTo(start);
        assertThat(m.suspectEnd()).isEqualTo(suspect.indexOf("hours.") + "hours".length());
        assertThat(m.itemStart()).isZero();
        assertThat(m.itemEnd()).isEqualTo(PLAN.indexOf("hours.") + "hours".length());
        assertThat(f.highestLevel()).isEqualTo("confidential");
        assertThat(f.verdict()).isEqualTo("contains 1 registered item, highest level confidential");
    }

    @Test
    void aLongCopyWithAWordChangedEveryThirtyWordsIsOneMatch(@TempDir Path data) throws IOException {
        Random random = new Random(7);
        List<String> vocabulary = List.of("range", "stage", "plate", "group", "office", "link", "band", "crew",
                "night", "test", "fuel", "valve", "orbit", "north", "data", "signal", "report", "design", "heat",
                "flight", "phase", "legacy", "channel", "primary", "receiver", "ascent", "program", "thermal");
        StringBuilder item = new StringBuilder();
        StringBuilder copy = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            item.append(word).append(' ');
            copy.append(i % 30 == 15 ? "changed" : word).append(' ');
        }
        Assessor assessor = assessor(data, item.toString());
        String suspect = "Unrelated opening words of a letter.\n" + copy + "\nYours sincerely.";
        FileAssessment f = assess(assessor, suspect);
        assertThat(f.matches()).hasSize(1);
        assertThat(f.matches().get(0).itemCoverage()).isGreaterThan(0.95);
        assertThat(f.matches().get(0).suspectStart()).isEqualTo(suspect.indexOf('\n') + 1);
    }

    @Test
    void unrelatedTextHasNoMatch(@TempDir Path data) throws IOException {
        FileAssessment f = assess(assessor(data, PLAN), "The weather in the northern range was mild on three "
                + "consecutive nights and the group went hiking, reporting to nobody in particular about it.");
        assertThat(f.matches()).isEmpty();
        assertThat(f.highestLevel()).isNull();
        assertThat(f.verdict()).isEqualTo("no registered material");
    }

    @Test
    void aBannerSharedByManyItemsNeverMakesAMatchByItself(@TempDir Path data) throws IOException {
        Assessor assessor = assessor(data, BANNER + PLAN, BANNER + "Budget lines for the new wind tunnel are "
                + "attached and must not be copied.", BANNER + "Minutes of the review board held in the main "
                + "building on Tuesday.", BANNER + "List of suppliers for composite materials in the east region.");
        assertThat(assess(assessor, "Cover page\n" + BANNER + "end").matches()).isEmpty();
        assertThat(assess(assessor, "CONFIDENTIAL").matches()).isEmpty();
        FileAssessment withSecret = assess(assessor, BANNER + PLAN);
        assertThat(withSecret.matches()).extracting(Match::itemName).containsExactly("item0.txt");
    }

    @Test
    void chineseTextIsMatchedByCharacters(@TempDir Path data) throws IOException {
        String zh = "本项目的第二阶段试验将在北部试验场连续进行三个夜晚，使用热工组设计的改进型喷注器，试验结果只向项目办公室报告。";
        Assessor assessor = assessor(data, zh);
        String copied = "第二阶段试验将在北部试验场连续进行三个夜晚，使用热工组设计的改进型喷注器";
        String suspect = "今天天气很好。" + copied + "。我们去吃饭吧。";
        FileAssessment f = assess(assessor, suspect);
        assertThat(f.matches()).hasSize(1);
        Match m = f.matches().get(0);
        assertThat(suspect.substring(m.suspectStart(), m.suspectEnd())).isEqualTo(copied);
        assertThat(zh.substring(m.itemStart(), m.itemEnd())).isEqualTo(copied);
    }

    @Test
    void anUnreadableFileIsNotAssessedWithItsReason(@TempDir Path data) throws IOException {
        FileAssessment f = assessor(data, PLAN)
                .assess(new ExtractionFailure("x.pdf", "encrypted or password-protected"));
        assertThat(f.status()).isEqualTo(FileAssessment.NOT_ASSESSED);
        assertThat(f.reason()).isEqualTo("encrypted or password-protected");
        assertThat(f.highestLevel()).isNull();
        assertThat(f.matches()).isEqualTo(List.of());
    }

    @Test
    void theHighestLevelAmongMatchedItemsIsReported(@TempDir Path data) throws IOException {
        String other = "Budget lines for the new wind tunnel are attached and must not be copied or shown to "
                + "anyone outside the finance office before the annual review of the institute has ended.";
        Assessor assessor = assessor(data, PLAN, other);
        FileAssessment f = assess(assessor, other + "\n\n" + PLAN);
        assertThat(f.matches()).extracting(Match::itemName).containsExactly("item1.txt", "item0.txt");
        assertThat(f.highestLevel()).isEqualTo("confidential");
        assertThat(f.coverage()).isGreaterThan(0.95);
    }

    @Test
    void reorderedShortSentencesOfAConfirmedItemAreFoundButNeverAloneMakeAMatch(@TempDir Path data)
            throws IOException {
        String shortOne = "Results are reported only to the program office";
        Assessor assessor = assessor(data, PLAN);
        String longOne = PLAN.substring(0, PLAN.indexOf("group.") + "group".length());
        FileAssessment f = assess(assessor, "Lunch menu.\n" + shortOne + "\nMore chat.\n" + longOne);
        assertThat(f.matches()).extracting(Match::suspectStart, Match::tokens)
                .containsExactly(tuple("Lunch menu.\n".length(), 8),
                        tuple(("Lunch menu.\n" + shortOne + "\nMore chat.\n").length(), 25));
        assertThat(assess(assessor, "Lunch menu.\n" + shortOne + "\nMore chat.").matches()).isEmpty();
    }

    @Test
    void anAssessorOverItemsInMemoryFindsWhatTheOneOverTheRegistryFinds(@TempDir Path data) throws IOException {
        String other = "Budget lines for the new wind tunnel are attached and must not be copied or shown to "
                + "anyone outside the finance office before the annual review of the institute has ended.";
        Registry registry = registry(data, BANNER + PLAN, BANNER + other, BANNER + "Minutes of the review board.");
        Assessor onDisk = Assessor.of(registry, BoilerplateRule.DEFAULT);
        Assessor inMemory = new Assessor(registry.loadAll(), registry.scheme(), registry.winnowing(),
                BoilerplateRule.DEFAULT);
        String suspect = "Cover.\n" + BANNER + other + "\n\n" + PLAN.replace("thermal group", "heat team");
        assertThat(assess(inMemory, suspect)).isEqualTo(assess(onDisk, suspect));
        assertThat(assess(onDisk, suspect).matches()).extracting(Match::itemName)
                .containsExactly("item1.txt", "item0.txt");
        assertThat(inMemory.itemText(registry.list().get(0).id())).isEqualTo(onDisk.itemText(
                registry.list().get(0).id()));
    }

    @Test
    void aRegistryWithoutTokenFilesGetsThemBackFromItsItems(@TempDir Path data) throws IOException {
        registry(data, PLAN);
        try (var files = java.nio.file.Files.walk(data.resolve("registry/tokens"))) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Assessor assessor = Assessor.of(Registry.open(data), BoilerplateRule.DEFAULT);
        assertThat(assess(assessor, "Intro.\n" + PLAN).matches()).hasSize(1);
        assertThat(data.resolve("registry/tokens")).isDirectoryContaining("glob:**.tok");
    }

    @Test
    void theIndexHoldsHalfAsManyFingerprintsAsTheItemsOwnWinnowing(@TempDir Path data) throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append(Integer.toString(random.nextInt(5_000), 36)).append(' ');
        }
        Registry registry = registry(data, text.toString());
        int own = registry.load(registry.list().get(0)).hashes().length;
        Assessor sparse = Assessor.of(registry, BoilerplateRule.DEFAULT, IndexDensity.SPARSE);
        Assessor auto = Assessor.of(registry, BoilerplateRule.DEFAULT);
        assertThat((double) sparse.indexSize() / own).isBetween(0.45, 0.62);
        assertThat(auto.denseIndex()).isTrue();
        assertThat(sparse.denseIndex()).isFalse();
        assertThat(auto.indexSize()).isBetween(own - 20, own);
        String suspect = "Intro.\n" + text.substring(1_000, 1_400) + "\nEnd.";
        assertThat(assess(sparse, suspect)).isEqualTo(assess(auto, suspect));
        assertThat(assess(sparse, suspect).matches()).hasSize(1);
    }

    @Test
    void theSparseIndexIgnoresABannerSharedByManyItemsToo(@TempDir Path data) throws IOException {
        Registry registry = registry(data, BANNER + PLAN, BANNER + "Budget lines for the new wind tunnel are "
                + "attached and must not be copied.", BANNER + "Minutes of the review board held in the main "
                + "building on Tuesday.", BANNER + "List of suppliers for composite materials in the east region.");
        Assessor assessor = Assessor.of(registry, BoilerplateRule.DEFAULT, IndexDensity.SPARSE);
        assertThat(assess(assessor, "Cover page\n" + BANNER + "end").matches()).isEmpty();
        FileAssessment withSecret = assess(assessor, "Cover page\n" + BANNER + PLAN);
        assertThat(withSecret.matches()).extracting(Match::itemName).containsExactly("item0.txt");
        assertThat(withSecret.matches().get(0).suspectStart()).isEqualTo("Cover page\n".length());
    }

    @Test
    void aPassageOfALongItemIsFoundFromTheTokensNearItsSeedsOnly(@TempDir Path data) throws IOException {
        Random random = new Random(17);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append(Integer.toString(random.nextInt(20_000), 36)).append(i % 17 == 16 ? ". " : " ");
        }
        String item = text.toString();
        int from = item.indexOf(' ', 100_000) + 1;
        int to = item.indexOf(' ', from + 400);
        String passage = item.substring(from, to);
        Registry registry = registry(data, item);
        String suspect = "Opening words of a letter.\n" + passage + "\nYours sincerely.";
        for (IndexDensity density : IndexDensity.values()) {
            FileAssessment f = assess(Assessor.of(registry, BoilerplateRule.DEFAULT, density), suspect);
            assertThat(f.matches()).as(density.name()).hasSize(1);
            Match m = f.matches().get(0);
            assertThat(suspect.substring(m.suspectStart(), m.suspectEnd())).isEqualTo(passage.strip());
            assertThat(item.substring(m.itemStart(), m.itemEnd())).isEqualTo(passage.strip());
        }
        Assessor inMemory = new Assessor(registry.loadAll(), registry.scheme(), registry.winnowing(),
                BoilerplateRule.DEFAULT);
        assertThat(assess(inMemory, suspect)).isEqualTo(assess(Assessor.of(registry, BoilerplateRule.DEFAULT),
                suspect));
    }
}
