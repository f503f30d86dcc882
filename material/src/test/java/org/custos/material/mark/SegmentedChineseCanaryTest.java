package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Chinese variant positions of canary rules version 4 (ADR 0015), read under version 5 (the same Chinese
 * sites): groups of one to four characters made sites
 * only where ICU's word segmenter reads every form as a word of its own, optional commas after more connectives and
 * after a short phrase opening a sentence; and tracing retyped pages of texts written after the rules were frozen.
 */
class SegmentedChineseCanaryTest {

    private static final List<String> TEXTS = List.of("chinese-procedure.txt", "chinese-report.txt",
            "held-out-notice.txt", "held-out-minutes.txt", "held-out-report.txt", "held-out-technical.txt",
            "final-regulation.txt", "final-investigation.txt", "final-training.txt", "final-request.txt");
    private static final CanaryTrace TRACE = new CanaryTrace(MarkFixtures.KEY);

    @Test
    void rewritesEachVersion4KindOfSiteAndReadsItBack() {
        String text = """
                如果发现问题，工作人员应当立即报告，并认真核对清单。但是临时人员不得接触原件。目前共计12人参加培训，\
                约3小时。此外各个部门须于7月3日前报送材料，导致延误的，由主管领导负责。为保证测量精度，开机后应预热。""";
        Canary canary = Canary.of(text, 5);

        String first = canary.render((site, n) -> 0);
        String last = canary.render((site, n) -> n - 1);

        assertThat(ChineseCanaryTest.written(canary, text)).containsExactly("WORD 如果", "COMMA 题", "WORD 应当",
                "WORD 立即", "WORD 并", "WORD 认真", "WORD 但是", "WORD 不得", "WORD 目前", "COMMA 目前",
                "WORD 共计", "WORD 约", "WORD 此外", "COMMA 此外", "WORD 各个", "WORD 须", "WORD 于", "WORD 导致",
                "COMMA 度", "WORD 应");
        assertThat(first).isEqualTo("""
                如果发现问题工作人员应当立即报告，并且认真地核对清单。但是临时人员不得接触原件。目前共计12人参加培训，\
                约3小时。此外各个部门必须于7月3日前报送材料，导致延误的，由主管领导负责。为保证测量精度开机后应当预热。""");
        assertThat(last).isEqualTo("""
                假如发现问题，工作人员应立刻报告，并认真核对清单。不过临时人员不准接触原件。当前，共12人参加培训，\
                大约3小时。另外，各部门须在7月3日前报送材料，造成延误的，由主管领导负责。为保证测量精度，开机后应预热。""");
        for (String copy : List.of(first, last)) {
            assertThat(canary.canonical(copy)).isEqualTo(canary.canonical(text));
            assertThat(canary.read(copy).observed()).hasSize(canary.siteCount());
        }
    }

    @Test
    void leavesAloneFormsTheSegmenterOrTheGuardsReadOtherwise() {
        // 有关 in 没有关系, 十分 in a time, 其他 in 尤其他们, 于 after 不少, a noun phrase 全面检查, 不过 "only",
        // 尽管 "feel free", the surname 曾, 所有 "owned by", 但是 before a comma (但， is wrong), 并 before 不
        String text = """
                双方没有关系。系统在三点四十分恢复。尤其他们需要注意。存储器保存不少于200万条记录。组织开展全面检查。\
                不过三天就完成了。有问题尽管说。曾先生参加。土地为国家所有。但是，情况有变。他并不知道。""";

        assertThat(Canary.of(text).siteCount()).isZero();
    }

    @Test
    void theSitesOfTheTestTextsStayAsFrozen() {
        // An ICU upgrade that segments these texts differently changes which positions copies chose at: then the
        // rules need a new version (ADR 0015), and this test says so.
        Map<String, Integer> sites = new LinkedHashMap<>();
        for (String name : TEXTS) {
            sites.put(name, Canary.of(ChineseCanaryTest.resource(name), 5).siteCount());
        }

        assertThat(sites).containsExactly(Map.entry("chinese-procedure.txt", 139), Map.entry("chinese-report.txt", 45),
                Map.entry("held-out-notice.txt", 78), Map.entry("held-out-minutes.txt", 57),
                Map.entry("held-out-report.txt", 58), Map.entry("held-out-technical.txt", 56),
                Map.entry("final-regulation.txt", 84), Map.entry("final-investigation.txt", 43),
                Map.entry("final-training.txt", 43), Map.entry("final-request.txt", 54));
    }

