package org.custos.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.custos.cli.CommandRun;
import org.custos.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custos store info} and {@code custos store retention} on a data directory written by analyze. */
class StoreCommandIT {

    @Test
    void retentionDeletesOldEventsAndTheAuditLogSaysHowMany(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        Path data = tmp.resolve("data");
        assertThat(Main.run("simulate", "--people", "20", "--days", "60", "--seed", "2", "--out", sim.toString()))
                .isZero();
        assertThat(Main.run("analyze", sim.toString(), "--report", tmp.resolve("r.json").toString(), "--data",
                data.toString(), "--quiet")).isZero();

        CommandRun info = CommandRun.of("store", "info", "--data", data.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("embedded " + data + ", schema version 1").contains("batches:  1 (last: #1");

        CommandRun retention = CommandRun.of("store", "retention", "--data", data.toString(), "--events-days", "1",
                "--former-staff-days", "36500", "--as-of", "2100-01-01T00:00:00Z", "--by", "admin1");
        assertThat(retention.code()).as(retention.err()).isZero();
        assertThat(retention.out()).containsPattern("deleted [0-9,]+ events before 2099-12-31T00:00:00Z \\(")
                .contains("recorded in the audit log of " + data);

        CommandRun after = CommandRun.of("store", "info", "--data", data.toString());
        assertThat(after.out()).contains("events:   0");
        String log = Files.readString(data.resolve("audit").resolve("entries.log"));
        assertThat(log).contains("store.batch").contains("store.retention").contains("admin1")
                .contains("eventsDeleted");
        CommandRun verify = CommandRun.of("audit", "verify", "--data", data.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void verifyFindsEventsAndBatchesChangedBehindCustosBack(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        Path data = tmp.resolve("data");
        Main.run("simulate", "--people", "20", "--days", "60", "--seed", "4", "--out", sim.toString());
        assertThat(Main.run("analyze", sim.toString(), "--report", tmp.resolve("r.json").toString(), "--data",
                data.toString(), "--quiet")).isZero();
        CommandRun clean = CommandRun.of("store", "verify", "--data", data.toString());
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("store matches the audit log");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("custos.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM events WHERE id IN (SELECT id FROM events LIMIT 3)");
            s.execute("UPDATE batches SET scores = scores + 1");
        }
        CommandRun tampered = CommandRun.of("store", "verify", "--data", data.toString());

        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("problem: batch 1 differs from its audit entry")
                .containsPattern("problem: the store holds [0-9]+ events; its batches and retention runs account for");
    }

    @Test
    void compactRewritesTheEventsInOrderAndTheStoreStillMatchesTheAuditLog(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        Path data = tmp.resolve("data");
        Main.run("simulate", "--people", "20", "--days", "60", "--seed", "6", "--out", sim.toString());
        assertThat(Main.run("analyze", sim.toString(), "--report", tmp.resolve("r.json").toString(), "--data",
                data.toString(), "--quiet")).isZero();
        String events = CommandRun.of("store", "info", "--data", data.toString()).out().lines()
                .filter(l -> l.startsWith("events:")).findFirst().orElseThrow().replaceAll("[^0-9]", "");

        CommandRun compact = CommandRun.of("store", "compact", "--data", data.toString(), "--by", "admin1");

        assertThat(compact.code()).as(compact.err()).isZero();
        assertThat(compact.out().replace(",", "")).startsWith("rewrote " + events + " events in person and time order");
        CommandRun verify = CommandRun.of("audit", "verify", "--data", data.toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(Files.readString(data.resolve("audit").resolve("entries.log"))).contains("store.compact");
    }

    @Test
    void aNonPostgresStoreUrlIsBadUsage(@TempDir Path tmp) {
        CommandRun run = CommandRun.of("store", "info", "--store", "jdbc:mysql://x/y");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--store: expected a jdbc:postgresql://");
    }
}
