package org.custos.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.custos.cli.Main;
import org.custos.cli.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs simulate and analyze end to end and checks the real report against the published JSON Schema. */
class ReportSchemaIT {

    @Test
    void analyzeWritesAReportThatMatchesThePublishedSchema(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("sim");
        assertThat(Main.run("simulate", "--people", "60", "--days", "90", "--seed", "3", "--out", data.toString()))
                .isZero();
        Path report = tmp.resolve("report.json");
        Path html = tmp.resolve("report.html");
        assertThat(Main.run("analyze", data.toString(), "--report", report.toString(), "--html", html.toString(),
                "--quiet")).isZero();

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("..", "docs", "report.schema.json")));
        JsonNode json = ReportFiles.json().readTree(report.toFile());
        Set<ValidationMessage> problems = schema.validate(json);
        assertThat(problems).isEmpty();
        assertThat(json.get("people").size()).isGreaterThan(50);
        assertThat(json.get("input").get("events").asLong()).isGreaterThan(10_000);
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("Ranking");
        assertThat(page).as("no unquoted attribute value runs into a self-closing tag")
                .doesNotContainPattern("=[^\"\\s>]*/>");
    }

    @Test
    void contributionsAddUpToEachPersonsScore(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("sim");
        Main.run("simulate", "--people", "60", "--days", "90", "--seed", "5", "--out", data.toString());
        Path report = tmp.resolve("report.json");
        assertThat(Main.run("analyze", data.toString(), "--report", report.toString(), "--quiet")).isZero();
        JsonNode json = ReportFiles.json().readTree(report.toFile());
        for (JsonNode person : json.get("people")) {
            double sum = 0;
            for (JsonNode reason : person.get("reasons")) {
                sum += reason.get("contribution").asDouble();
            }
            assertThat(sum).as(person.get("user").asText())
                    .isCloseTo(person.get("score").asDouble(), org.assertj.core.data.Offset.offset(
                            0.005 * person.get("reasons").size() + 1e-9));
        }
    }
}
