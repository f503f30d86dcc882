package org.custos.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashSet;
import java.util.Set;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;

/**
 * Fuzz test of the classification scheme's text form: any text either parses into a scheme with an id and levels
 * ranked 1..n with distinct lower-case ids, or is refused with an {@link IllegalArgumentException} whose every line
 * names the source. Seeds in {@code src/test/resources/.../ClassificationSchemeFuzzTestInputs/}. To fuzz for longer:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest='ClassificationSchemeFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ClassificationSchemeFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ClassificationScheme scheme;
        try {
            scheme = ClassificationScheme.parse(text, "scheme.txt");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage().split("\n", -1)).allSatisfy(line -> assertThat(line).startsWith("scheme.txt"));
            return;
        }
        assertThat(scheme.id()).isNotBlank();
        assertThat(scheme.levels()).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scheme.levels().size(); i++) {
            ClassificationLevel level = scheme.levels().get(i);
            assertThat(level.rank()).isEqualTo(i + 1);
            assertThat(ids.add(level.id())).as("distinct id " + level.id()).isTrue();
            assertThat(scheme.level(level.id())).isEqualTo(level);
        }
    }
}
