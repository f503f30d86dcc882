package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Chinese variant positions canary rules version 6 add (ADR 0016): a third form for eleven groups (以后/之后/后,
 * 按照/依照/按, 由/从/自, …), the groups 经/经过, 对/对于 and 经常/常常, and an optional comma before a conjunction that
 * joins a second verb phrase; and that older versions keep their sites.
 */
class ChineseCanaryV6Test {

    private static final List<String> TEXTS = List.of("chinese-procedure.txt", "chinese-report.txt",
            "held-out-notice.txt", "held-out-minutes.txt", "held-out-report.txt", "held-out-technical.txt",
            "final-regulation.txt", "final-investigation.txt", "final-training.txt", "final-request.txt",
            "v6-circular.txt", "v6-plan.txt", "v6-request.txt");

    @Test
    void rewritesEachVersion6KindOfSiteAndReadsItBack() {
        String text = """
                申请经主管领导审核后，应当在两周内按规定办理。库房仍使用普通门锁，湿度经常超过标准。\
                保密员对检查中发现的问题逐项登记，并在下班前报告。本办法自3月1日起施行，违反规定导致泄密的，立即上报。""";
        Canary canary = Canary.of(text);

        String first = canary.render((site, n) -> 0);
        String last = canary.render((site, n) -> n - 1);

        assertThat(ChineseCanaryTest.written(canary, text)).containsExactly("WORD 经", "WORD 后", "WORD 内",
                "WORD 按", "WORD 仍", "WORD 经常", "WORD 对", "COMMA 记", "WORD 并", "WORD 前", "WORD 自", "WORD 导致",
                "WORD 立即");
        assertThat(first).isEqualTo("""
                申请经主管领导审核以后，应当在两周之内按照规定办理。库房仍然使用普通门锁，湿度经常超过标准。\
                保密员对检查中发现的问题逐项登记并且在下班以前报告。本办法由3月1日起施行，违反规定导致泄密的，立即上报。""");
        assertThat(last).isEqualTo("""
                申请经过主管领导审核后，应当在两周内按规定办理。库房仍使用普通门锁，湿度常常超过标准。\
                保密员对于检查中发现的问题逐项登记，并在下班前报告。本办法自3月1日起施行，违反规定引起泄密的，即刻上报。""");
        for (String copy : List.of(first, last)) {
            assertThat(canary.canonical(copy)).isEqualTo(canary.canonical(text));
            assertThat(canary.read(copy).observed()).hasSize(canary.siteCount());
        }
    }

    @Test
    void leavesAloneWhatOnlyLooksLikeAVersion6Form() {
        // 后 of a place (门后), 按 "press", 对 in 对接, 各 before a measure (各个项 is no Chinese), 经过 "the course
        // of events", 年内 without a number, a comma before 并不
        String text = """
                柜子放在门后。按电源键开机。数据对接方案。遵守各项规定。事件经过如下。力争年内投用。核对清单，并不存在差错。""";

        assertThat(ChineseCanaryTest.written(Canary.of(text), text)).isEmpty();
    }

    @Test
    void olderVersionsKeepTheirSitesAndVersion6AddsSome() {
        String text = ChineseCanaryTest.resource("final-investigation.txt");

        assertThat(Canary.of(text, 4).siteCount()).isEqualTo(43);
        assertThat(Canary.of(text, 5).siteCount()).isEqualTo(43);
        assertThat(Canary.of(text).siteCount()).isGreaterThan(43);
        assertThat(Variants.groupOf("后", 5)).isNull();
        assertThat(Variants.groupOf("以后", 5).forms()).containsExactly("以后", "之后");
        assertThat(Variants.groupOf("以后", 6).forms()).containsExactly("以后", "之后", "后");
        // English text has the same sites and copies under versions 2 to 6
        assertThat(ChineseCanaryTest.written(Canary.of(MarkFixtures.TEXT), MarkFixtures.TEXT))
                .isEqualTo(ChineseCanaryTest.written(Canary.of(MarkFixtures.TEXT, 2), MarkFixtures.TEXT));
        assertThat(Marking.variantTextFor(MarkFixtures.KEY, Canary.of(MarkFixtures.TEXT), "item", "X"))
                .isEqualTo(Marking.variantTextFor(MarkFixtures.KEY, Canary.of(MarkFixtures.TEXT, 5), "item", "X"));
    }

    @Test
    void theVersion6SitesOfTheTestTextsStayAsFrozen() {
        Map<String, Integer> sites = new LinkedHashMap<>();
        for (String name : TEXTS) {
            sites.put(name, Canary.of(ChineseCanaryTest.resource(name), 6).siteCount());
        }

        assertThat(sites).containsExactly(Map.entry("chinese-procedure.txt", 151), Map.entry("chinese-report.txt", 49),
                Map.entry("held-out-notice.txt", 89), Map.entry("held-out-minutes.txt", 64),
                Map.entry("held-out-report.txt", 63), Map.entry("held-out-technical.txt", 66),
                Map.entry("final-regulation.txt", 96), Map.entry("final-investigation.txt", 56),
                Map.entry("final-training.txt", 44), Map.entry("final-request.txt", 64),
                Map.entry("v6-circular.txt", 90), Map.entry("v6-plan.txt", 98), Map.entry("v6-request.txt", 68));
    }

    @Test
    void everyCopyOfTheVersion6TestTextsKeepsItsTokensAndReadsBackItsChoices() {
        // the ten texts of version 4 are read under the latest rules by SegmentedChineseCanaryTest
        SegmentedChineseCanaryTest.assertEveryCopyKeepsItsTokensAndReadsBackItsChoices(
                List.of("v6-circular.txt", "v6-plan.txt", "v6-request.txt"));
    }

    @Test
    void namesTheRightRecipientOfRetyped600CharacterPagesAndNeverAWrongOne() {
        // 600 characters: about a page of an official document in the GB/T 9704 layout (22 lines of 28); 93-100 %
        // of 300 (ChineseCanaryMeasurement)
        SegmentedChineseCanaryTest.assertRetypedPagesNameTheRightRecipientAndNeverAWrongOne(List.of(
                "final-investigation.txt", "final-request.txt", "held-out-report.txt", "v6-request.txt"), 600, 16);
    }
}
