package org.custos.report.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferencePacksTest {

    @Test
    void aDuplicateIdHoldingALineBreakIsReportedOnOneLine() {
        // found while writing ReferencePackFuzzTest: the id was quoted as it was, and its line break split the problem
        String json = """
                {"format": 1, "id": "x", "title": "t", "references": [
                  {"id": "a\\nb", "law": "l", "article": "1", "title": "t", "summary": "s"},
                  {"id": "a\\nb", "law": "l", "article": "2", "title": "t", "summary": "s"}]}
                """;
        assertThatThrownBy(() -> ReferencePacks.parse("pack.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReferencePackException.class)
                .hasMessage("pack.json: not a valid reference pack:\n  references[1].id: 'a\\u000ab' is used twice");
    }

    @Test
    void builtInPackListsTheProvisionsTheSourceCites() {
        ReferencePack pack = ReferencePacks.builtIn();

        assertThat(pack.id()).isEqualTo("prc-state-secrets");
        assertThat(pack.references()).extracting(Reference::law, Reference::article).contains(
                org.assertj.core.groups.Tuple.tuple("Criminal Law of the People's Republic of China", "Article 110"),
                org.assertj.core.groups.Tuple.tuple("Criminal Law of the People's Republic of China", "Article 111"));
        assertThat(pack.references()).anySatisfy(r -> {
            assertThat(r.law()).startsWith("Counter-espionage Law");
            assertThat(r.title()).contains("Administrative liability");
        });
        assertThat(pack.references()).allSatisfy(r -> {
            assertThat(SentencingLanguage.find(r.summary() + " " + r.title())).isEmpty();
        });
    }

    @Test
    void rejectsAPackThatStatesAPunishmentNamingEveryProblem() {
        String json = """
                {"format": 1, "id": "custom", "title": "Our pack",
                 "references": [
                   {"id": "a", "law": "Some Act", "article": "s. 1", "title": "Leaking",
                    "summary": "Leaking is punished with five years of imprisonment."},
                   {"id": "a", "law": "", "article": "s. 2", "title": "Other", "summary": "Other conduct."}
                 ]}
                """;

        assertThatThrownBy(() -> ReferencePacks.parse("pack.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReferencePackException.class)
                .hasMessageContaining("references[0].summary: states a punishment (punished, imprisonment)")
                .hasMessageContaining("references[1].id: 'a' is used twice")
                .hasMessageContaining("references[1].law: expected a non-empty string");
    }

    @Test
    void namesLineAndColumnOfBrokenJson() {
        assertThatThrownBy(() -> ReferencePacks.parse("pack.json", "{\n \"format\": 1,\n x".getBytes(
                StandardCharsets.UTF_8)))
                .isInstanceOf(ReferencePackException.class).hasMessageStartingWith("pack.json:3:");
    }

    @Test
    void sentencingLanguageFindsEnglishAndChineseTerms() {
        assertThat(SentencingLanguage.find("sentenced to two years of imprisonment; 判处有期徒刑"))
                .containsExactly("sentenced", "imprisonment", "判处", "有期徒刑");
        assertThat(SentencingLanguage.find("Administrative liability for espionage conduct that is not a crime"))
                .isEmpty();
    }
}
