package org.custos.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custos.cli.CommandRun;
import org.custos.cli.Main;
import org.custos.cli.report.ReportFiles;
import org.custos.core.risk.Contribution;
import org.custos.store.AlertQuery;
import org.custos.store.BatchReceipt;
import org.custos.store.BoardEntry;
import org.custos.store.BoardQuery;
import org.custos.store.Store;
import org.custos.store.StoredAlert;
import org.custos.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custos analyze --data DIR} writes the analysis into the embedded store and leaves the report unchanged. */
class AnalyzeStoreIT {

    @Test
    void analyzeWithDataWritesEverythingOnceAndTheSameReport(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        assertThat(Main.run("simulate", "--people", "40", "--days", "60", "--seed", "7", "--out", sim.toString()))
                .isZero();
        Path plain = tmp.resolve("plain.json");
        Path stored = tmp.resolve("stored.json");
        Path data = tmp.resolve("data");
        assertThat(Main.run("analyze", sim.toString(), "--report", plain.toString(), "--quiet")).isZero();
        CommandRun run = CommandRun.of("analyze", sim.toString(), "--report", stored.toString(), "--data",
                data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        CommandRun again = CommandRun.of("analyze", sim.toString(), "--report", stored.toString(), "--data",
                data.toString(), "--quiet");
        assertThat(again.code()).as(again.err()).isZero();

        JsonNode report = ReportFiles.json().readTree(stored.toFile());
        assertThat(Files.readString(stored)).isEqualTo(Files.readString(plain));
        try (Store store = Stores.embedded(data)) {
            List<BatchReceipt> batches = store.batches();
            assertThat(batches).hasSize(2);
            long events = report.get("input").get("events").asLong();
            assertThat(store.eventCount()).isEqualTo(batches.get(0).events()).isGreaterThanOrEqualTo(events);
            assertThat(batches.get(1).events()).isZero();
            assertThat(batches.get(1).alerts()).isZero();
            assertThat(store.snapshotMonths()).isNotEmpty();
            assertThat(store.people()).hasSizeGreaterThanOrEqualTo(40);

            List<StoredAlert> alerts = store.alerts(AlertQuery.all(10_000));
            assertThat(alerts).hasSize(report.get("alerts").size());
            for (JsonNode a : report.get("alerts")) {
                assertThat(alerts).anySatisfy(s -> {
                    assertThat(s.alert().user()).isEqualTo(a.get("user").asText());
                    assertThat(s.alert().time()).isEqualTo(Instant.parse(a.get("time").asText()));
                });
            }
            List<BoardEntry> board = store.board(BoardQuery.top(100));
            assertThat(board).isNotEmpty();
            for (BoardEntry e : board) {
                double sum = e.latest().contributions().stream().mapToDouble(Contribution::points).sum();
                assertThat(sum).as(e.person().user()).isCloseTo(e.latest().score(), within(0.01));
            }
            String top = report.get("people").get(0).get("user").asText();
            assertThat(store.timeline(top, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1_000_000))
                    .isNotEmpty();
        }
        CommandRun verify = CommandRun.of("audit", "verify", "--data", data.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void anUnreachableStoreIsOneLine(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        Main.run("simulate", "--people", "20", "--days", "60", "--seed", "1", "--out", sim.toString());

        CommandRun run = CommandRun.of("analyze", sim.toString(), "--report", tmp.resolve("r.json").toString(),
                "--store", "jdbc:postgresql://127.0.0.1:1/custos?user=x&password=secret", "--data",
                tmp.resolve("data").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("custos: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/"
                + "custos?user=x&password=***").doesNotContain("secret").doesNotContain("\n");
    }
}
