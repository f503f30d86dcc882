package org.custos.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockSkewIT {

    private static final DateTimeFormatter CERT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    private static final Pattern NOTICE = Pattern.compile(
            "http\\.csv: clock appears to run (\\d+)h(\\d\\d)m ahead of logon\\.csv");

    @TempDir
    static Path dir;

    @BeforeAll
    static void simulateAndPutHttpThreeHoursAhead() throws IOException {
        assertThat(CommandRun.of("simulate", "--people", "120", "--days", "90", "--seed", "11", "--out",
                dir.resolve("clean").toString()).code()).isZero();
        assertThat(CommandRun.of("simulate", "--people", "120", "--days", "90", "--seed", "11", "--out",
                dir.resolve("skewed").toString()).code()).isZero();
        Path http = dir.resolve("skewed/http.csv");
        List<String> lines = Files.readAllLines(http, StandardCharsets.UTF_8);
        List<String> shifted = new ArrayList<>(lines.size());
        shifted.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(",", 3);
            String later = LocalDateTime.parse(parts[1], CERT).plusHours(3).format(CERT);
            shifted.add(parts[0] + "," + later + "," + parts[2]);
        }
        Files.write(http, shifted, StandardCharsets.UTF_8);
    }

    private static JsonNode analyze(String input, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", dir.resolve(input).toString(), "--quiet", "--report",
                dir.resolve(input + "-" + options.length + ".json").toString()));
        args.addAll(List.of(options));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve(input + "-" + options.length + ".json").toFile());
    }

    private static List<String> notices(JsonNode report) {
        List<String> notices = new ArrayList<>();
        report.path("input").path("notices").forEach(n -> notices.add(n.asText()));
        return notices;
    }

    @Test
    void findsAndCorrectsAFileWhoseClockRunsThreeHoursAhead() throws IOException {
        JsonNode report = analyze("skewed");
        String notice = notices(report).stream().filter(n -> n.contains("clock appears")).findFirst().orElseThrow();
        Matcher m = NOTICE.matcher(notice);
        assertThat(m.find()).as(notice).isTrue();
        int minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        assertThat(minutes).isBetween(170, 190);
        assertThat(notice).contains("were corrected");
        assertThat(notices(report)).noneMatch(n -> n.startsWith("logon.csv") || n.startsWith("file.csv: clock"));
    }

    @Test
    void reportsNoSkewOnFilesWhoseClocksAgree() throws IOException {
        assertThat(notices(analyze("clean"))).noneMatch(n -> n.contains("clock appears"));
    }

    @Test
    void detectOnlyKeepsTheRecordedDatesAndSaysSo() throws IOException {
        JsonNode report = analyze("skewed", "--clock-skew", "detect");
        assertThat(notices(report)).anyMatch(n -> n.contains("http.csv: clock appears") && n.contains("kept as recorded"));
    }

    @Test
    void aUserGivenOffsetReplacesTheCheckForThatFile() throws IOException {
        JsonNode report = analyze("skewed", "--clock-offset", "http.csv=-PT3H");
        assertThat(notices(report)).anyMatch(n -> n.startsWith("http.csv: dates shifted by -10800 s"))
                .noneMatch(n -> n.contains("clock appears"));
    }
}
