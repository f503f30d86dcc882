package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path input;
    static JsonNode report;

    @BeforeAll
    static void simulateAndAnalyze() throws Exception {
        input = work.resolve("org");
        assertThat(CommandRun.of("simulate", "--people", "60", "--days", "60", "--seed", "5", "--out",
                input.toString()).code()).isZero();
        Path reportFile = work.resolve("report.json");
        assertThat(CommandRun.of("analyze", input.toString(), "--report", reportFile.toString(), "--quiet").code())
                .isZero();
        report = JSON.readTree(reportFile.toFile());
    }

    @Test
    void writesTheAlertsAndScoresOfAnalyzeAtParallelismTwo() throws Exception {
        Path out = work.resolve("flink-out");
        CommandRun run = CommandRun.of("flink-job", "--input", input.toString(), "--sink", "jsonl:" + out,
                "--parallelism", "2", "--checkpoint-interval", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("finished").contains(out.toAbsolutePath().toString());

        List<String> expectedAlerts = new ArrayList<>();
        report.get("alerts").forEach(a -> expectedAlerts.add(a.get("user").asText() + " " + a.get("time").asText()
                + " " + round(a.get("score").asDouble())));
        List<String> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            JsonNode a = JSON.readTree(line);
            alerts.add(a.get("user").asText() + " " + a.get("time").asText() + " " + round(a.get("score").asDouble()));
        }
        assertThat(expectedAlerts).isNotEmpty();
        assertThat(alerts).containsExactlyInAnyOrderElementsOf(expectedAlerts);

        List<String> expectedPeople = new ArrayList<>();
        report.get("people").forEach(p -> expectedPeople.add(p.get("rank").asInt() + " " + p.get("user").asText()
                + " " + round(p.get("score").asDouble())));
        List<String> people = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("people.jsonl"))) {
            JsonNode p = JSON.readTree(line);
            people.add(p.get("rank").asInt() + " " + p.get("user").asText() + " " + round(p.get("score").asDouble()));
        }
        assertThat(people).containsExactlyInAnyOrderElementsOf(expectedPeople);
        JsonNode summary = JSON.readTree(Files.readAllLines(out.resolve("summary.jsonl")).get(0));
        assertThat(summary.get("events").asLong()).isEqualTo(report.get("input").get("events").asLong());
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }

    @Test
    void refusesAJobWithoutASourceInOneLine() {
        CommandRun run = CommandRun.of("flink-job", "--sink", "jsonl:" + work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains("--input").doesNotContain("\n");
    }

    @Test
    void refusesAnUnknownSink() {
        CommandRun run = CommandRun.of("flink-job", "--input", input.toString(), "--sink", "postgres:db");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("jsonl:DIR");
    }
}
