package org.custos.material.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WinnowingTest {

    @Test
    void textsShorterThanTTokensHaveNoFingerprints() {
        Winnowing w = new Winnowing(3, 5);
        assertThat(w.fingerprints(new long[] {1, 2, 3, 4})).isEmpty();
        assertThat(w.fingerprints(new long[] {1, 2, 3, 4, 5})).hasSize(1);
    }

    @Test
    void kgramHashesOfASliceWrittenInPlaceEqualThoseOfACopyOfTheSlice() {
        Winnowing w = new Winnowing(3, 5);
        long[] tokens = {11, 22, 33, 44, 55, 66, 77, 88};
        long[] out = new long[10];
        int written = w.kgramHashes(tokens, 2, 7, out, 4);
        assertThat(written).isEqualTo(3);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 7))
                .containsExactly(w.kgramHashes(java.util.Arrays.copyOfRange(tokens, 2, 7)));
        assertThat(w.kgramHashes(tokens, 2, 4, out, 0)).isZero();
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

    @Test
    void selectionKeepsTheRightMostSmallestHashOfEveryWindowWithTiesAndUnsignedOrder() {
        Random random = new Random(5);
        Winnowing w = new Winnowing(3, 7);
        for (int n = 0; n < 500; n++) {
            long[] grams = new long[random.nextInt(60)];
            for (int i = 0; i < grams.length; i++) {
                grams[i] = random.nextInt(6) - 3L;
            }
            assertThat(w.select(grams)).as("grams %s", java.util.Arrays.toString(grams))
                    .containsExactly(everyWindowsMinimum(grams, w.window()));
        }
    }

    @Test
    void theDoubledWinnowingSelectsASubsetAtAboutHalfTheDensity() {
        Random random = new Random(9);
        long[] tokens = new long[20_000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(50);
        }
        Winnowing doubled = Winnowing.DEFAULT.doubled();
        assertThat(doubled).isEqualTo(new Winnowing(7, 24));
        long[] grams = Winnowing.DEFAULT.kgramHashes(tokens);
        int[] fine = Winnowing.DEFAULT.select(grams);
        int[] coarse = doubled.select(grams);
        assertThat(fine).contains(coarse);
        assertThat((double) coarse.length / fine.length).isBetween(0.45, 0.62);
    }

    private static int[] everyWindowsMinimum(long[] grams, int w) {
        List<Integer> out = new ArrayList<>();
        for (int start = 0; start + w <= grams.length; start++) {
            int min = start;
            for (int i = start; i < start + w; i++) {
                if (Long.compareUnsigned(grams[i], grams[min]) <= 0) {
                    min = i;
                }
            }
            if (out.isEmpty() || out.get(out.size() - 1) != min) {
                out.add(min);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
