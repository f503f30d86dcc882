package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aLigatureBeforeAHyphenRewritesTheVariantOnItsOwnLetters() {
        // found by CanaryFuzzTest: 'Ĳ' normalizes to two letters, and the second word's span started one letter late
        Canary ligature = Canary.of("Ĳganise-organize");

        assertThat(ligature.render((site, n) -> 0)).isEqualTo("Ĳganise-organise");
        assertThat(ligature.render((site, n) -> 1)).isEqualTo("Ĳganise-organize");
    }

    @Test
    void aFormWithAHyphenIsNoSiteInsideAHyphenatedCompoundFromVersion5() {
        // found by CanaryFuzzTest: "non-cooperative" split into two words, and the copy's "non-co-operative" was one
        String text = "The non-cooperative members and the cooperative-minded ones met; cooperative members stayed.";
        Canary v4 = Canary.of(text, 4);

        assertThat(v4.render((site, n) -> 0)).contains("non-co-operative");
        for (Canary later : List.of(Canary.of(text, 5), Canary.of(text))) {
            for (int choice = 0; choice < 2; choice++) {
                int c = choice;
                String copy = later.render((site, n) -> c % n);
                assertThat(copy).contains("non-cooperative", "cooperative-minded");
                assertThat(canonical(copy)).as(copy).isEqualTo(canonical(text));
            }
            assertThat(later.render((site, n) -> 0)).contains("co-operative members stayed");
        }
    }

    @Test
    void anEnglishOpenerBeforeAChineseConnectiveGivesItsCommaOneSiteFromVersion6() {
        // found by CanaryFuzzTest: the Chinese connective's optional comma and the English rule for a comma closing
        // a clause opened by "If"/"whether" were two sites at one gap; a copy choosing "no comma" at the first cut
        // the text short before the second (IndexOutOfBoundsException under versions 4 and 5)
        String text = "If 同时，各部门应当检查。Whether 同时，检查。";

        assertThat(ChineseCanaryTest.written(Canary.of(text, 5), text)).containsSubsequence("COMMA 同时", "COMMA 同时");
        Canary v6 = Canary.of(text);
        assertThat(ChineseCanaryTest.written(v6, text)).filteredOn(w -> w.equals("COMMA 同时")).hasSize(2);
        for (int salt = 0; salt < 4; salt++) {
            int s = salt;
            String copy = v6.render((site, n) -> (site + s) % n);
            assertThat(canonical(copy)).as(copy).isEqualTo(canonical(text));
            assertThat(v6.read(copy).observed()).as(copy).allSatisfy(o ->
                    assertThat(o.variant()).isEqualTo((o.site() + s) % o.variants()));
        }
    }

    @Test
    void aCommaWhoseAbsenceWouldMakeAPhraseFormIsNoSiteFromVersion6() {
        // found by CanaryFuzzTest: "as long, as" has a comma position before "as"; a copy without the comma read
        // "as long as", one token of the phrase group, so its canonical words were no longer the text's
        String text = "We wait as long, as the rules allow.";

        assertThat(ChineseCanaryTest.written(Canary.of(text, 5), text)).containsExactly("COMMA long");
        assertThat(Canary.of(text, 5).render((site, n) -> 0)).isEqualTo("We wait as long as the rules allow.");
        Canary v6 = Canary.of(text);
        assertThat(v6.siteCount()).isZero();
        assertThat(canonical(v6.render((site, n) -> 0))).isEqualTo(canonical(text));
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
    void rewritesContractionsOptionalWordsHyphensAndPhrasesFromVersion2() {
        Canary small = Canary.of("The clerk does not know that the royalty-free licence covers all of the files. "
                + "Anyone may ask the office with respect to it.");

        String zero = small.render((site, n) -> 0);
        String one = small.render((site, n) -> Math.min(1, n - 1));
        String last = small.render((site, n) -> n - 1);

        assertThat(zero).isEqualTo("The clerk does not know the royalty free licence covers all the files. "
                + "Anyone may ask the office with respect to it.");
        assertThat(one).isEqualTo("The clerk doesn't know that the royalty-free licence covers all of the files. "
                + "Anybody may ask the office with regard to it.");
        assertThat(last).endsWith("ask the office concerning it.");
        assertThat(small.canonical(zero)).isEqualTo(small.canonical(one)).isEqualTo(small.canonical(last));
    }

    @Test
    void everyVersion2ChoiceKeepsTheCanonicalWordsAndReadsBack() {
        String text = """
                The Licensor states that the royalty-free licence does not cover all of the files, and it is not \
                clear whether the third-party code is included. With respect to the patent licenses, Licensees \
                agree that you will not sue anyone; for example, a "Contributor", who signs the world-wide \
                agreement, must ensure that its records, including the check-out log, are kept. Prior to \
                release, all the copies are checked in order to confirm that nobody has modified them, as long as \
                the registry is open. Despite the delay, both of the reviews were completed, and the office \
                didn't organise a follow-up meeting with ten reviewers.
                """;
        Canary small = Canary.of(text);
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);

        assertThat(small.sites()).extracting(Canary.Site::kind)
                .contains(Canary.Kind.WORD, Canary.Kind.COMMA, Canary.Kind.HYPHEN, Canary.Kind.OPTIONAL);
        for (int round = 0; round < 60; round++) {
            int[] choice = new int[small.siteCount()];
            for (Canary.Site s : small.sites()) {
                choice[s.index()] = random.nextInt(s.variants());
            }
            String copy = small.render((site, n) -> choice[site]);

            assertThat(small.canonical(copy)).as(copy).isEqualTo(small.canonical(text));
            assertThat(small.read(copy).observed()).as(copy).hasSize(small.siteCount()).allSatisfy(o ->
                    assertThat(o.variant()).isEqualTo(choice[o.site()]));
        }
    }

    @Test
    void leavesNamesNumbersAndNegationsAsTheyAre() {
        Canary small = Canary.of("Jean-Luc and Anne-Marie do not sign the Non-Disclosure Agreement for 12 days; "
                + "the non-exclusive licence of the First Party is never granted before 2027.");

        assertThat(small.render((site, n) -> n - 1)).contains("Jean-Luc", "Anne-Marie", "Non-Disclosure", "12",
                "non-exclusive", "never", "2027", "First Party").containsAnyOf("do not", "don't");
        assertThat(small.render((site, n) -> 0)).contains("not", "never");
    }

    @Test
    void readsCopiesMadeWithTheVersion1Rules() {
        Canary old = Canary.of(MarkFixtures.TEXT, 1);
        String copy = marking.variantText(old, "item", "EEEEEEEE");
        MarkKey.Chooser chooser = MarkFixtures.KEY.chooser("item", "EEEEEEEE");

        Canary.Reading reading = old.read(copy);

        assertThat(old.version()).isEqualTo(1);
        assertThat(canary.siteCount()).isGreaterThan(old.siteCount());
        assertThat(old.sites()).extracting(Canary.Site::kind).containsOnly(Canary.Kind.WORD, Canary.Kind.COMMA);
        assertThat(reading.observed()).hasSize(old.siteCount()).allSatisfy(o ->
                assertThat(o.variant()).isEqualTo(chooser.choice(o.site(), o.variants())));
    }

    @Test
    void refusesRulesOfAnUnknownVersion() {
        assertThatThrownBy(() -> Canary.of(MarkFixtures.TEXT, 7))
                .hasMessage("canary rules version 7 are not known (readable: [1, 2, 3, 4, 5, 6])");
    }

    @Test
    void namesTheRightRecipientForNineInTenRetypedPagesAndNeverAWrongOne() {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            copies.add(String.format("R%07d", i));
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        CanaryTrace trace = new CanaryTrace(MarkFixtures.KEY);
        int right = 0;
        int wrong = 0;
        for (int t = 0; t < 40; t++) {
            String recipient = copies.get(random.nextInt(1000));
            String copy = marking.variantText(canary, "item", recipient);
            String page = Retyping.page(copy, random.nextInt(), 420, random);

            String named = trace.trace(canary, "item", copies, page).identified();

            right += recipient.equals(named) ? 1 : 0;
            wrong += named != null && !recipient.equals(named) ? 1 : 0;
        }
        assertThat(wrong).isZero();
        assertThat(right).isGreaterThanOrEqualTo(36);
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
