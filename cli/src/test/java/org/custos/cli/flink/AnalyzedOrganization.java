package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.custos.cli.CommandRun;
import org.custos.flink.EventJson;
import org.custos.flink.KafkaBroker;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;

/**
 * A simulated organization and {@code custos analyze}'s report of it, both made through the CLI, for the
 * {@code custos flink-job} tests: its events as Kafka messages, and the check that a job's JSON-lines sink holds
 * the report's alerts, people and event count.
 *
 * @param input the simulated organization's directory
 * @param report the report {@code custos analyze --report} wrote for it
 */
record AnalyzedOrganization(Path input, JsonNode report) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code custos simulate} into {@code work/org} and {@code custos analyze} over it. */
    static AnalyzedOrganization simulate(Path work, int people, int days, long seed) throws IOException {
        Path input = work.resolve("org");
        assertThat(CommandRun.of("simulate", "--people", Integer.toString(people), "--days", Integer.toString(days),
                "--seed", Long.toString(seed), "--out", input.toString()).code()).isZero();
        Path reportFile = work.resolve("report.json");
        assertThat(CommandRun.of("analyze", input.toString(), "--report", reportFile.toString(), "--quiet").code())
                .isZero();
        return new AnalyzedOrganization(input, JSON.readTree(reportFile.toFile()));
    }

    /** Every event of the organization, in the order analyze reads them, as a JSON message keyed by its person. */
    List<KafkaBroker.Message> messages() throws IOException {
        List<KafkaBroker.Message> messages = new ArrayList<>();
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            dir.forEachEvent(e -> messages.add(message(e.user(), EventJson.write(e))));
        }
        return messages;
    }

    /** A message with a text key and value, for the partitioner to place. */
    static KafkaBroker.Message message(String key, String value) {
        return new KafkaBroker.Message(null, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks that a sink directory holds the report's alerts (person, time, score) and people (rank, person,
     * score), scores to two decimals, and a summary with its event count.
     */
    void assertSinkHoldsTheReport(Path out) throws IOException {
        List<String> expectedAlerts = lines(report.get("alerts"), a -> a.get("user").asText() + " "
                + a.get("time").asText() + " " + round(a.get("score").asDouble()));
        assertThat(expectedAlerts).as("the simulated organization raises alerts").isNotEmpty();
        assertThat(lines(out.resolve("alerts.jsonl"), a -> a.get("user").asText() + " " + a.get("time").asText()
                + " " + round(a.get("score").asDouble()))).containsExactlyInAnyOrderElementsOf(expectedAlerts);
        Function<JsonNode, String> person = p -> p.get("rank").asInt() + " "
                + p.get("user").asText() + " " + round(p.get("score").asDouble());
        assertThat(lines(out.resolve("people.jsonl"), person))
                .containsExactlyInAnyOrderElementsOf(lines(report.get("people"), person));
        JsonNode summary = JSON.readTree(Files.readAllLines(out.resolve("summary.jsonl")).get(0));
        assertThat(summary.get("events").asLong()).isEqualTo(report.get("input").get("events").asLong());
    }

    private static List<String> lines(JsonNode array, Function<JsonNode, String> shown) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(shown.apply(n)));
        return out;
    }

    private static List<String> lines(Path jsonLines, Function<JsonNode, String> shown)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines)) {
            out.add(shown.apply(JSON.readTree(line)));
        }
        return out;
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
