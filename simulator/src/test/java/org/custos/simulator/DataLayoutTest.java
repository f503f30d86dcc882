package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLayoutTest {

    @TempDir
    Path dir;

    private List<String> scenarios() throws IOException {
        return CsvRows.data(dir.resolve("answers/insiders.csv")).stream().map(row -> CsvRows.fields(row).get(1))
                .toList();
    }

    private static String header(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow();
        }
    }

    @Test
    void r62LayoutWritesOnlyCertFilesAndScenariosOneToFive() throws IOException {
        Simulator.run(new SimulationConfig(200, 90, 1, SimulationConfig.DEFAULT_START, true, DataLayout.CERT_R62), dir);
        assertThat(dir.resolve("badge.csv")).doesNotExist();
        assertThat(dir.resolve("custody.csv")).doesNotExist();
        assertThat(dir.resolve("personnel.csv")).doesNotExist();
        assertThat(dir.resolve("print.csv")).doesNotExist();
        assertThat(dir.resolve("decoy_file.csv")).exists();
        assertThat(header(dir.resolve("file.csv")))
                .isEqualTo("id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content");
        assertThat(header(dir.resolve("LDAP/2010-01.csv"))).isEqualTo(
                "employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor");
        assertThat(scenarios()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void r42LayoutHasNoActivityColumnsNoProjectsNoDecoysAndScenariosOneToThree() throws IOException {
        Simulator.run(new SimulationConfig(200, 90, 2, SimulationConfig.DEFAULT_START, true, DataLayout.CERT_R42), dir);
        assertThat(header(dir.resolve("device.csv"))).isEqualTo("id,date,user,pc,activity");
        assertThat(header(dir.resolve("file.csv"))).isEqualTo("id,date,user,pc,filename,content");
        assertThat(header(dir.resolve("email.csv")))
                .isEqualTo("id,date,user,pc,to,cc,bcc,from,size,attachments,content");
        assertThat(header(dir.resolve("http.csv"))).isEqualTo("id,date,user,pc,url,content");
        assertThat(header(dir.resolve("LDAP/2010-01.csv"))).isEqualTo(
                "employee_name,user_id,email,role,business_unit,functional_unit,department,team,supervisor");
        assertThat(dir.resolve("decoy_file.csv")).doesNotExist();
        assertThat(dir.resolve("badge.csv")).doesNotExist();
        assertThat(scenarios()).containsExactly("1", "2", "3");
        for (String row : CsvRows.data(dir.resolve("email.csv"))) {
            assertThat(CsvRows.fields(row)).hasSize(11);
            assertThat(CsvRows.fields(row).get(9)).matches("\\d+");
        }
        assertThat(CsvRows.data(dir.resolve("device.csv"))).allSatisfy(row -> assertThat(CsvRows.fields(row))
                .hasSize(5));
    }

    @Test
    void answerKeyRowsAreLinesOfTheR42Files() throws IOException {
        Simulator.run(new SimulationConfig(200, 120, 3, SimulationConfig.DEFAULT_START, true, DataLayout.CERT_R42), dir);
        List<String> all = new java.util.ArrayList<>();
        for (String feed : List.of("logon", "device", "file", "email", "http")) {
            all.addAll(CsvRows.data(dir.resolve(feed + ".csv")).stream().map(r -> feed + "," + r).toList());
        }
        try (var details = Files.list(dir.resolve("answers"))) {
            for (Path detail : details.filter(p -> !p.endsWith("insiders.csv")).toList()) {
                assertThat(Files.readAllLines(detail)).isNotEmpty().allSatisfy(line -> assertThat(all).contains(line));
            }
        }
    }

    @Test
    void parsesLayoutNamesAndNamesTheAcceptedOnes() {
        assertThat(DataLayout.parse("R4.2")).isEqualTo(DataLayout.CERT_R42);
        assertThat(DataLayout.parse("custos")).isEqualTo(DataLayout.CUSTOS);
        assertThatThrownBy(() -> DataLayout.parse("r5.1")).hasMessageContaining("custos, r6.2 or r4.2");
    }
}
