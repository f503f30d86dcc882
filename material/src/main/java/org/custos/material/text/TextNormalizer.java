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
        int length = text.length();
        char[] chars = length <= KEPT_CHARS ? CHARS.get() : new char[length];
        if (chars.length < length) {
            chars = new char[Math.max(length, Math.min(KEPT_CHARS, 2 * chars.length))];
            CHARS.set(chars);
        }
        text.getChars(0, length, chars, 0);
        Tokens tokens = length <= KEPT_CHARS ? TOKENS.get().clear() : new Tokens(Math.max(16, length / 4));
        long word = FNV_OFFSET;
        int wordStart = -1;
        int wordEnd = -1;
        int cpIndex = 0;
        for (int i = 0; i < length; cpIndex++) {
            char c = chars[i];
            int info = info(c);
            int kind = info & KIND;
            if (kind == WORD) {
                if (wordStart < 0) {
                    wordStart = cpIndex;
                }
                word = (word ^ (info & 0xFFFF)) * FNV_PRIME;
                wordEnd = cpIndex + 1;
                i++;
                continue;
            }
            if (kind != COMPLEX) {
                if (wordStart >= 0) {
                    tokens.add(mix(word), wordStart, wordEnd);
                    word = FNV_OFFSET;
                    wordStart = -1;
                }
                if (kind == IDEOGRAPH) {
                    tokens.add(mix((FNV_OFFSET ^ (info & 0xFFFF)) * FNV_PRIME), cpIndex, cpIndex + 1);
                }
                i++;
                continue;
            }
            int cp = Character.codePointAt(chars, i, length);
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
                    word = step(word, f);
                    wordEnd = cpIndex + 1;
                    continue;
                }
                if (wordStart >= 0) {
                    tokens.add(mix(word), wordStart, wordEnd);
                    word = FNV_OFFSET;
                    wordStart = -1;
                }
                if (ideograph) {
                    tokens.add(mix(step(FNV_OFFSET, f)), cpIndex, cpIndex + 1);
                }
            }
        }
        if (wordStart >= 0) {
            tokens.add(mix(word), wordStart, wordEnd);
        }
        TokenizedText out = tokens.build(cpIndex);
        if (tokens.hashes.length > KEPT_TOKENS) {
            TOKENS.remove();
        }
        return out;
    }

    /** The most tokens whose lists a thread keeps for the next text (16 bytes each). */
    private static final int KEPT_TOKENS = 1 << 17;

    /*
     * The fast path: the fold and class of each UTF-16 unit that is not a surrogate are worked out once per JVM and
     * kept in INFO (0 = not yet known): SEPARATOR (folds to one character that only separates), WORD or IDEOGRAPH
     * (folds to the one character in the low 16 bits), or COMPLEX (folds to several characters or none, handled by
     * the general loop above). Both paths hash a token exactly as hash(CharSequence) hashes its folded characters.
     */
    private static final int SEPARATOR = 1 << 16;
    private static final int WORD = 2 << 16;
    private static final int IDEOGRAPH = 3 << 16;
    private static final int COMPLEX = 4 << 16;
    private static final int KIND = 7 << 16;
    private static final int[] INFO = new int[1 << 16];

    static {
        // a surrogate is half a code point: always the general loop
        Arrays.fill(INFO, Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1, COMPLEX);
    }

    /** Each thread's token lists, reused (only the final, exact-length arrays are new for each text). */
    private static final ThreadLocal<Tokens> TOKENS = ThreadLocal.withInitial(() -> new Tokens(1024));

    /** Each thread's copy of the text being tokenized (kept up to KEPT_CHARS chars), read faster than charAt. */
    private static final int KEPT_CHARS = 1 << 20;
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[4096]);

    private static int info(char c) {
        int info = INFO[c];
        if (info == 0) {
            String folded = fold(c);
            if (folded.length() != 1 || Character.isSurrogate(folded.charAt(0))) {
                info = COMPLEX;
            } else {
                char f = folded.charAt(0);
                info = isIdeograph(f) ? IDEOGRAPH | f : isWordPart(f) ? WORD | f : SEPARATOR;
            }
            INFO[c] = info;
        }
        return info;
    }

    private static long step(long h, int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return (h ^ codePoint) * FNV_PRIME;
        }
        h = (h ^ Character.highSurrogate(codePoint)) * FNV_PRIME;
        return (h ^ Character.lowSurrogate(codePoint)) * FNV_PRIME;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
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
        return mix(h);
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

        Tokens clear() {
            count = 0;
            return this;
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
