package org.custos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void scoresHaveOneDecimalRoundedHalfUpLikeTheFormatterDid() {
        assertThat(Format.score(0)).isEqualTo("0.0");
        assertThat(Format.score(60)).isEqualTo("60.0");
        assertThat(Format.score(23.45)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", 23.45));
        assertThat(Format.score(99.96)).isEqualTo("100.0");
        assertThat(Format.score(-2.34)).isEqualTo("-2.3");
        assertThat(Format.score(-0.04)).isEqualTo("0.0");
        assertThat(Format.score(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void sparklinePointsAreTenthsWithinTheBox() {
        String svg = Sparkline.of(new double[] {0, 50, 100, 140}, "trend").toString();

        assertThat(svg).contains("points=\"0.0,27.0 53.3,14.0 106.7,1.0 160.0,1.0\"");
        assertThat(Sparkline.of(new double[] {12.5}, "one").toString()).contains("points=\"80.0,23.8\"");
    }
}
