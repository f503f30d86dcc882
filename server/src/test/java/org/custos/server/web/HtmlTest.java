package org.custos.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryValuePlacedIntoATemplate() {
        Html h = Html.of("<td title=\"{}\">{}</td>", "\" onmouseover=\"x", "<script>alert('x')</script> & `y`");
        assertThat(h.toString()).isEqualTo("<td title=\"&quot; onmouseover=&quot;x\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#96;y&#96;</td>");
    }

    @Test
    void insertsNestedFragmentsWithoutEscapingThemAgain() {
        Html inner = Html.of("<b>{}</b>", "a<b");
        assertThat(Html.of("<p>{}</p>", inner).toString()).isEqualTo("<p><b>a&lt;b</b></p>");
        assertThat(Html.each(List.of("x", "<"), s -> Html.of("<i>{}</i>", s)).toString())
                .isEqualTo("<i>x</i><i>&lt;</i>");
    }

    @Test
    void refusesATemplateWhosePlaceholdersDoNotMatchItsValues() {
        assertThatThrownBy(() -> Html.of("<p>{}</p>")).hasMessageContaining("more placeholders");
        assertThatThrownBy(() -> Html.of("<p></p>", "x")).hasMessageContaining("0 placeholders for 1 values");
    }

    @Test
    void writesNullAsNothing() {
        assertThat(Html.of("[{}]", (Object) null).toString()).isEqualTo("[]");
    }
}
