package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryTest {

    private final Canary canary = Canary.of(MarkFixtures.TEXT);
    private final Marking marking = new Marking(MarkFixtures.KEY, null);

    @Test
    void findsWordAndCommaSitesInOrdinaryProse() {
        assertThat(canary.siteCount()).isGreaterThanOrEqualTo(30);
        assertThat(canary.sites()).extracting(Canary.Site::kind).contains(Canary.Kind.WORD, Canary.Kind.COMMA);
    }

    @Test
    void copiesDifferFromEachOtherButKeepEveryWordOutsideTheSites() {
        String a = marking.variantText(canary, MarkFixtures.ITEM.summary().id(), "AAAAAAAA");
        String b = marking.variantText(canary, MarkFixtures.ITEM.summary().id(), "BBBBBBBB");

        assertThat(a).isNotEqualTo(b).isNotEqualTo(MarkFixtures.TEXT);
        assertThat(Canary.of(a).siteCount()).isPositive();
        assertThat(canonical(a)).isEqualTo(canonical(MarkFixtures.TEXT)).isEqualTo(canonical(b));
    }

    @Test
    void rewritesSpellingSynonymAndCommaVariantsKeepingCapitals() {
        Canary small = Canary.of("Therefore, we organise the centre. It is quite often very late, and the staff are tired today.");

        String zero = small.render((site, n) -> 0);
        String one = small.render((site, n) -> Math.min(1, n - 1));

        assertThat(zero).isEqualTo("Therefore we organise the centre. It is quite often very late and the staff are tired today.");
        assertThat(one).isEqualTo("Thus, we organize the center. It is quite frequently very late, and the staff are tired today.");
    }

    @Test
    void readsBackEveryChoiceOfACopy() {
        String copy = marking.variantText(canary, "item", "CCCCCCCC");
        MarkKey.Chooser chooser = MarkFixtures.KEY.chooser("item", "CCCCCCCC");

        Canary.Reading reading = canary.read(copy);

        assertThat(reading.observed()).hasSize(canary.siteCount());
        assertThat(reading.observed()).allSatisfy(o ->
                assertThat(o.variant()).isEqualTo(chooser.choice(o.site(), o.variants())));
    }

    @Test
    void readsAnExcerptWithoutLayoutAndWithTypos() {
        String copy = marking.variantText(canary, "item", "DDDDDDDD");
        String excerpt = copy.substring(copy.indexOf("nobody may take"), copy.indexOf("Visitors are never"))
                .replaceAll("\\s+", " ").replace("security office", "secutiry office");

        Canary.Reading reading = canary.read(excerpt);

        assertThat(reading.observed().size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void namesTheRightCopyAmongAThousandFromARetypedExcerpt() {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            copies.add(String.format("%08d", i));
        }
        String copy = marking.variantText(canary, "item", copies.get(417));
        String retyped = copy.substring(copy.indexOf("describes how"), copy.indexOf("partners"))
                .replaceAll("\\s+", " ");

        CanaryFinding finding = new CanaryTrace(MarkFixtures.KEY).trace(canary, "item", copies, retyped);

        assertThat(finding.identified()).isEqualTo("00000417");
        assertThat(finding.chance()).isLessThan(0.001);
    }

    @Test
    void namesNobodyForTheUnmarkedOriginalText() {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            copies.add(String.format("%08d", i));
        }

        CanaryFinding finding = new CanaryTrace(MarkFixtures.KEY).trace(canary, "item", copies, MarkFixtures.TEXT);

        assertThat(finding.sitesRead()).isEqualTo(canary.siteCount());
        assertThat(finding.identified()).isNull();
    }

    private static List<Long> canonical(String text) {
        return Tokens.of(text).stream().map(Tokens.Token::symbol).toList();
    }
}
