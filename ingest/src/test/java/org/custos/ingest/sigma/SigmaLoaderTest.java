package org.custos.ingest.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.custos.core.event.FileActivity;
import org.custos.core.event.WebVisit;
import org.custos.core.indicator.Category;
import org.custos.core.rule.DetectionRule;
import org.junit.jupiter.api.Test;

class SigmaLoaderTest {

    private static final Instant T = Instant.parse("2010-01-04T08:00:00Z");

    private static FileActivity file(String path, boolean toRemovable) {
        return new FileActivity("f", T, "ACM2278", "PC-1", path, FileActivity.Action.COPY, toRemovable, false, "");
    }

    @Test
    void compilesASingleEventRuleThatMatchesCustosEvents() {
        SigmaRuleSet set = SigmaLoader.parse("rules/usb.yml", """
                title: Plans copied to removable media
                id: 5d1c7a0e-0000-4000-8000-000000000001
                status: experimental
                level: high
                tags: [attack.exfiltration, attack.t1052]
                logsource:
                  category: file_event
                  product: windows
                detection:
                  selection:
                    TargetFilename|endswith:
                      - '.pdf'
                      - '.docx'
                    to_removable: 'true'
                  filter:
                    TargetFilename|contains: '\\\\Public\\\\'
                  condition: selection and not filter
                """);

        assertThat(set.problems()).isEmpty();
        DetectionRule rule = set.rules().get(0);
        assertThat(rule.indicator().id()).isEqualTo("sigma-5d1c7a0e-0000-4000-8000-000000000001");
        assertThat(rule.indicator().category()).isEqualTo(Category.EXFILTRATION);
        assertThat(rule.indicator().weight()).isEqualTo(15);
        assertThat(rule.condition().matches(file("R:\\plans\\Design.PDF", true))).isTrue();
        assertThat(rule.condition().matches(file("R:\\plans\\Design.pdf", false))).isFalse();
        assertThat(rule.condition().matches(file("R:\\Public\\menu.pdf", true))).isFalse();
        assertThat(rule.condition().matches(file("R:\\plans\\notes.txt", true))).isFalse();
    }

    @Test
    void supportsWildcardsQuantifiersRegexAndCustosLogSources() {
        SigmaRuleSet set = SigmaLoader.parse("web.yml", """
                title: Leak sites
                logsource: {product: custos, category: http}
                detection:
                  sel_domain:
                    domain: ['wikileaks.*', '*.onion']
                  sel_upload:
                    url|re: '/upload(\\?|$)'
                    action: UPLOAD
                  condition: 1 of sel_*
                """);

        assertThat(set.problems()).isEmpty();
        DetectionRule rule = set.rules().get(0);
        assertThat(rule.indicator().id()).isEqualTo("sigma-web");
        assertThat(rule.condition().matches(new WebVisit("w", T, "u", "h", "http://wikileaks.org/x",
                WebVisit.Action.VISIT, ""))).isTrue();
        assertThat(rule.condition().matches(new WebVisit("w", T, "u", "h", "http://box.example/upload",
                WebVisit.Action.UPLOAD, ""))).isTrue();
        assertThat(rule.condition().matches(new WebVisit("w", T, "u", "h", "http://box.example/upload",
                WebVisit.Action.VISIT, ""))).isFalse();
    }

    @Test
    void reportsEveryProblemOfARuleSetAtOnceWithLineAndField() {
        SigmaRuleSet set = SigmaLoader.parse("bad.yml", """
                title: Everything wrong
                lvl: high
                level: severe
                logsource:
                  category: file_event
                detection:
                  selection:
                    CommandLine|contains: 'x'
                    TargetFilename|base64: 'y'
                    path|sometimes: 'z'
                    path|re: '(unclosed'
                    size|gt: 'ten'
                  condition: selection and not missing
                ---
                title: Process rule
                logsource:
                  category: process_creation
                detection:
                  keywords:
                    - 'mimikatz'
                  condition: keywords | count() > 3
                """);

        assertThat(set.rules()).isEmpty();
        assertThat(set.problems()).extracting(SigmaProblem::toString).containsExactly(
                "bad.yml:2: lvl: unknown field (expected one of author, date, description, detection, falsepositives,"
                        + " fields, id, level, license, logsource, modified, name, references, related, scope, status,"
                        + " tags, taxonomy, title)",
                "bad.yml:3: level: 'severe' is not one of informational, low, medium, high, critical",
                "bad.yml:8: detection.selection.CommandLine|contains: 'CommandLine' is not a field of file events "
                        + "(known: action, content, from_removable, host, id, path, to_removable, user)",
                "bad.yml:9: detection.selection.TargetFilename|base64: modifier 'base64' is not supported by Custos "
                        + "(supported: all, cased, contains, endswith, exists, gt, gte, lt, lte, re, startswith)",
                "bad.yml:10: detection.selection.path|sometimes: unknown modifier 'sometimes' (supported: all, cased,"
                        + " contains, endswith, exists, gt, gte, lt, lte, re, startswith)",
                "bad.yml:11: detection.selection.path|re: '(unclosed' is not a regular expression: Unclosed group",
                "bad.yml:12: detection.selection.size|gt: 'size' is not a field of file events (known: action, "
                        + "content, from_removable, host, id, path, to_removable, user)",
                "bad.yml:12: detection.selection.size|gt: 'ten' is not a number",
                "bad.yml:13: detection.condition: 'missing' is not a search of this rule (searches: selection)",
                "bad.yml:17: logsource.category: 'process_creation' has no Custos events (expected one of "
                        + "authentication, badge, email, file_access, file_change, file_delete, file_event, "
                        + "file_rename, print, proxy, usb, or product custos with an event kind)",
                "bad.yml:20: detection.keywords: keyword searches (a list of values without field names) are not "
                        + "supported; name the field",
                "bad.yml:21: detection.condition: aggregations ('|') are not supported; Custos runs single-event "
                        + "rules");
    }

    @Test
    void aTagSnakeYamlRefusesWithoutAYamlErrorIsAProblemNotACrash() {
        // found by SigmaFuzzTest: SnakeYAML throws IllegalArgumentException for this tag, which escaped the loader
        SigmaRuleSet set = SigmaLoader.parse("tag.yml", "!O%0");
        assertThat(set.rules()).isEmpty();
        assertThat(set.problems()).singleElement().asString()
                .isEqualTo("tag.yml:1: (yaml): not valid YAML: Tag must not contain leading or trailing spaces.");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        SigmaRuleSet set = SigmaLoader.parse("broken.yml", """
                title: x
                detection:
                  selection: [unclosed
                """);
        assertThat(set.problems()).singleElement().asString().startsWith("broken.yml:4: (yaml): not valid YAML: ");
        assertThat(List.copyOf(set.rules())).isEmpty();
    }
}
