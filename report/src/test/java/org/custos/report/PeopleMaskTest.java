package org.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeopleMaskTest {

    final PeopleMask mask = new PeopleMask(Map.of("qix0001", "QIX0001", "qi wen", "QIX0001",
            "qi.wen@example.org", "QIX0001", "cns6044", "CNS6044", "carl nash", "CNS6044"), u -> "P-" + u.hashCode());

    @Test
    void masksIdsNamesAndAddressesOfEveryoneNotVisible() {
        String text = "QIX0001@1265728508: first logon to PC-8046, the machine of CNS6044; mail from "
                + "qi.wen@example.org to Carl Nash; file R:\\home\\qix0001.pdf";

        String masked = mask.mask(text, Set.of());

        assertThat(masked).doesNotContainIgnoringCase("QIX0001").doesNotContain("CNS6044", "Carl Nash", "qi.wen")
                .contains("P-" + "QIX0001".hashCode() + "@1265728508", "PC-8046");
        assertThat(mask.mask(text, Set.of("QIX0001"))).contains("QIX0001@1265728508", "qi.wen@example.org")
                .doesNotContain("CNS6044", "Carl Nash");
    }

    @Test
    void leavesLongerWordsThatContainAnIdAlone() {
        assertThat(mask.mask("XQIX00012 and CNS60445", Set.of())).isEqualTo("XQIX00012 and CNS60445");
    }

    @Test
    void prefersTheLongestTokenAndKeepsTheRestOfTheText() {
        PeopleMask m = new PeopleMask(Map.of("ann", "A1", "ann lee", "A1", "ann.lee@x.org", "A1", "bob", "B2"),
                u -> "<" + u + ">");

        assertThat(m.mask("Ann Lee wrote to ann.lee@x.org, cc Bob_ and bob; annex, Bob.", Set.of()))
                .isEqualTo("<A1> wrote to <A1>, cc Bob_ and <B2>; annex, <B2>.");
        assertThat(m.mask("ANN.LEE@X.ORG", Set.of("A1"))).isEqualTo("ANN.LEE@X.ORG");
        assertThat(m.mask("", Set.of())).isEmpty();
        assertThat(m.mask("İstanbul ann", Set.of())).isEqualTo("İstanbul <A1>");
    }

    @Test
    void matchesWhatOneRegularExpressionOfAllTokensWouldMatch() {
        Map<String, String> tokens = Map.of("qix0001", "QIX0001", "qi wen", "QIX0001", "qi.wen@example.org",
                "QIX0001", "cns6044", "CNS6044", "carl nash", "CNS6044", "carl", "CNS6044");
        PeopleMask m = new PeopleMask(tokens, u -> "P-" + u);
        java.util.List<String> sorted = new java.util.ArrayList<>(tokens.keySet());
        sorted.sort(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_])(?:"
                + String.join("|", sorted.stream().map(java.util.regex.Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}_])", java.util.regex.Pattern.CASE_INSENSITIVE
                | java.util.regex.Pattern.UNICODE_CASE);
        for (String text : java.util.List.of("Carl Nash met carl and CarlNash at 9; qi wen, QI WEN2, x_qix0001",
                "mail qi.wen@example.org.cn to cns6044@host 'cns6044' (carl)", "noone here", "carl nashville",
                "第二 carl，qix0001。")) {
            java.util.regex.Matcher r = reference.matcher(text);
            StringBuilder expected = new StringBuilder();
            while (r.find()) {
                r.appendReplacement(expected, java.util.regex.Matcher.quoteReplacement(
                        "P-" + tokens.get(r.group().toLowerCase(java.util.Locale.ROOT))));
            }
            r.appendTail(expected);
            assertThat(m.mask(text, Set.of())).as(text).isEqualTo(expected.toString());
        }
    }
}
