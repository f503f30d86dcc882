package org.custos.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassificationSchemesTest {

    @Test
    void findsThePresetsByIdIgnoringCase() {
        assertThat(ClassificationSchemes.preset("PRC")).isSameAs(ClassificationSchemes.prc());
        assertThat(ClassificationSchemes.preset("us")).isSameAs(ClassificationSchemes.us());
    }

    @Test
    void refusesAnUnknownPresetNamingTheKnownOnes() {
        assertThatThrownBy(() -> ClassificationSchemes.preset("nato"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown classification scheme 'nato', expected one of [prc, us] or a scheme file");
    }

    @Test
    void writesThePresetsInTheSameTextFormAUsersFileUses() {
        assertThat(ClassificationScheme.parse(ClassificationSchemes.PRC_TEXT, "copy")).isEqualTo(ClassificationSchemes.prc());
        assertThat(ClassificationScheme.parse(ClassificationSchemes.US_TEXT, "copy")).isEqualTo(ClassificationSchemes.us());
    }

    @Test
    void rendersThePrcLevelsInEnglishAsTheSourceArticleDoes() {
        assertThat(ClassificationSchemes.prc().level("秘密").name()).isEqualTo("Secret");
        assertThat(ClassificationSchemes.prc().level("机密").name()).isEqualTo("Confidential");
        assertThat(ClassificationSchemes.prc().level("绝密").name()).isEqualTo("Top secret");
    }
}
