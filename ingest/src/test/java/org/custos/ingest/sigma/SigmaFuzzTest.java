package org.custos.ingest.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import org.custos.core.event.FileActivity;
import org.custos.core.rule.DetectionRule;

/**
 * Fuzz test of the Sigma loader: any text gives rules and problems, never an exception; every problem has a line
 * and a one-line message, and every rule it accepts can be evaluated.
 *
 * <p>In a normal build this runs once per seed in {@code src/test/resources/.../SigmaFuzzTestInputs/}. To fuzz for
 * longer: {@code JAZZER_FUZZ=1 ./mvnw -pl ingest -am test -Dtest='SigmaFuzzTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SigmaFuzzTest {

    private static final FileActivity EVENT = new FileActivity("f", Instant.EPOCH, "u", "h", "C:\\x.pdf",
            FileActivity.Action.COPY, true, false, "words");

    @FuzzTest(maxDuration = "5m")
    void loadsAnyText(String yaml) {
        if (yaml == null) {
            return;
        }
        SigmaRuleSet set = SigmaLoader.parse("fuzz.yml", yaml);
        for (SigmaProblem p : set.problems()) {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).isNotBlank().doesNotContain("\n");
        }
        for (DetectionRule rule : set.rules()) {
            rule.condition().matches(EVENT);
        }
    }
}
