package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void matchesStemsOnlyAtTheStartOfAWord() {
        PhraseMatcher stems = new PhraseMatcher(List.of("keylog", "spector"), false);

        assertThat(stems.any("download Keylogger.exe", 100)).isTrue();
        assertThat(stems.any("http://x.com/files/SPECTOR-pro", 100)).isTrue();
        assertThat(stems.any("the building inspector", 100)).isFalse();
        assertThat(stems.any("akeylogger 9keylog", 100)).isFalse();
    }

    @Test
    void matchesWholeWordsOnlyWhenAsked() {
        PhraseMatcher words = new PhraseMatcher(List.of("job", "cv"), true);

        assertThat(words.countDistinct("job, jobs, jobsite; my CV", 8, 100)).isEqualTo(2);
        assertThat(words.countDistinct("jobsite cvs", 8, 100)).isZero();
    }

    @Test
    void countsEachPhraseOnceAndStopsAtTheLimit() {
        PhraseMatcher words = new PhraseMatcher(List.of("a", "b", "c"), true);

        assertThat(words.countDistinct("a a a a", 8, 100)).isEqualTo(1);
        assertThat(words.countDistinct("a b c", 2, 100)).isEqualTo(2);
    }

    @Test
    void readsOnlyTheFirstCharactersAsked() {
        PhraseMatcher words = new PhraseMatcher(List.of("job"), true);

        assertThat(words.any("12345 job", 9)).isTrue();
        assertThat(words.any("12345 job", 8)).isFalse();
    }

    @Test
    void foldsCaseOutsideAsciiToo() {
        PhraseMatcher words = new PhraseMatcher(List.of("résumé", "简历"), true);

        assertThat(words.countDistinct("RÉSUMÉ attached; 简历 too", 8, 100)).isEqualTo(2);
    }

    @Test
    void findsWholeWordsAndStemsInOneScan() {
        PhraseMatcher both = new PhraseMatcher(List.of("job", "cv"), List.of("keylog", "job"));

        long found = both.found("jobs page with a keylogger and my CV", 100);

        assertThat(Long.bitCount(found & both.wordBits())).isEqualTo(1);
        assertThat(found & both.stemBits()).isEqualTo(both.stemBits());
    }

    @Test
    void refusesMoreThanSixtyFourPhrases() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add("w" + i);
        }

        assertThatThrownBy(() -> new PhraseMatcher(many, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 64 phrases are supported, got 65");
    }

    @Provide
    Arbitrary<Set<String>> phrases() {
        Arbitrary<String> first = Arbitraries.strings().withChars("abA").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars("abA -").ofMaxLength(4);
        return net.jqwik.api.Combinators.combine(first, rest).as(String::concat).set().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB -é").ofMaxLength(30);
    }

    @Property(tries = 3000)
    void countsTheSameAsANaiveSearch(@ForAll("phrases") Set<String> phrases, @ForAll("texts") String text,
            @ForAll boolean wholeWord) {
        PhraseMatcher matcher = new PhraseMatcher(phrases, wholeWord);

        assertThat(matcher.countDistinct(text, 8, 20)).isEqualTo(naiveCount(phrases, text, wholeWord, 8, 20));
    }

    private static int naiveCount(Set<String> phrases, String text, boolean wholeWord, int limit, int maxChars) {
        String folded = text.toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String p = phrase.toLowerCase(Locale.ROOT);
            for (int start = folded.indexOf(p); start >= 0; start = folded.indexOf(p, start + 1)) {
                int end = start + p.length();
                boolean startsWord = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
                boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (end <= Math.min(maxChars, text.length()) && startsWord && (!wholeWord || endsWord)) {
                    found.add(p);
                }
            }
        }
        return Math.min(limit, found.size());
    }
}
