package org.custos.material.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
