package org.custos.cli.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.custos.core.harvest.HarvestParameters;
import org.custos.ingest.DeadLetters;
import org.custos.simulator.weblog.WebLogConfig;
import org.custos.simulator.weblog.WebLogSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestCommandIT {

    @TempDir
    Path tmp;

    @Test
    void findsEveryFastAndAtLeastNineInTenSlowHarvestersAndNoOrdinaryVisitor() throws Exception {
        WebLogSimulator.run(new WebLogConfig(20_000, 7, 5, java.time.LocalDate.of(2010, 1, 4), 3, 10, 3), tmp);

        Harvesting.Result result = Harvesting.run(java.util.List.of(tmp.resolve("weblogs")),
                HarvestParameters.defaults(), DeadLetters.discard());
        HarvestEvaluation e = HarvestEvaluation.of(result.report(), tmp.resolve("answers/harvesters.csv"), 20_000);

        assertThat(e.fastFound()).isEqualTo(3);
        assertThat(e.slowFound()).isGreaterThanOrEqualTo(9);
        assertThat(e.falseHarvesters()).isZero();
        assertThat(result.report().crawlers()).hasSize(3);
        assertThat(result.rejected()).isZero();
    }

    @Test
    void writesTheReportWithWhatEachHarvesterTookAndCopiesTheTakenFiles() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            log.append(String.format("192.0.2.9 - - [05/Jan/2010:10:%02d:%02d +0000] \"GET /papers/p%d.pdf HTTP/1.1\""
                    + " 200 1000 \"-\" \"Wget/1.21.3\"%n", i / 60, i % 60, i));
        }
        log.append("not a log line \u001b[2J\n");
        Files.writeString(logs.resolve("access.log"), log);
        Files.writeString(logs.resolve("notes.txt"), "hello\n");
        Path site = Files.createDirectories(tmp.resolve("site/papers"));
        Files.writeString(site.resolve("p0.pdf"), "paper zero");
        Path report = tmp.resolve("out/harvest.json");

        CommandRun run = CommandRun.of("harvest", logs.toString(), "--report", report.toString(), "--taken",
                tmp.resolve("taken").toString(), "--site-root", tmp.resolve("site").toString(), "--quiet");

        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/input/requests").asLong()).isEqualTo(120);
        assertThat(json.at("/input/rejected").asLong()).isEqualTo(1);
        assertThat(json.at("/input/notices/0").asText()).endsWith("notes.txt: not a web access log (first line is "
                + "no Common or Combined Log Format line); skipped");
        JsonNode h = json.at("/harvesters/0");
        assertThat(h.get("client").asText()).isEqualTo("192.0.2.9");
        assertThat(h.get("documentCount").asInt()).isEqualTo(120);
        assertThat(h.get("documents").get(119).asText()).isEqualTo("/papers/p119.pdf");
        assertThat(h.get("first").asText()).isEqualTo("2010-01-05T10:00:00Z");
        assertThat(Files.readAllLines(tmp.resolve("taken/1-192.0.2.9.txt"))).hasSize(120);
        assertThat(Files.readString(tmp.resolve("taken/1-192.0.2.9/papers/p0.pdf"))).isEqualTo("paper zero");
        assertThat(Files.readString(tmp.resolve("out/dead-letters.csv"))).contains("access.log,121,")
                .contains("\\x1B[2J");
    }

    @Test
    void simulateWithWebLogsWritesALogThatHarvestReads() throws Exception {
        Path out = tmp.resolve("sim");
        CommandRun simulate = CommandRun.of("simulate", "--people", "20", "--days", "60", "--out", out.toString(),
                "--web-logs", "--web-visitors", "3000", "--web-days", "3", "--fast-harvesters", "2",
                "--slow-harvesters", "3");
        assertThat(simulate.code()).isZero();
        assertThat(out.resolve("logon.csv")).exists();
        assertThat(out.resolve("weblogs/access.log")).exists();

        Path report = tmp.resolve("harvest.json");
        CommandRun harvest = CommandRun.of("harvest", out.resolve("weblogs").toString(), "--report",
                report.toString(), "--quiet");
        assertThat(harvest.code()).isZero();
        HarvestEvaluation e = HarvestEvaluation.of(Harvesting.run(java.util.List.of(out.resolve("weblogs")),
                HarvestParameters.defaults(), DeadLetters.discard()).report(), out.resolve("answers/harvesters.csv"),
                3000);
        assertThat(e.fast()).isEqualTo(2);
        assertThat(e.fastFound()).isEqualTo(2);
        assertThat(e.slow()).isEqualTo(3);
        assertThat(e.falseHarvesters()).isZero();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("harvesters").size()).isEqualTo(
                e.fastFound() + e.slowFound());
    }

    @Test
    void refusesBadWebLogOptions() {
        CommandRun run = CommandRun.of("simulate", "--out", tmp.resolve("x").toString(), "--web-logs",
                "--web-visitors", "5");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--web-logs: visitors must be >= 100, was 5");
    }

    @Test
    void refusesAPathWithNoAccessLog() throws Exception {
        Files.writeString(tmp.resolve("x.csv"), "id,date\n");
        CommandRun run = CommandRun.of("harvest", tmp.toString(), "--report", tmp.resolve("h.json").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(": no web access log found");
    }
}
