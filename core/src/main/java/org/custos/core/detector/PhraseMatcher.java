package org.custos.core.detector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A PhraseMatcher finds a fixed set of phrases in text, ignoring case, where each match must start at the
 * beginning of a word and, for whole words, end at the end of one.
 *
 * <p>Because every match starts at a word start, the scan walks a trie from the root at each word start and skips
 * the rest of the word: most words leave the trie at their first or second character, so a text is read about
 * once. ASCII edges are array lookups; other characters use a map. A word character is a letter or a digit. The
 * scan allocates nothing and is thread-safe. At most 64 phrases.
 */
final class PhraseMatcher {

    private static final int ASCII = 128;
    private static final boolean[] WORD = new boolean[ASCII];
    private static final char[] LOWER = new char[ASCII];

    static {
        for (int c = 0; c < ASCII; c++) {
            WORD[c] = Character.isLetterOrDigit(c);
            LOWER[c] = (char) Character.toLowerCase(c);
        }
    }

    private final int[] edges;
    private final List<Map<Character, Integer>> wide = new ArrayList<>();
    private final int[] wordIndex;
    private final int[] stemIndex;
    private final long wordBits;
    private final long stemBits;

    /**
     * Builds a matcher of one kind of phrase.
     *
     * @param wholeWord true to require a match to end at a word end as well as start at a word start
     */
    PhraseMatcher(Collection<String> phrases, boolean wholeWord) {
        this(wholeWord ? phrases : List.of(), wholeWord ? List.of() : phrases);
    }

    /**
     * Builds a matcher of whole words and of stems (which match at the start of a word). Bits of {@link #found}
     * number the distinct whole words first, in order, then the stems.
     */
    PhraseMatcher(Collection<String> wholeWords, Collection<String> stems) {
        List<int[]> trie = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        List<Integer> stemList = new ArrayList<>();
        addState(trie, words, stemList);
        int index = 0;
        int firstStem = 0;
        for (int kind = 0; kind < 2; kind++) {
            List<Integer> indices = kind == 0 ? words : stemList;
            if (kind == 1) {
                firstStem = index;
            }
            for (String phrase : kind == 0 ? wholeWords : stems) {
                String p = phrase.toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                int state = 0;
                for (int i = 0; i < p.length(); i++) {
                    char c = p.charAt(i);
                    int next = c < ASCII ? trie.get(state)[c] : wide.get(state).getOrDefault(c, -1);
                    if (next < 0) {
                        next = addState(trie, words, stemList);
                        if (c < ASCII) {
                            trie.get(state)[c] = next;
                        } else {
                            wide.get(state).put(c, next);
                        }
                    }
                    state = next;
                }
                if (indices.get(state) < 0) {
                    indices.set(state, index++);
                }
            }
        }
        if (index > 64) {
            throw new IllegalArgumentException("at most 64 phrases are supported, got " + index);
        }
        this.wordIndex = words.stream().mapToInt(Integer::intValue).toArray();
        this.stemIndex = stemList.stream().mapToInt(Integer::intValue).toArray();
        this.wordBits = bits(0, firstStem);
        this.stemBits = bits(firstStem, index);
        this.edges = new int[trie.size() * ASCII];
        for (int s = 0; s < trie.size(); s++) {
            System.arraycopy(trie.get(s), 0, edges, s * ASCII, ASCII);
        }
    }

    private static long bits(int from, int to) {
        long mask = 0;
        for (int i = from; i < to; i++) {
            mask |= 1L << i;
        }
        return mask;
    }

    /** The bits of {@link #found} that stand for whole words. */
    long wordBits() {
        return wordBits;
    }

    /** The bits of {@link #found} that stand for stems. */
    long stemBits() {
        return stemBits;
    }

    private int addState(List<int[]> trie, List<Integer> words, List<Integer> stems) {
        int[] row = new int[ASCII];
        Arrays.fill(row, -1);
        trie.add(row);
        wide.add(new HashMap<>(2));
        words.add(-1);
        stems.add(-1);
        return trie.size() - 1;
    }

    private static boolean isWordChar(char c) {
        return c < ASCII ? WORD[c] : Character.isLetterOrDigit(c);
    }

    private int step(int state, char c) {
        if (c < ASCII) {
            return edges[state * ASCII + LOWER[c]];
        }
        Integer next = wide.get(state).get(Character.toLowerCase(c));
        return next == null ? -1 : next;
    }

    /**
     * Counts the distinct phrases found in the first {@code maxChars} characters of {@code text}, at most
     * {@code limit}; a phrase found several times counts once.
     */
    int countDistinct(String text, int limit, int maxChars) {
        return Math.min(limit, Long.bitCount(found(text, maxChars)));
    }

    /** True when the text (its first {@code maxChars} characters) contains at least one match. */
    boolean any(String text, int maxChars) {
        return found(text, maxChars) != 0;
    }

    /**
     * The set of distinct phrases found in the first {@code maxChars} characters of {@code text}, as bits
     * numbered like the constructor's phrases.
     *
     * <p>One pass: at each word start the trie walk reads on until it leaves the trie; the scan then goes on from
     * the end of that word (the first non-word character the walk passed, or by skipping the rest of the word),
     * so each character is read about once.
     */
    long found(String text, int maxChars) {
        int length = text.length();
        int n = Math.min(length, maxChars);
        long seen = 0;
        int i = 0;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int state = 0;
            int wordEnd = -1;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (wordEnd < 0 && !isWordChar(c)) {
                    wordEnd = j;
                }
                state = step(state, c);
                if (state < 0) {
                    break;
                }
                int stem = stemIndex[state];
                if (stem >= 0) {
                    seen |= 1L << stem;
                }
                int word = wordIndex[state];
                if (word >= 0 && (j + 1 >= length || !isWordChar(text.charAt(j + 1)))) {
                    seen |= 1L << word;
                }
                j++;
            }
            if (wordEnd >= 0) {
                i = wordEnd;
            } else {
                i = j;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
            }
        }
        return seen;
    }
}
