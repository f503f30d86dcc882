package org.custos.material.mark;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * ChineseWords segments Chinese (Simplified) text into words with ICU's dictionary-based word break iterator, the
 * segmenter canary rules version 4 use to tell whether a variant form stands as a word of its own (ADR 0015). The
 * rules depend on the segmentation of the ICU version the build pins (a golden test fixes the sites of the test
 * texts, so an upgrade that changes them fails the build and needs a new rules version).
 */
final class ChineseWords {

    private static final BreakIterator PROTOTYPE = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
    private static final ThreadLocal<BreakIterator> WORDS = ThreadLocal.withInitial(
            () -> (BreakIterator) PROTOTYPE.clone());

    private ChineseWords() {
    }

    /**
     * The word boundaries of a text: {@code result[k]} is true when a word starts or ends at code unit {@code k}
     * ({@code result} has {@code text.length() + 1} entries; both ends of the text are boundaries).
     */
    static boolean[] boundaries(String text) {
        BreakIterator words = WORDS.get();
        words.setText(text);
        boolean[] out = new boolean[text.length() + 1];
        for (int b = words.first(); b != BreakIterator.DONE; b = words.next()) {
            out[b] = true;
        }
        return out;
    }

    /** True when {@code [start, end)} is exactly one word under the given boundaries. */
    static boolean oneWord(boolean[] boundaries, int start, int end) {
        if (!boundaries[start] || !boundaries[end]) {
            return false;
        }
        for (int k = start + 1; k < end; k++) {
            if (boundaries[k]) {
                return false;
            }
        }
        return true;
    }
}
