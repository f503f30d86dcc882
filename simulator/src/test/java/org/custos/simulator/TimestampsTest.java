package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void formatsSecondsSinceTheFirstMidnightTheCertWay() {
        Timestamps time = new Timestamps(LocalDate.of(2010, 1, 4), 60);
        assertThat(time.format(0)).isEqualTo("01/04/2010 00:00:00");
        assertThat(time.format(27 * 86_400L + 13 * 3_600 + 5 * 60 + 9)).isEqualTo("01/31/2010 13:05:09");
        assertThat(time.format(28 * 86_400L + 86_399)).isEqualTo("02/01/2010 23:59:59");
    }

    @Test
    void drawsCertStyleEventIds() {
        Dice dice = new Dice(1);
        StringBuilder id = new StringBuilder();
        dice.appendEventId(id);
        assertThat(id.toString()).matches("\\{[A-Z0-9]{4}-[A-Z0-9]{8}-[A-Z0-9]{8}}");
    }
}
