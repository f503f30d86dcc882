package org.custos.material.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void westernTextIsCutIntoWordsWithCodePointOffsets() {
        TokenizedText t = TextNormalizer.tokenize("Hello, world!  Again");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.starts()).containsExactly(0, 7, 15);
        assertThat(t.ends()).containsExactly(5, 12, 20);
        assertThat(t.codePoints()).isEqualTo(20);
    }

    @Test
    void chineseCharactersAreTokensOneByOne() {
        TokenizedText t = TextNormalizer.tokenize("机密文件。");
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.starts()).containsExactly(0, 1, 2, 3);
        assertThat(t.ends()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void mixedTextSplitsWordsFromIdeographs() {
        TokenizedText t = TextNormalizer.tokenize("项目Aurora测试v2");
        assertThat(t.size()).isEqualTo(6);
        assertThat(t.starts()).containsExactly(0, 1, 2, 8, 9, 10);
        assertThat(t.ends()).containsExactly(1, 2, 8, 9, 10, 12);
        assertThat(t.hashes()[2]).isEqualTo(TextNormalizer.tokenize("aurora").hashes()[0]);
    }

    @Test
    void caseWidthPunctuationAndWhitespaceAreFolded() {
        long[] plain = TextNormalizer.tokenize("the injector plate 42").hashes();
        assertThat(TextNormalizer.tokenize("THE  Injector\n\tplate, ４２!").hashes()).containsExactly(plain);
        assertThat(TextNormalizer.tokenize("ｔｈｅ　ｉｎｊｅｃｔｏｒ　ｐｌａｔｅ　４２").hashes()).containsExactly(plain);
        assertThat(TextNormalizer.tokenize("机密，文件").hashes())
                .containsExactly(TextNormalizer.tokenize("机密 文件").hashes());
    }

    @Test
    void offsetsCountCodePointsNotChars() {
        TokenizedText t = TextNormalizer.tokenize("\uD840\uDC00 ab");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.starts()).containsExactly(0, 2);
        assertThat(t.ends()).containsExactly(1, 4);
        assertThat(t.codePoints()).isEqualTo(4);
    }

    @Test
    void textWithoutLettersHasNoTokens() {
        assertThat(TextNormalizer.tokenize(" ,.;!? \n —").size()).isZero();
    }

    @Test
    void theFastPathCutsExactlyAsFoldingEachCodePointDoes() {
        String alphabet = "abcXYZ019 ,.\n\tÄéß机密文件。，ＡＢＣ４２　ﬁİΣς½㈱ー카\u0301\u00A0\uD840\uDC00\uD835\uDC00—'";
        int[] cps = alphabet.codePoints().toArray();
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            assertThat(TextNormalizer.tokenize(text.toString())).as(text.toString())
                    .isEqualTo(reference(text.toString()));
        }
    }

    /** Tokenizes one code point at a time through fold, the plainest statement of the scheme. */
    private static TokenizedText reference(String text) {
        List<long[]> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        int wordEnd = -1;
        int index = 0;
        for (int cp : text.codePoints().toArray()) {
            String folded = TextNormalizer.fold(cp);
            for (int f : folded.codePoints().toArray()) {
                boolean ideograph = TextNormalizer.isIdeograph(f);
                boolean part = Character.isLetterOrDigit(f) || Character.getType(f) == Character.NON_SPACING_MARK
                        || Character.getType(f) == Character.COMBINING_SPACING_MARK
                        || Character.getType(f) == Character.ENCLOSING_MARK;
                if (!ideograph && part) {
                    wordStart = wordStart < 0 ? index : wordStart;
                    word.appendCodePoint(f);
                    wordEnd = index + 1;
                    continue;
                }
                if (wordStart >= 0) {
                    out.add(new long[] {TextNormalizer.hash(word), wordStart, wordEnd});
                    word.setLength(0);
                    wordStart = -1;
                }
                if (ideograph) {
                    out.add(new long[] {TextNormalizer.hash(new StringBuilder().appendCodePoint(f)), index, index + 1});
                }
            }
            index++;
        }
        if (wordStart >= 0) {
            out.add(new long[] {TextNormalizer.hash(word), wordStart, wordEnd});
        }
        return new TokenizedText(out.stream().mapToLong(t -> t[0]).toArray(),
                out.stream().mapToInt(t -> (int) t[1]).toArray(), out.stream().mapToInt(t -> (int) t[2]).toArray(),
                index);
    }
}
