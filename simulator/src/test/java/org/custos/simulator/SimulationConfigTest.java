package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void defaultStartIsTheFirstMondayOf2010() {
        assertThat(SimulationConfig.DEFAULT_START).isEqualTo(LocalDate.of(2010, 1, 4));
        assertThat(SimulationConfig.DEFAULT_START.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(SimulationConfig.of(20, 60, 1).start()).isEqualTo(SimulationConfig.DEFAULT_START);
    }

    @Test
    void rejectsTooFewPeopleAndDaysNamingBoth() {
        assertThatThrownBy(() -> new SimulationConfig(19, 59, 1, SimulationConfig.DEFAULT_START, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("people is 19, expected at least 20")
                .hasMessageContaining("days is 59, expected at least 60");
    }

    @Test
    void acceptsTheSmallestConfiguration() {
        SimulationConfig config = new SimulationConfig(20, 60, -5, LocalDate.of(2011, 3, 1), false);
        assertThat(config.end()).isEqualTo(LocalDate.of(2011, 4, 29));
    }

    @Test
    void requiresAStartDate() {
        assertThatThrownBy(() -> new SimulationConfig(20, 60, 1, null, true))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("start");
    }
}
