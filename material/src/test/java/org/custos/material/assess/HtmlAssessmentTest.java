package org.custos.material.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlAssessmentTest {

    @Test
    void showsBothTextsWithTheMatchedSpansHighlightedAndEverythingEscaped(@TempDir Path tmp) throws IOException {
        String suspect = "pre <script>alert('x')</script> 机密文件 post";
        String item = "head 机密文件 & <b>tail</b>";
        int s = suspect.indexOf("机密");
        int i = item.indexOf("机密");
        Match m = new Match("abcdefabcdef", "<img src=x>.txt", "secret", s, s + 4, i, i + 4, 4, 0.2);
        Assessment a = new Assessment(List.of(
                new FileAssessment("seized/<a>.txt", "assessed", null, "secret",
                        "contains 1 registered item, highest level secret", 0.1, List.of(m)),
                FileAssessment.notAssessed("bad\".pdf", "corrupt or unreadable: <eof>")));
        Path file = tmp.resolve("a.html");

        HtmlAssessment.write(a, Map.of("seized/<a>.txt", suspect), id -> item, file);

        String page = Files.readString(file);
        assertThat(page).contains("<mark>机密文件</mark> post").contains("head <mark>机密文件</mark> &amp; &lt;b&gt;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)").contains("seized/&lt;a&gt;.txt")
                .contains("&lt;img src=x&gt;.txt").contains("not assessed: corrupt or unreadable: &lt;eof&gt;")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
    }
}
