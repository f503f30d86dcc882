package org.custos.material.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.custos.material.fingerprint.Fingerprint;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.text.TextNormalizer;
import org.custos.material.text.TokenizedText;

/**
 * Fuzz test of normalization and fingerprinting, which see the text of every uploaded document: any text tokenizes
 * into tokens whose code-point spans are inside the text, non-empty and in order (tokens folded from one code point
 * share its span), and winnowing selects fingerprints
 * at valid k-gram positions, in order. Seeds in {@code src/test/resources/.../TextNormalizerFuzzTestInputs/}. To
 * fuzz for longer:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl material -am test -Dtest='TextNormalizerFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TextNormalizerFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void tokenizeAndFingerprint(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TokenizedText tokens = TextNormalizer.tokenize(text);
        int length = text.codePointCount(0, text.length());
        assertThat(tokens.codePoints()).isEqualTo(length);
        int previousStart = 0;
        int previousEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            // one code point may fold into several tokens (a ligature of letters and punctuation), which then
            // share it: spans may overlap, but never go backwards
            assertThat(tokens.starts()[i]).isGreaterThanOrEqualTo(previousStart);
            assertThat(tokens.ends()[i]).isGreaterThan(tokens.starts()[i]).isGreaterThanOrEqualTo(previousEnd)
                    .isLessThanOrEqualTo(length);
            previousStart = tokens.starts()[i];
            previousEnd = tokens.ends()[i];
        }
        Winnowing winnowing = Winnowing.DEFAULT;
        int previous = -1;
        for (Fingerprint f : winnowing.fingerprints(tokens)) {
            assertThat(f.position()).isGreaterThan(previous).isLessThanOrEqualTo(tokens.size() - winnowing.k());
            previous = f.position();
        }
    }
}
