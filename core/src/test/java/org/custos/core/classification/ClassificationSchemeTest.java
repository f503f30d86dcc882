package org.custos.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationSchemeTest {

    private final ClassificationScheme prc = ClassificationSchemes.prc();
    private final ClassificationScheme us = ClassificationSchemes.us();

    @Test
    void ordersThePrcLevelsSecretConfidentialTopSecretWithTheirNativeNames() {
        assertThat(prc.id()).isEqualTo("prc");
        assertThat(prc.levels()).extracting(ClassificationLevel::id)
                .containsExactly("secret", "confidential", "top-secret");
        assertThat(prc.levels()).extracting(ClassificationLevel::nativeName).containsExactly("秘密", "机密", "绝密");
        assertThat(prc.levels()).extracting(ClassificationLevel::rank).containsExactly(1, 2, 3);
        assertThat(prc.dominates(prc.level("top-secret"), prc.level("confidential"))).isTrue();
        assertThat(prc.dominates(prc.level("secret"), prc.level("confidential"))).isFalse();
    }

    @Test
    void ordersTheUsLevelsConfidentialSecretTopSecretWithEnglishAsNativeName() {
        assertThat(us.levels()).extracting(ClassificationLevel::id)
                .containsExactly("confidential", "secret", "top-secret");
        assertThat(us.level("secret").nativeName()).isEqualTo("Secret");
        assertThat(us.dominates(us.level("secret"), us.level("confidential"))).isTrue();
        assertThat(us.dominates(us.level("secret"), us.level("secret"))).isTrue();
    }

    @Test
    void findsALevelByIdEnglishNameOrNativeName() {
        assertThat(prc.find("confidential")).map(ClassificationLevel::rank).hasValue(2);
        assertThat(prc.find("  TOP SECRET ")).map(ClassificationLevel::id).hasValue("top-secret");
        assertThat(prc.find("机密")).map(ClassificationLevel::id).hasValue("confidential");
        assertThat(prc.find(" 绝密")).map(ClassificationLevel::id).hasValue("top-secret");
        assertThat(prc.find("restricted")).isEmpty();
    }

    @Test
    void refusesAnUnknownLevelNamingTheAllowedIds() {
        assertThatThrownBy(() -> us.level("restricted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown level 'restricted' in scheme us, expected one of [confidential, secret, top-secret]");
    }

    @Test
    void picksTheHighestOfSomeLevels() {
        assertThat(prc.highest(List.of(prc.level("secret"), prc.level("绝密"), prc.level("confidential"))))
                .map(ClassificationLevel::id).hasValue("top-secret");
        assertThat(prc.highest(List.of())).isEmpty();
    }

    @Test
    void parsesASchemeFileWithCommentsAndBlankLines() {
        ClassificationScheme scheme = ClassificationScheme.parse("""
                # our own scheme
                scheme: acme

                internal   | Internal
                restricted | Restricted | 内部
                """, "acme.scheme");

        assertThat(scheme.id()).isEqualTo("acme");
        assertThat(scheme.levels()).containsExactly(
                new ClassificationLevel("internal", "Internal", "Internal", 1),
                new ClassificationLevel("restricted", "Restricted", "内部", 2));
    }

    @Test
    void reportsEveryProblemAtOnceEachWithItsLine() {
        String text = """
                scheme: acme
                low | Low
                Bad Id! | Bad
                low | Low again
                a | b | c | d
                just-an-id
                """;

        assertThatThrownBy(() -> ClassificationScheme.parse(text, "acme.scheme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        "acme.scheme:3: level id 'Bad Id!' must be lower-case letters, digits and '-'",
                        "acme.scheme:4: level id 'low' is defined twice",
                        "acme.scheme:5: expected 'id | English name | native name', got 'a | b | c | d'",
                        "acme.scheme:6: expected 'id | English name | native name', got 'just-an-id'"));
    }

    @Test
    void reportsAMissingSchemeLineAndMissingLevelsTogether() {
        assertThatThrownBy(() -> ClassificationScheme.parse("# nothing here\n", "empty.scheme"))
                .hasMessage("empty.scheme: missing the line 'scheme: ID'\nempty.scheme: no levels defined");
        assertThatThrownBy(() -> ClassificationScheme.parse("scheme:\nlow | Low\n", "blank.scheme"))
                .hasMessage("blank.scheme:1: scheme id is empty");
    }

    @Test
    void refusesLevelsOutOfRankOrder() {
        assertThatThrownBy(() -> new ClassificationScheme("x", List.of(new ClassificationLevel("a", "A", null, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme x: level a has rank 2, expected 1");
        assertThatThrownBy(() -> new ClassificationScheme("x", List.of()))
                .hasMessage("scheme x has no levels");
    }

    @Test
    void refusesANameThatAlreadyNamesAnotherLevelAndAnEmptyName() {
        String text = """
                scheme: acme
                internal | Restricted
                restricted | Restricted data
                secret |
                """;
        assertThatThrownBy(() -> ClassificationScheme.parse(text, "acme.scheme"))
                .hasMessage("acme.scheme:3: level 'restricted' is named 'restricted', which already names another "
                        + "level; every id and name must name one level\n"
                        + "acme.scheme:4: level 'secret' has an empty English name");
    }
}
