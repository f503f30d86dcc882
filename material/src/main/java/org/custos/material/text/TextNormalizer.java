package org.custos.material.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * TextNormalizer turns any text, Chinese, Western or mixed, into {@link TokenizedText}: one scheme for every
 * language, so a document mixing both is fingerprinted consistently.
 *
 * <p>Each code point of the original text is folded on its own (Unicode NFKC, which also folds full-width and
 * half-width forms, then lower case), so every token keeps exact code-point offsets into the original text.
 * Han, Hiragana and Katakana characters are one token each (Chinese has no spaces between words); runs of other
 * letters, digits and combining marks form one word token; punctuation, symbols and white space only separate
 * tokens and are otherwise dropped, so changes in punctuation or layout do not change the tokens.
 */
public final class TextNormalizer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextNormalizer() {
    }

    /** Cuts {@code text} into normalized tokens with their code-point offsets in {@code text}. */
    public static TokenizedText tokenize(String text) {
        int n = text.codePointCount(0, text.length());
        Tokens tokens = new Tokens(Math.max(16, n / 4));
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        int wordEnd = -1;
        int cpIndex = 0;
        for (int i = 0; i < text.length(); cpIndex++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String folded = fold(cp);
            for (int j = 0; j < folded.length(); ) {
                int f = folded.codePointAt(j);
                j += Character.charCount(f);
                boolean ideograph = isIdeograph(f);
                if (!ideograph && isWordPart(f)) {
                    if (wordStart < 0) {
                        wordStart = cpIndex;
                    }
                    word.appendCodePoint(f);
                    wordEnd = cpIndex + 1;
                    continue;
                }
                if (wordStart >= 0) {
                    tokens.add(hash(word), wordStart, wordEnd);
                    word.setLength(0);
                    wordStart = -1;
                }
                if (ideograph) {
                    tokens.add(hash(new StringBuilder().appendCodePoint(f)), cpIndex, cpIndex + 1);
                }
            }
        }
        if (wordStart >= 0) {
            tokens.add(hash(word), wordStart, wordEnd);
        }
        return tokens.build(n);
    }

    /** The normalized form of one code point: NFKC, then lower case. */
    static String fold(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        String s = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
        return s.toLowerCase(Locale.ROOT);
    }

    /** True for characters that are tokens on their own: Han ideographs, Hiragana and Katakana. */
    static boolean isIdeograph(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isWordPart(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The 64-bit FNV-1a hash of a normalized token, mixed so that all bits depend on every character. */
    static long hash(CharSequence token) {
        long h = FNV_OFFSET;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** A growing list of tokens. */
    private static final class Tokens {
        private long[] hashes;
        private int[] starts;
        private int[] ends;
        private int count;

        Tokens(int capacity) {
            hashes = new long[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(long hash, int start, int end) {
            if (count == hashes.length) {
                int size = hashes.length * 2;
                hashes = Arrays.copyOf(hashes, size);
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
            }
            hashes[count] = hash;
            starts[count] = start;
            ends[count++] = end;
        }

        TokenizedText build(int codePoints) {
            return new TokenizedText(Arrays.copyOf(hashes, count), Arrays.copyOf(starts, count),
                    Arrays.copyOf(ends, count), codePoints);
        }
    }
}
