package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of tracing retyped pages among a thousand issued copies of one item: a page is traced to its own
 * recipient or to nobody, never to another; and the unmarked original or a copy that was never issued is traced
 * to nobody.
 */
class CanaryPropertiesTest {

    private static final Canary CANARY = Canary.of(MarkFixtures.TEXT);
    private static final CanaryTrace TRACE = new CanaryTrace(MarkFixtures.KEY);
    private static final List<String> COPIES = copies();

    private static List<String> copies() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(String.format("R%07d", i));
        }
        return out;
    }

    @Property(tries = 40)
    void aRetypedPageIsNeverTracedToAnotherRecipient(@ForAll @IntRange(min = 0, max = 999) int recipient,
            @ForAll int sentence, @ForAll long noise) {
        String copy = Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", COPIES.get(recipient));
        String page = Retyping.page(copy, sentence, 420, new SplittableRandom(noise));

        CanaryFinding finding = TRACE.trace(CANARY, "item", COPIES, page);

        assertThat(finding.identified()).isIn(null, COPIES.get(recipient));
    }

    @Property(tries = 30)
    void theUnmarkedOriginalOrAnUnissuedCopyIsTracedToNobody(@ForAll boolean original, @ForAll int sentence,
            @ForAll long noise) {
        String text = original ? MarkFixtures.TEXT
                : Marking.variantTextFor(MarkFixtures.KEY, CANARY, "item", "U" + Long.toHexString(noise));
        String page = Retyping.page(text, sentence, 420, new SplittableRandom(noise));

        CanaryFinding finding = TRACE.trace(CANARY, "item", COPIES, page);

        assertThat(finding.identified()).isNull();
    }
}
