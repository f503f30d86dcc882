package org.custos.cli.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmaCommandIT {

    @TempDir
    Path tmp;

    private static final String LEAK_RULE = """
            title: Upload to a leak site
            id: leak-upload
            level: critical
            tags: [attack.exfiltration]
            logsource: {product: custos, category: http}
            detection:
              selection:
                domain: 'drop.example.net'
                action: UPLOAD
              condition: selection
            """;

    @Test
    void analyzeRunsSigmaRulesAndTheirHitsExplainTheScore() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("leak.yml"), LEAK_RULE);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("web.ndjson"), """
                {"@timestamp":"2010-01-04T08:05:00Z","event":{"id":"e1","category":["web"]},"user":{"name":"u1"},"host":{"name":"PC-1"},"url":{"full":"https://drop.example.net/submit"},"http":{"request":{"method":"POST"}}}
                {"@timestamp":"2010-01-04T08:06:00Z","event":{"id":"e2","category":["web"]},"user":{"name":"u2"},"host":{"name":"PC-2"},"url":{"full":"http://news.example/"}}
                """);
        Path report = tmp.resolve("report.json");

        CommandRun run = CommandRun.of("analyze", in.toString(), "--report", report.toString(), "--quiet", "--sigma",
                rules.toString());

        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode top = json.at("/people/0");
        assertThat(top.get("user").asText()).isEqualTo("u1");
        assertThat(top.get("score").asDouble()).isPositive();
        assertThat(top.at("/reasons/0/indicator").asText()).isEqualTo("sigma-leak-upload");
        assertThat(top.at("/reasons/0/events/0").asText()).isEqualTo("e1");
        assertThat(json.at("/people/1/score").asDouble()).isZero();
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.yml"), LEAK_RULE);
        Files.writeString(rules.resolve("b.yml"), """
                title: Bad
                logsource: {category: proxy}
                detection:
                  selection:
                    c-uri|wide: 'x'
                  condition: selection
                """);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = CommandRun.of("sigma", "validate", rules.toString()).code();
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(code).isEqualTo(1);
        assertThat(printed).contains(rules.resolve("b.yml") + ":5: detection.selection.c-uri|wide: modifier 'wide' is"
                + " not supported by Custos");
        assertThat(printed).contains("ok: sigma-leak-upload (http events, exfiltration, weight 25.0)");
        assertThat(printed).contains("2 files, 1 valid rules, 1 problems");
    }

    @Test
    void analyzeRefusesAnInvalidRuleSet() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("b.yml"), "title: x\n");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("logon.csv"), "id,date,user,pc,activity\n");

        CommandRun run = CommandRun.of("analyze", in.toString(), "--sigma", rules.toString(), "--report",
                tmp.resolve("r.json").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("problems in the Sigma rules (listed above); nothing analyzed");
    }
}
