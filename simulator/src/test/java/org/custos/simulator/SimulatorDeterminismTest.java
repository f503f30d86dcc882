package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorDeterminismTest {

    private static final SimulationConfig SMALL = new SimulationConfig(40, 75, 2024, SimulationConfig.DEFAULT_START,
            true);

    @TempDir
    Path dir;

    @Test
    void sameConfigWritesByteIdenticalFiles() throws IOException {
        SimulationSummary first = Simulator.run(SMALL, dir.resolve("a"));
        SimulationSummary second = Simulator.run(SMALL, dir.resolve("b"));
        Map<String, String> a = digests(dir.resolve("a"));
        assertThat(a).containsKeys("logon.csv", "http.csv", "LDAP/2010-01.csv", "LDAP/2010-03.csv",
                "answers/insiders.csv", "README.txt", "decoy_file.csv", "psychometric.csv");
        assertThat(digests(dir.resolve("b"))).isEqualTo(a);
        assertThat(second).isEqualTo(first);
        assertThat(first.insiders()).isEqualTo(7);
    }

    @Test
    void rerunningIntoTheSameDirectoryReplacesTheEarlierRun() throws IOException {
        Simulator.run(new SimulationConfig(40, 200, 1, SimulationConfig.DEFAULT_START, true), dir.resolve("a"));
        Simulator.run(SMALL, dir.resolve("a"));
        Simulator.run(SMALL, dir.resolve("b"));
        assertThat(digests(dir.resolve("a"))).isEqualTo(digests(dir.resolve("b")));
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        Simulator.run(SMALL, dir.resolve("a"));
        Simulator.run(new SimulationConfig(40, 75, 2025, SimulationConfig.DEFAULT_START, true), dir.resolve("b"));
        assertThat(digests(dir.resolve("b")).get("logon.csv")).isNotEqualTo(digests(dir.resolve("a"))
                .get("logon.csv"));
    }

    @Test
    void withoutInsidersTheKeyIsEmptyAndNoDetailFilesAreWritten() throws IOException {
        SimulationSummary summary = Simulator.run(new SimulationConfig(20, 60, 3, LocalDate.of(2012, 6, 1), false),
                dir);
        assertThat(summary.insiders()).isZero();
        assertThat(CsvRows.lines(dir.resolve("answers/insiders.csv")))
                .containsExactly("dataset,scenario,details,user,start,end");
        try (Stream<Path> answers = Files.list(dir.resolve("answers"))) {
            assertThat(answers).hasSize(1);
        }
        assertThat(Files.readString(dir.resolve("README.txt"))).contains("seed=3").contains("people=20")
                .contains("days=60");
        assertThat(CsvRows.lines(dir.resolve("logon.csv")).get(1)).contains("06/01/2012");
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(file).toString().replace('\\', '/'), sha256(file));
            }
        }
        return digests;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
