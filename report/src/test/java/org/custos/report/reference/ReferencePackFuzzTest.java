package org.custos.report.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz test of the reference pack reader (the JSON file {@code --references FILE} names): any bytes either give a
 * pack with an id, a title and references, or a {@link ReferencePackException} whose first line names the file and
 * whose every further line is one problem at a field path. Without JAZZER_FUZZ it runs its seeds
 * ({@code src/test/resources/.../ReferencePackFuzzTestInputs/}); to fuzz for longer see CONTRIBUTING.md.
 */
class ReferencePackFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] bytes) {
        ReferencePack pack;
        try {
            pack = ReferencePacks.parse("pack.json", bytes);
        } catch (ReferencePackException e) {
            String[] lines = e.getMessage().split("\n", -1);
            assertThat(lines[0]).startsWith("pack.json");
            for (int i = 1; i < lines.length; i++) {
                assertThat(lines[i]).as("problem line %d of %s", i, e.getMessage())
                        .matches("  (format|id|title|notice|references(\\[\\d+](\\.\\w+)?)?): .*");
            }
            return;
        }
        assertThat(pack.id()).isNotBlank();
        assertThat(pack.title()).isNotBlank();
        assertThat(pack.references()).isNotEmpty();
    }
}
