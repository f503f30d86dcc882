package org.custos.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.cli.CommandRun;
import org.custos.cli.Main;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos audit verify} finds a store whose files or rows were changed behind Custos' back, in the embedded
 * store (DuckDB file) and in PostgreSQL.
 */
class AuditStoreIT {

    @TempDir
    Path tmp;

    CommandRun run(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        return CommandRun.of(all.toArray(String[]::new));
    }

    Path simulated() {
        Path sim = tmp.resolve("sim");
        assertThat(Main.run("simulate", "--people", "20", "--days", "60", "--seed", "5", "--out", sim.toString()))
                .isZero();
        return sim;
    }

    @Test
    void verifyNamesEveryChangeMadeToTheEmbeddedStoresFile() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(Main.run("analyze", simulated().toString(), "--report", tmp.resolve("r.json").toString(),
                "--data", data.toString(), "--quiet")).isZero();
        String subject;
        try (Store store = Stores.open(data.toString())) {
            subject = store.people().get(0).user();
        }
        assertThat(run(data, "account", "add", "boss", "--role", "admin").code()).isZero();
        assertThat(run(data, "account", "add", "ivan", "--role", "investigator", "--as", "boss").code()).isZero();
        CommandRun open = run(data, "case", "open", "--subject", subject, "--title", "USB copies", "--as", "ivan");
        assertThat(open.code()).as(open.err()).isZero();
        Matcher m = Pattern.compile("(C-\\d{4}-\\d{4})").matcher(open.out());
        assertThat(m.find()).as(open.out()).isTrue();
        String caseId = m.group(1);
        assertThat(run(data, "case", "note", caseId, "badge", "records", "checked", "--as", "ivan").code()).isZero();
        Path file = tmp.resolve("photo.txt");
        Files.writeString(file, "a photo of the screen");
        CommandRun added = run(data, "case", "evidence", "add", caseId, file.toString(), "--as", "ivan");
        assertThat(added.code()).as(added.err()).isZero();

        CommandRun clean = run(data, "audit", "verify");
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("store " + data + " matches the audit log");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("custos.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE events SET host = 'PC-0000' WHERE id = (SELECT min(id) FROM events)");
            s.execute("DELETE FROM case_notes");
            s.execute("UPDATE evidence SET sha256 = '" + "a".repeat(64) + "'");
        }
        CommandRun tampered = run(data, "audit", "verify");

        assertThat(tampered.code()).isEqualTo(1);
        List<String> lines = tampered.out().lines().toList();
        assertThat(lines.get(0)).doesNotStartWith("problem");
        assertThat(lines).anyMatch(l -> l.startsWith("problem: store " + data + ": the content of the stored events "
                + "differs from what the audit log recorded"));
        assertThat(lines).contains("problem: store " + data + ": note 1 of case " + caseId + " is in the audit log "
                + "but missing from the store");
        assertThat(lines).anyMatch(l -> l.startsWith("problem: store " + data + ": evidence E-1 of case " + caseId
                + " has sha256 " + "a".repeat(64) + " in the store but "));
        assertThat(run(data, "audit", "verify", "--log-only").code()).isZero();
    }

    @Test
    void verifyNamesEventsChangedInAPostgresStore() throws Exception {
        Path data = tmp.resolve("data");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
            CommandRun analyze = run(data, "analyze", simulated().toString(), "--report",
                    tmp.resolve("r.json").toString(), "--store", url, "--quiet");
            assertThat(analyze.code()).as(analyze.err()).isZero();
            CommandRun clean = run(data, "audit", "verify", "--store", url);
            assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("matches the audit log");

            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE events SET detail = '' WHERE id = (SELECT min(id) FROM events)");
            }
            CommandRun edited = run(data, "audit", "verify", "--store", url);
            assertThat(edited.code()).isEqualTo(1);
            assertThat(edited.out()).contains("the content of the stored events differs from what the audit log "
                    + "recorded").doesNotContain("events; its batches");

            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM events WHERE id IN (SELECT id FROM events LIMIT 2)");
                s.execute("UPDATE batches SET digest = 'x'");
            }
            CommandRun deleted = run(data, "audit", "verify", "--store", url);
            assertThat(deleted.code()).isEqualTo(1);
            assertThat(deleted.out()).contains("problem: store ").contains("batch 1 differs from its audit entry")
                    .containsPattern("the store holds [0-9]+ events; its batches and retention runs account for");
        }
    }
}
