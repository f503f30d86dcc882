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
 * scan allocates nothing; it is not thread-safe (it reuses a buffer). At most 64 phrases.
 */
final class PhraseMatcher {

    private static final int ASCII = 128;
    private static final boolean[] WORD = new boolean[ASCII];

    static {
        for (int c = 0; c < ASCII; c++) {
            WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private final boolean wholeWord;
    private final int[] edges;
    private final List<Map<Character, Integer>> wide = new ArrayList<>();
    private final int[] phraseIndex;
    private char[] buffer = new char[1024];

    /**
     * Builds a matcher.
     *
     * @param wholeWord true to require a match to end at a word end as well as start at a word start
     */
    PhraseMatcher(Collection<String> phrases, boolean wholeWord) {
        this.wholeWord = wholeWord;
        List<int[]> trie = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        addState(trie, indices);
        int index = 0;
        for (String phrase : phrases) {
            String p = phrase.toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            int state = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                int next = c < ASCII ? trie.get(state)[c] : wide.get(state).getOrDefault(c, -1);
                if (next < 0) {
                    next = addState(trie, indices);
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
        if (index > 64) {
            throw new IllegalArgumentException("at most 64 phrases are supported, got " + index);
        }
        this.phraseIndex = indices.stream().mapToInt(Integer::intValue).toArray();
        this.edges = new int[trie.size() * ASCII];
        for (int s = 0; s < trie.size(); s++) {
            System.arraycopy(trie.get(s), 0, edges, s * ASCII, ASCII);
        }
    }

    private int addState(List<int[]> trie, List<Integer> indices) {
        int[] row = new int[ASCII];
        Arrays.fill(row, -1);
        trie.add(row);
        wide.add(new HashMap<>(2));
        indices.add(-1);
        return trie.size() - 1;
    }

    private static boolean isWordChar(char c) {
        return c < ASCII ? WORD[c] : Character.isLetterOrDigit(c);
    }

    private int step(int state, char c) {
        if (c < ASCII) {
            return edges[state * ASCII + (c >= 'A' && c <= 'Z' ? c + 32 : c)];
        }
        Integer next = wide.get(state).get(Character.toLowerCase(c));
        return next == null ? -1 : next;
    }

    /**
     * Counts the distinct phrases found in the first {@code maxChars} characters of {@code text}, stopping at
     * {@code limit}; a phrase found several times counts once.
     */
    int countDistinct(String text, int limit, int maxChars) {
        int n = Math.min(text.length(), maxChars);
        if (buffer.length < n) {
            buffer = new char[Math.max(n, buffer.length * 2)];
        }
        char[] chars = buffer;
        text.getChars(0, n, chars, 0);
        long seen = 0;
        int found = 0;
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(chars[i])) {
                i++;
            }
            int state = 0;
            for (int j = i; j < n; j++) {
                state = step(state, chars[j]);
                if (state < 0) {
                    break;
                }
                int phrase = phraseIndex[state];
                if (phrase >= 0 && (!wholeWord || j + 1 >= text.length() || !isWordChar(text.charAt(j + 1)))) {
                    long bit = 1L << phrase;
                    if ((seen & bit) == 0) {
                        seen |= bit;
                        if (++found >= limit) {
                            return found;
                        }
                    }
                }
            }
            while (i < n && isWordChar(chars[i])) {
                i++;
            }
        }
        return found;
    }

    /** True when the text (its first {@code maxChars} characters) contains at least one match. */
    boolean any(String text, int maxChars) {
        return countDistinct(text, 1, maxChars) > 0;
    }
}
