package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the canary trap and the code parsers with any text: nothing throws, a copy keeps every word outside the
 * variant positions, and reading a copy gives back its choices. Without JAZZER_FUZZ it runs its seeds as a
 * regression test (src/test/resources/.../CanaryFuzzTestInputs).
 */
class CanaryFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void copiesKeepTheirWordsAndReadBackTheirChoices(FuzzedDataProvider data) {
        int salt = data.consumeInt(0, 1000);
        String text = data.consumeRemainingAsString();
        CopyCode.findAll(text);
        QrPayload.parse(text);
        CopyCode.parse(text);

        Canary canary = Canary.of(text);
        String copy = canary.render((site, n) -> (site + salt) % n);
        Canary.Reading reading = canary.read(copy);

        assertThat(canonical(copy)).as("%s%n->%n%s", text, copy).isEqualTo(canonical(text));
        assertThat(reading.observed()).allSatisfy(o ->
                assertThat(o.variant()).isEqualTo((o.site() + salt) % o.variants()));
    }

    private static List<Long> canonical(String text) {
        return Tokens.of(text).stream().map(Tokens.Token::symbol).toList();
    }
}
