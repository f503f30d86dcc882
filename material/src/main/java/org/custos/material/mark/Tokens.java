package org.custos.material.mark;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokens are the words of a text as the canary trap sees them, under one version of its rules: runs of letters and
 * digits, joined by inner apostrophes ({@code can't}) and hyphens ({@code e-mail}), each with its code-unit span,
 * its lower-case NFKC form, its canonical symbol (the {@link Variants} group for a variant form, else the word)
 * and what separates it from the next word.
 *
 * <p>From version 2 on, three more things keep the canonical stream the same whatever a copy chose: a hyphenated
 * compound of plain lower-case words ({@code royalty-free}) is two tokens joined by a {@link Gap#HYPHEN} gap, so
 * that {@code royalty free} reads the same; a multi-word variant form ({@code do not}, {@code with respect to}) is
 * one token; and an optional word ({@code that} after {@code ensure} before a clause, {@code of} in {@code all of
 * the}) is left out of the stream and recorded on the token before it. Quotation marks around a word no longer
 * hide the comma beside it.
 *
 * <p>From version 3 on, each Han character is a token of its own, or a listed two-character word (a Chinese
 * {@link Variants} form, or a connective of {@link #CHINESE_WORDS}) read greedily from the left; next to a Han
 * character nothing or white space is a {@link Gap#SPACE} and one comma, full- or half-width, a {@link Gap#COMMA};
 * {@code 。！？：；} end a sentence. Text without Han characters gives the same tokens as under version 2.
 *
 * <p>From version 4 on, listed Chinese words have up to four characters (the longest listed word at a character
 * is read), and there are more of them: the version-4 variant forms and {@link #CHINESE_WORDS_4}.
 */
final class Tokens {

    /**
     * One token.
     *
     * @param dropped the optional word that followed this token and was left out of the stream, or null
     * @param droppedEnd where that optional word ends (−1 when none)
     */
    record Token(int start, int end, String word, long symbol, boolean commaAfter, boolean sentenceStart,
            Gap gap, String dropped, int droppedEnd) {
    }

    /**
     * What lies between a token and the next: only spaces, a comma and then spaces, a single hyphen inside a
     * compound (version 2 on), or anything else (including nothing, or a comma with no space after it, whose
     * removal would join two words).
     */
    enum Gap { SPACE, COMMA, HYPHEN, OTHER }

    /** Verbs after which a {@code that} opening a clause may be left out (version 2 on). */
    static final Set<String> THAT_VERBS = Set.of("acknowledge", "acknowledges", "acknowledged", "agree", "agrees",
            "agreed", "assume", "assumes", "assumed", "believe", "believes", "believed", "certify", "certifies",
            "certified", "claim", "claims", "claimed", "decide", "decides", "decided", "determine", "determines",
            "determined", "ensure", "ensures", "ensured", "ensuring", "expect", "expects", "expected", "hope",
            "hopes", "indicate", "indicates", "indicated", "know", "knows", "knew", "mean", "means", "meant", "note",
            "notes", "noted", "represent", "represents", "represented", "say", "says", "said", "show", "shows",
            "showed", "state", "states", "stated", "stating", "suggest", "suggests", "suggested", "think",
            "thinks", "thought", "understand", "understands", "understood", "warrant", "warrants", "warranted",
            "demonstrate", "demonstrates", "demonstrated", "prove", "proves", "proved", "explain", "explains",
            "explained", "stipulate", "stipulates", "stipulated", "declare", "declares", "declared", "affirm",
            "affirms", "affirmed", "assert", "asserts", "asserted", "conclude", "concludes", "concluded", "promise",
            "promises", "promised", "guarantee", "guarantees", "guaranteed", "specify", "specifies", "specified");
    /** Words that open a clause after {@code that} (and cannot follow a demonstrative {@code that}). */
    static final Set<String> CLAUSE_SUBJECTS = Set.of("the", "a", "an", "you", "it", "they", "we", "he", "she", "i",
            "this", "these", "those", "such", "there", "your", "its", "their", "our", "his", "her", "each", "every",
            "any", "all", "no", "none", "nothing", "nobody", "anyone", "anybody", "everyone", "everybody", "someone",
            "somebody", "neither", "either");
    /** Forms of <i>be</i> before a participle. */
    static final Set<String> PASSIVE = Set.of("is", "are", "was", "were", "be", "been", "being");
    /** Words before a noun. */
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "which", "these", "those", "any",
            "each",
            "every", "no", "such", "its", "your", "their", "his", "her", "our", "my", "some", "other", "another");
    /** Determiners after which {@code all of} and {@code all} are interchangeable. */
    static final Set<String> OF_DETERMINERS = Set.of("the", "these", "those", "its", "your", "their", "our", "his",
            "her", "my", "this");

    /**
     * Two-character Chinese words read as one token from version 3 on (besides the {@link Variants} forms): the
     * connectives after which a comma is optional at the start of a clause.
     */
    static final Set<String> CHINESE_WORDS = Set.of("此外", "然而", "目前", "同时", "为此", "对此", "总之", "其次",
            "首先");

    private Tokens() {
    }

    /** True for a Han (Chinese) character. */
    static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * Version 4: more connectives and time phrases opening a clause, after which a comma is optional, read as one
     * token each.
     */
    static final Set<String> CHINESE_WORDS_4 = Set.of("但是", "所以", "而且", "并且", "不过", "可是", "然后", "随后",
            "当然", "其实", "另外", "与此同时", "总而言之", "换言之", "事实上", "实际上", "一般来说", "近年来", "近期",
            "近日", "今年以来", "上半年", "下半年", "今后", "此前", "届时", "当前", "最后");

    /** True when Han characters are read as one token under the rules of {@code version} (3 on). */
    static boolean chineseWord(String word, int version) {
        return version >= 3 && (CHINESE_WORDS.contains(word) || version >= 4 && CHINESE_WORDS_4.contains(word)
                || Variants.groupOf(word, version) != null);
    }

    /** Which characters start a listed Chinese word under versions 3, 4 and 6 (built when first needed). */
    private static final class Starts {
        static final boolean[] V3 = starts(3);
        static final boolean[] V4 = starts(4);
        static final boolean[] V6 = starts(6);

        private static boolean[] starts(int version) {
            boolean[] starts = new boolean[Character.MAX_VALUE + 1];
            List<String> words = new ArrayList<>(Variants.formsUpTo(version));
            words.addAll(CHINESE_WORDS);
            if (version >= 4) {
                words.addAll(CHINESE_WORDS_4);
            }
            for (String w : words) {
                if (w.length() >= 2 && han(w.charAt(0))) {
                    starts[w.charAt(0)] = true;
                }
            }
            return starts;
        }
    }

    private static boolean startsListedWord(char c, int version) {
        return (version >= 6 ? Starts.V6 : version >= 4 ? Starts.V4 : Starts.V3)[c];
    }

    /**
     * How many characters from {@code i} (a Han character) make one token: a listed word of two characters
     * (version 3), of up to four, longest first (version 4 on), else the character alone.
     */
    private static int chineseLength(String text, int i, int version) {
        if (!startsListedWord(text.charAt(i), version)) {
            return 1;
        }
        int longest = version >= 4 ? 4 : 2;
        for (int len = Math.min(longest, text.length() - i); len >= 2; len--) {
            if (chineseWord(text.substring(i, i + len), version)) {
                return len;
            }
        }
        return 1;
    }

    /**
     * What lies between a token and the next when either is Han (version 3 on): nothing or white space is a
     * {@link Gap#SPACE} (Chinese has no spaces between words), one comma ({@code ，} or {@code ,}) a
     * {@link Gap#COMMA}, anything else (or the end of the text) {@link Gap#OTHER}.
     */
    private static Gap chineseGap(String text, int from) {
        int commas = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                return commas == 1 ? Gap.COMMA : Gap.SPACE;
            }
            if (c == ',' || c == '，') {
                if (++commas > 1) {
                    return Gap.OTHER;
                }
            } else if (c != ' ' && c != '\n' && c != '\u00a0' && c != '\u3000' && c != '\r') {
                return Gap.OTHER;
            }
        }
        return Gap.OTHER;
    }

    private static Gap gapAfter(String text, int end, int version) {
        if (version >= 3 && end > 0 && end <= text.length()) {
            boolean hanBefore = han(text.charAt(end - 1));
            boolean hanAfter = false;
            for (int k = end; k < text.length(); k++) {
                char c = text.charAt(k);
                if (Character.isLetterOrDigit(c)) {
                    hanAfter = han(c);
                    break;
                }
            }
            if (hanBefore || hanAfter) {
                return chineseGap(text, end);
            }
        }
        return gap(text, end, version);
    }

    private static boolean sentenceEnd(char c, int version) {
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';'
                || version >= 3 && "。！？：；".indexOf(c) >= 0;
    }

    private static boolean quote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '\'' || c == '‘' || c == '’';
    }

    private static Gap gap(String text, int from, int version) {
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
            } else if (version < 2 || !quote(c)) {
                return Gap.OTHER;
            }
        }
        if (!spaces) {
            return Gap.OTHER;
        }
        return commas == 1 ? Gap.COMMA : Gap.SPACE;
    }

    /** One word before phrases are joined and optional words dropped. */
    private record Raw(int start, int end, String word, boolean sentenceStart, Gap gap) {
    }

    /** The tokens of a text under the latest rules. */
    static List<Token> of(String text) {
        return of(text, Canary.VERSION);
    }

    /** The tokens of a text under the rules of {@code version}. */
    static List<Token> of(String text, int version) {
        List<Raw> raw = raw(text, version);
        List<Token> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.get(i);
            int last = i;
            String word = r.word();
            if (version >= 2) {
                for (String[] phrase : Variants.phrasesStartingWith(r.word())) {
                    if (matches(raw, i, phrase)) {
                        last = i + phrase.length - 1;
                        word = String.join(" ", phrase);
                        break;
                    }
                }
            }
            Raw end = raw.get(last);
            Gap gap = end.gap();
            String dropped = null;
            int droppedEnd = -1;
            if (version >= 2 && gap == Gap.SPACE && last + 2 < raw.size()) {
                Raw next = raw.get(last + 1);
                Raw after = raw.get(last + 2);
                String prev = i > 0 ? raw.get(i - 1).word() : "";
                if (next.gap() == Gap.SPACE && !next.sentenceStart() && !after.sentenceStart()
                        && droppable(prev, word, next.word(), after.word())) {
                    dropped = next.word();
                    droppedEnd = next.end();
                    gap = next.gap();
                }
            }
            Variants.Group g = Variants.groupOf(word, version);
            long symbol = g != null ? -1L - g.id() : hash(word.equals("an") ? "a" : word);
            out.add(new Token(r.start(), end.end(), word, symbol, gap == Gap.COMMA, r.sentenceStart(), gap, dropped,
                    droppedEnd));
            i = dropped == null ? last : last + 1;
        }
        return out;
    }

    /**
     * True when {@code word} is an optional word between {@code before} and {@code after}, {@code prev} being the
     * word before {@code before} (version 2 on). A verb that is also a noun ({@code the claim that}) is left alone
     * after a determiner, and a passive one ({@code it is agreed that}) after a form of <i>be</i>.
     */
    static boolean droppable(String prev, String before, String word, String after) {
        if (word.equals("that")) {
            return THAT_VERBS.contains(before) && CLAUSE_SUBJECTS.contains(after) && !DETERMINERS.contains(prev)
                    && !PASSIVE.contains(prev);
        }
        if (word.equals("of")) {
            return (before.equals("all") || before.equals("both")) && OF_DETERMINERS.contains(after);
        }
        return false;
    }

    private static boolean matches(List<Raw> raw, int i, String[] phrase) {
        if (i + phrase.length > raw.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            Raw r = raw.get(i + k);
            if (!r.word().equals(phrase[k]) || k < phrase.length - 1 && r.gap() != Gap.SPACE
                    || k > 0 && r.sentenceStart()) {
                return false;
            }
        }
        return true;
    }

    private static List<Raw> raw(String text, int version) {
        List<Raw> out = new ArrayList<>(text.length() / 5);
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (sentenceEnd(c, version) || (c == '\n' && i + 1 < n
                        && text.charAt(i + 1) == '\n')) {
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            if (version >= 3 && han(c)) {
                int end = i + chineseLength(text, i, version);
                out.add(new Raw(i, end, normalize(text.substring(i, end)), sentenceStart, gapAfter(text, end, version)));
                sentenceStart = false;
                i = end;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                if (version >= 3 && han(d)) {
                    break;
                }
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))
                        && !(version >= 3 && han(text.charAt(i + 1)))) {
                    i++;
                } else {
                    break;
                }
            }
            int end = i;
            String word = normalize(text.substring(start, end));
            int hyphen = word.indexOf('-');
            // the hyphen's place in the text, not in the normalized word: a ligature before it ('Ĳ' to "IJ") makes
            // them differ, and the second word's span must stay on its own letters (found by CanaryFuzzTest)
            int textHyphen = text.indexOf('-', start);
            if (version >= 2 && hyphen > 0 && word.indexOf('-', hyphen + 1) < 0 && compound(word)
                    && Variants.groupOf(word, version) == null && textHyphen > start && textHyphen < end) {
                out.add(new Raw(start, textHyphen, word.substring(0, hyphen), sentenceStart, Gap.HYPHEN));
                out.add(new Raw(textHyphen + 1, end, word.substring(hyphen + 1), false,
                        gapAfter(text, end, version)));
            } else {
                out.add(new Raw(start, end, word, sentenceStart, gapAfter(text, end, version)));
            }
            sentenceStart = false;
        }
        return out;
    }

    /** A compound of two plain words ({@code royalty-free}), which may be written with a space instead. */
    private static boolean compound(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c != '-' && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
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
