package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CastingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 99})
    void plantsAllSevenScenariosAt200PeopleWhateverTheSeed(long seed) throws IOException {
        SimulationSummary summary = Simulator.run(new SimulationConfig(200, 90, seed, SimulationConfig.DEFAULT_START,
                true), dir);
        assertThat(summary.insiders()).isEqualTo(7);
        List<String> scenarios = CsvRows.data(dir.resolve("answers/insiders.csv")).stream()
                .map(row -> CsvRows.fields(row).get(1)).toList();
        assertThat(scenarios).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @ParameterizedTest
    @ValueSource(ints = {1000})
    void plantsAboutHalfAPercentOfPeoplePerScenario(int people) throws IOException {
        SimulationSummary summary = Simulator.run(new SimulationConfig(people, 60, 5, SimulationConfig.DEFAULT_START,
                true), dir);
        assertThat(summary.insiders()).isEqualTo(35);
    }
}
