package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Chinese (Simplified) variant positions of canary rules version 3: two-character variant pairs guarded by the
 * characters around them, and the optional comma after a clause-opening connective; and tracing retyped Chinese
 * pages among a thousand issued copies.
 */
class ChineseCanaryTest {

    /** About 1,700 characters of procedure text in Chinese (Simplified), written for these tests. */
    static final String TEXT = resource("chinese-procedure.txt");

    private static final Canary CANARY = Canary.of(TEXT);
    private static final CanaryTrace TRACE = new CanaryTrace(MarkFixtures.KEY);
    private static final List<String> COPIES = copies();

    /** A test text (UTF-8) from this package's resources. */
    static String resource(String name) {
        try (InputStream in = ChineseCanaryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> copies() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(String.format("R%07d", i));
        }
        return out;
    }

    static List<String> written(Canary canary, String text) {
        List<Tokens.Token> tokens = Tokens.of(text, canary.version());
        return canary.sites().stream().map(s -> s.kind() + " " + text.substring(tokens.get(s.token()).start(),
                tokens.get(s.token()).end())).toList();
    }

    @Test
    void rewritesEachVersion3KindOfSiteAndReadsItBack() {
        String text = """
                每名人员只有一个账户，账号不得转借。因此，登记员应当立即核对唯一的授权清单。例如调离之后，\
                授权仍然按照规定收回。即使时间很短，借阅以前的登记也不可省略。此外，记录保存五年。""";
        Canary canary = Canary.of(text, 3);

        String first = canary.render((site, n) -> 0);
        String second = canary.render((site, n) -> n - 1);

        assertThat(written(canary, text)).containsExactly("WORD 账户", "WORD 账号", "WORD 因此", "COMMA 因此",
                "WORD 立即", "WORD 唯一", "WORD 例如", "COMMA 例如", "WORD 之后", "WORD 仍然", "WORD 按照",
                "WORD 即使", "WORD 以前", "COMMA 此外");
        assertThat(first).isEqualTo("""
                每名人员只有一个账户，账号不得转借。因此登记员应当立即核对唯一的授权清单。例如调离以后，\
                授权仍然按照规定收回。即使时间很短，借阅以前的登记也不可省略。此外记录保存五年。""");
        assertThat(second).isEqualTo("""
                每名人员只有一个帐户，帐号不得转借。因而，登记员应当立刻核对惟一的授权清单。比如，调离之后，\
                授权依然依照规定收回。即便时间很短，借阅之前的登记也不可省略。此外，记录保存五年。""");
        for (String copy : List.of(first, second)) {
            assertThat(canary.canonical(copy)).isEqualTo(canary.canonical(text));
            assertThat(canary.read(copy).observed()).hasSize(canary.siteCount());
        }
        assertThat(canary.read(second).observed()).allSatisfy(o -> assertThat(o.variant()).isEqualTo(1));
    }

    @Test
    void version3LeavesAloneFormsThatCouldJoinANeighbouringWord() {
        String text = """
                比例如下。我们可以后退。必须建立即时通信。可以后续处理。以前提为准。在此以前进行。最后一次检查完成。本办法施行，以前的规定废止。\
                这是原因此前未知。随即使用备用系统。另外两个部门参加。基因而言无关。""";

        assertThat(Canary.of(text, 3).siteCount()).isZero();
    }