    @Test
    void everyCopyOfEveryTestTextKeepsItsTokensAndReadsBackItsChoices() {
        assertEveryCopyKeepsItsTokensAndReadsBackItsChoices(TEXTS);
    }

    @Test
    void namesTheRightRecipientOfRetypedPagesOfTextsWrittenAfterTheRulesWereFrozenAndNeverAWrongOne() {
        // 100 % of 300 (ChineseCanaryMeasurement)
        assertRetypedPagesNameTheRightRecipientAndNeverAWrongOne(List.of("final-regulation.txt",
                "final-investigation.txt", "final-training.txt", "final-request.txt"), 800, 18);
    }

    /** Three copies of each test text, under the latest rules, keep its canonical words and read back their choices. */
    static void assertEveryCopyKeepsItsTokensAndReadsBackItsChoices(List<String> names) {
        for (String name : names) {
            String text = ChineseCanaryTest.resource(name);
            Canary canary = Canary.of(text);
            for (String id : List.of("A", "B", "C")) {
                String copy = Marking.variantTextFor(MarkFixtures.KEY, canary, "item", id);
                MarkKey.Chooser chooser = MarkFixtures.KEY.chooser("item", id);

                List<Canary.Observed> observed = canary.read(copy).observed();

                assertThat(canary.canonical(copy)).as(name).isEqualTo(canary.canonical(text));
                // a site inside a passage the text repeats word for word cannot be placed, so is not read
                assertThat(observed.size()).as(name).isGreaterThanOrEqualTo(canary.siteCount() * 95 / 100);
                assertThat(observed).as(name).allSatisfy(o ->
                        assertThat(o.variant()).isEqualTo(chooser.choice(o.site(), o.variants())));
            }
        }
    }

    /**
     * Twenty retyped pages of {@code length} characters of each text's copies (latest rules, 1,000 issued copies)
     * name the right recipient at least {@code atLeast} times and a wrong one never.
     */
    static void assertRetypedPagesNameTheRightRecipientAndNeverAWrongOne(List<String> names, int length,
            int atLeast) {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            copies.add(String.format("R%07d", i));
        }
        for (String name : names) {
            Canary canary = Canary.of(ChineseCanaryTest.resource(name));
            int right = 0;
            for (int r = 0; r < 20; r++) {
                String id = copies.get(r * 37);
                String copy = Marking.variantTextFor(MarkFixtures.KEY, canary, "item", id);
                String page = Retyping.chinesePage(copy, r, length, new SplittableRandom(r));

                CanaryFinding finding = TRACE.trace(canary, "item", copies, page);

                assertThat(finding.identified()).as(name).isIn(null, id);
                right += finding.identified() == null ? 0 : 1;
            }
            assertThat(right).as(name).isGreaterThanOrEqualTo(atLeast);
        }
    }

    private static final String[] PIECES = {"和", "与", "以及", "及", "或", "者", "是", "应当", "应该", "应", "必须",
        "务必", "须", "不得", "不", "准", "如果", "若", "倘若", "但是", "但", "可是", "不过", "因", "为", "由于",
        "并", "且", "已经", "已", "经", "曾", "十分", "非常", "四", "有关", "相关", "没", "目前", "当前", "各", "个",
        "约", "大", "共计", "共", "计", "余", "多", "未", "没有", "均", "都", "至", "到", "于", "在", "由", "从",
        "需", "要", "认真", "认真地", "地", "检查", "报告", "少", "其他", "其它", "他们", "尤", "所有", "全部",
        "为了", "根据", "开机后", "会议", "同时", "与此同时", "此外", "另外", "总之", "总而言之", "可以", "可",
        "能够", "能", "后", "前", "内", "按", "按照", "依照", "自", "即刻", "立即", "引起", "导致", "不许", "及早",
        "尽快", "业已", "仍", "仍然", "经过", "对", "对于", "经常", "常常", "审核", "两周", "天", "日", "门", "接",
        "项", "，", ",", "。", "；", "：", " ", "\n", "3", "12", "a"};

    @Property(tries = 1000)
    void anyCopyOfAnyMixOfVersion4And6FormsKeepsItsTokensAndReadsBackItsChoices(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 11) int salt) {
        MarkFixtures.assertACopyOfARandomMixKeepsItsTokensAndReadsBackItsChoices(PIECES, seed, salt);
    }
}
