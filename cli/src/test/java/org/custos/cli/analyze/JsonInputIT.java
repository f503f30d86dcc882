package org.custos.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInputIT {

    @TempDir
    Path tmp;

    @Test
    void analyzesADirectoryOfOcsfAndEcsEventsDetectedPerFile() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("auth.jsonl"), """
                {"class_uid":3002,"activity_id":1,"time":1262592000000,"metadata":{"uid":"o1"},"user":{"name":"u1"},"dst_endpoint":{"hostname":"PC-1"}}
                {"class_uid":3002,"activity_id":1,"time":1262592060000,"metadata":{"uid":"o2"},"user":{"name":"u2"},"dst_endpoint":{"hostname":"PC-2"}}
                {"class_uid":3002,"activity_id":1,"time":12625920
                """);
        Files.writeString(in.resolve("web.ndjson"), """
                {"@timestamp":"2010-01-04T08:05:00Z","event":{"id":"e1","category":["web"]},"user":{"name":"u1"},"host":{"name":"PC-1"},"url":{"full":"http://wikileaks.org/"}}
                """);
        Path report = tmp.resolve("report.json");

        CommandRun run = CommandRun.of("analyze", in.toString(), "--report", report.toString(), "--quiet");

        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/input/events").asLong()).isEqualTo(3);
        assertThat(json.at("/input/rejected").asLong()).isEqualTo(1);
        assertThat(json.at("/input/files/0/file").asText()).isEqualTo("auth.jsonl");
        assertThat(json.at("/input/files/0/layout").asText()).isEqualTo("ocsf");
        assertThat(json.at("/input/files/1/layout").asText()).isEqualTo("ecs");
        assertThat(json.get("people")).hasSize(2);
    }

    @Test
    void refusesAnUnknownFormat() {
        CommandRun run = CommandRun.of("analyze", tmp.toString(), "--format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format: unknown format 'xml' (auto, cert, ocsf, ecs or custos)");
    }
}
