package org.custos.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void showsLineBreaksTabsEscapesAndSeparatorsAsUnicodeEscapes() {
        assertThat(OneLine.shown("a\nb\r\tc\u001b[31m\u007f\u2028\u2029")).isEqualTo(
                "a\\u000ab\\u000d\\u0009c\\u001b[31m\\u007f\\u2028\\u2029");
    }

    @Test
    void leavesPrintableTextAsItIs() {
        String text = "pack.json: references[2].id: 'Art. 111 § 3 — 泄露' is used twice";
        assertThat(OneLine.shown(text)).isSameAs(text);
    }

    @Property
    void neverHoldsALineBreak(@ForAll String text) {
        assertThat(OneLine.shown(text).lines().count()).isLessThanOrEqualTo(1);
    }
}
