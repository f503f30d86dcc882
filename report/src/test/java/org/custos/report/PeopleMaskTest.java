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
}