    @Test
    void everyCopyKeepsTheCanonicalTextAndReadsBackItsChoices() {
        for (String id : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
            String copy = Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", id);
            MarkKey.Chooser chooser = MarkFixtures.KEY.chooser("item", id);

            Canary.Reading reading = CANARY.read(copy);

            assertThat(CANARY.canonical(copy)).isEqualTo(CANARY.canonical(TEXT));
            assertThat(reading.observed()).hasSize(CANARY.siteCount()).allSatisfy(o ->
                    assertThat(o.variant()).isEqualTo(chooser.choice(o.site(), o.variants())));
        }
        assertThat(CANARY.siteCount()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void olderRulesSeeNoChineseSitesAndEnglishCopiesKeepTheirVersion2Sites() {
        assertThat(Canary.of(TEXT, 2).siteCount()).isZero();
        assertThat(Canary.of(TEXT, 1).siteCount()).isZero();
        assertThat(written(Canary.of(MarkFixtures.TEXT, 3), MarkFixtures.TEXT))
                .isEqualTo(written(Canary.of(MarkFixtures.TEXT, 2), MarkFixtures.TEXT));
        assertThat(written(Canary.of(MarkFixtures.TEXT, 4), MarkFixtures.TEXT))
                .isEqualTo(written(Canary.of(MarkFixtures.TEXT, 2), MarkFixtures.TEXT));

        Canary v2 = Canary.of(MarkFixtures.TEXT, 2);
        String copy = Marking.variantTextFor(MarkFixtures.KEY, v2, "item", "OLD");
        MarkKey.Chooser chooser = MarkFixtures.KEY.chooser("item", "OLD");
        assertThat(v2.read(copy).observed()).hasSize(v2.siteCount()).allSatisfy(o ->
                assertThat(o.variant()).isEqualTo(chooser.choice(o.site(), o.variants())));
    }

    @Test
    void namesTheRightRecipientForNineteenInTwentyRetypedPagesOf800CharactersAndNeverAWrongOne() {
        int right = 0;
        for (int r = 0; r < 100; r++) {
            String copy = Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", COPIES.get(r * 10));
            String page = Retyping.chinesePage(copy, r, 800, new SplittableRandom(r));

            CanaryFinding finding = TRACE.trace(CANARY, "item", COPIES, page);

            assertThat(finding.identified()).isIn(null, COPIES.get(r * 10));
            right += finding.identified() == null ? 0 : 1;
        }
        assertThat(right).isGreaterThanOrEqualTo(95); // 100 % over 300 pages (ChineseCanaryMeasurement, rules v4)
    }

    @Property(tries = 30)
    void aRetypedChinesePageIsNeverTracedToAnotherRecipient(@ForAll @IntRange(min = 0, max = 999) int recipient,
            @ForAll int sentence, @ForAll @IntRange(min = 200, max = 1200) int chars, @ForAll long noise) {
        String copy = Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", COPIES.get(recipient));
        String page = Retyping.chinesePage(copy, sentence, chars, new SplittableRandom(noise));

        CanaryFinding finding = TRACE.trace(CANARY, "item", COPIES, page);

        assertThat(finding.identified()).isIn(null, COPIES.get(recipient));
    }

    @Property(tries = 20)
    void theUnmarkedOriginalOrAnUnissuedCopyOfChineseTextIsTracedToNobody(@ForAll boolean original,
            @ForAll int sentence, @ForAll long noise) {
        String text = original ? TEXT
                : Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", "U" + Long.toHexString(noise));
        String page = Retyping.chinesePage(text, sentence, 800, new SplittableRandom(noise));

        assertThat(TRACE.trace(CANARY, "item", COPIES, page).identified()).isNull();
    }

    private static final String[] PIECES = {"账", "帐", "户", "号", "唯", "惟", "一", "致", "例", "如", "比", "下", "因",
        "此", "而", "立", "即", "刻", "时", "仍", "依", "然", "后", "按", "照", "片", "使", "便", "用", "以", "之", "前",
        "所", "可", "建", "总", "外", "目", "同", "的", "，", ",", "。", "；", " ", "\n", "a", "2", "我们", "此外", "首先"};

    @Property(tries = 500)
    void anyCopyOfAnyMixOfTheseCharactersKeepsItsTokensAndReadsBackItsChoices(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 7) int salt) {
        MarkFixtures.assertACopyOfARandomMixKeepsItsTokensAndReadsBackItsChoices(PIECES, seed, salt);
    }
}
