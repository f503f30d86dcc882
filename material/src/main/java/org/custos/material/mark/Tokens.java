package org.custos.material.mark;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokens are the words of a text as the canary trap sees them: runs of letters and digits, joined by inner
 * apostrophes and hyphens ({@code can't}, {@code e-mail}), each with its code-unit span, its lower-case NFKC form,
 * its canonical symbol (the {@link Variants} group for a variant form, else the word) and whether a comma
 * follows it.
 */
final class Tokens {

    /** One token. */
    record Token(int start, int end, String word, long symbol, boolean commaAfter, boolean sentenceStart,
            Gap gap) {
    }

    /**
     * What lies between a token and the next: only spaces, a comma and then spaces, or anything else (including
     * nothing, or a comma with no space after it, whose removal would join two words).
     */
    enum Gap { SPACE, COMMA, OTHER }

    private Tokens() {
    }

    private static Gap gap(String text, int from) {
        int commas = 0;
        boolean spaces = false;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                break;
            }
            if (c == ' ' || c == '\n' || c == '\u00a0') {
                spaces = true;
            } else if (c == ',' && !spaces && commas == 0) {
                commas++;
            } else {
                return Gap.OTHER;
            }
        }
        if (!spaces) {
            return Gap.OTHER;
        }
        return commas == 1 ? Gap.COMMA : Gap.SPACE;
    }

    /** The tokens of a text. */
    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>(text.length() / 5);
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || (c == '\n' && i + 1 < n
                        && text.charAt(i + 1) == '\n')) {
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            int end = i;
            String word = normalize(text.substring(start, end));
            int j = end;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) {
                j++;
            }
            boolean comma = j < n && (text.charAt(j) == ',' || text.charAt(j) == '，');
            Gap gap = gap(text, end);
            Variants.Group g = Variants.groupOf(word);
            long symbol = g != null ? -1L - g.id() : hash(word.equals("an") ? "a" : word);
            out.add(new Token(start, end, word, symbol, comma, sentenceStart, gap));
            sentenceStart = false;
        }
        return out;
    }

    static String normalize(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('’', '\'');
        return s.toLowerCase(Locale.ROOT);
    }

    private static long hash(String word) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < word.length(); k++) {
            h = (h ^ word.charAt(k)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        return h & Long.MAX_VALUE;
    }
}
