package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.cli.CommandRun;
import org.custos.flink.EventJson;
import org.custos.flink.KafkaBroker;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos flink-job} reading a real Kafka topic (a broker in this JVM), against {@code custos analyze} over
 * the files the topic was filled from.
 */
class FlinkKafkaCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static KafkaBroker broker;
    static Path input;
    static JsonNode report;

    @BeforeAll
    static void fillATopicAndAnalyzeTheFiles() throws Exception {
        broker = KafkaBroker.start();
        input = work.resolve("org");
        assertThat(CommandRun.of("simulate", "--people", "30", "--days", "60", "--seed", "5", "--out",
                input.toString()).code()).isZero();
        Path reportFile = work.resolve("report.json");
        assertThat(CommandRun.of("analyze", input.toString(), "--report", reportFile.toString(), "--quiet").code())
                .isZero();
        report = JSON.readTree(reportFile.toFile());

        List<KafkaBroker.Message> messages = new ArrayList<>();
        messages.add(message("nobody", "{\"kind\":\"logon\"}"));
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            dir.forEachEvent(e -> messages.add(message(e.user(), EventJson.write(e))));
        }
        messages.add(message("nobody", "not an event"));
        broker.createTopic("custos-events", 2);
        broker.produce("custos-events", messages);
    }

    private static KafkaBroker.Message message(String key, String value) {
        return new KafkaBroker.Message(null, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readsABoundedTopicAtParallelismTwoIntoTheAlertsAndScoresOfAnalyze() throws Exception {
        Path out = work.resolve("flink-out");
        CommandRun run = CommandRun.of("flink-job", "--kafka-bootstrap", broker.bootstrap(), "--kafka-topic",
                "custos-events", "--kafka-bounded", "--reference", input.toString(), "--sink", "jsonl:" + out,
                "--parallelism", "2", "--checkpoint-interval", "1");
        assertThat(run.code()).as(run.err()).isZero();
        Path deadLetters = out.resolve("dead-letters.csv");
        assertThat(run.out()).contains("finished")
                .contains("2 rejected Kafka messages in " + deadLetters.toAbsolutePath());

        assertSameAlertsPeopleAndEvents(out, report);

        List<String> letters = Files.readAllLines(deadLetters);
        assertThat(letters).hasSize(3);
        assertThat(letters.get(0)).isEqualTo(DeadLetters.HEADER);
        assertThat(letters.subList(1, 3)).anySatisfy(l -> assertThat(l).contains("field 'id': missing"))
                .anySatisfy(l -> assertThat(l).contains("not JSON").endsWith(",not an event"))
                .allSatisfy(l -> assertThat(l).startsWith("custos-events-"));
    }

    @Test
    void refusesKafkaWithoutAReferenceDirectoryInOneLine() {
        CommandRun run = CommandRun.of("flink-job", "--kafka-bootstrap", "127.0.0.1:9", "--kafka-topic", "t",
                "--sink", "jsonl:" + work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains("--reference").doesNotContain("\n");
    }

    /**
     * Checks that a sink directory holds the alerts and people's ranks and scores of an {@code analyze} report, and
     * a summary with its event count.
     */
    static void assertSameAlertsPeopleAndEvents(Path out, JsonNode report) throws java.io.IOException {
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
}
