package org.custos.material.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WinnowingTest {

    @Test
    void textsShorterThanTTokensHaveNoFingerprints() {
        Winnowing w = new Winnowing(3, 5);
        assertThat(w.fingerprints(new long[] {1, 2, 3, 4})).isEmpty();
        assertThat(w.fingerprints(new long[] {1, 2, 3, 4, 5})).hasSize(1);
    }

    @Test
    void theWindowIsTMinusKPlusOne() {
        assertThat(new Winnowing(7, 15).window()).isEqualTo(9);
    }

    @Test
    void rejectsKLargerThanT() {
        assertThatThrownBy(() -> new Winnowing(8, 5)).hasMessageContaining("k=8").hasMessageContaining("t=5");
    }

    @Test
    void selectsFarFewerFingerprintsThanKgramsOnLongText() {
        long[] tokens = new long[10_000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i * 2654435761L;
        }
        int selected = Winnowing.DEFAULT.fingerprints(tokens).size();
        assertThat(selected).isBetween(1000, 4000);
    }
}
