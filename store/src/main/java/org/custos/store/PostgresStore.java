package org.custos.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * PostgresStore is the {@link Store} on a PostgreSQL database, for several Custos processes or a larger
 * organization. Flyway applies the migrations in {@code db/postgresql}.
 */
final class PostgresStore extends JdbcStore {

    /*
     * Bulk rows reach temporary tables through COPY (text format, sent every 20,000 rows) and the events table through
     * INSERT ... ON CONFLICT DO NOTHING on its (user_id, id) key; a timeline reads the (user_id, ts_us) index.
     */

    private static final int COPY_ROWS = 20_000;

    private final String location;
    private final HikariDataSource pool;

    private PostgresStore(String location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /** Connects, checks the schema version and migrates. */
    static PostgresStore open(String url, String user, String password) {
        String location = withoutSecrets(url);
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        try (Connection probe = DriverManager.getConnection(url, props)) {
            checkVersion(probe, location);
        } catch (SQLException e) {
            throw translate(e, location, "connecting");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("custos-store");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/postgresql").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw translate(sql, location, "migrating the schema");
            }
            throw new StoreException(StoreException.Reason.FAILED, "cannot migrate the schema of " + location + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return new PostgresStore(location, pool);
    }

    private static void checkVersion(Connection c, String location) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL")) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    int major = Integer.parseInt(version.split("\\.")[0]);
                    if (major > SCHEMA_VERSION) {
                        throw new StoreException(StoreException.Reason.NEWER_SCHEMA, "database " + location
                                + " was written by a newer Custos (schema version " + version
                                + "; this one knows up to " + SCHEMA_VERSION + "); nothing was changed — use a newer"
                                + " custos");
                    }
                }
            }
        }
    }

    /** The URL without a password parameter, for messages. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("postgresql", location, SCHEMA_VERSION);
    }

    @Override
    Connection connect() throws SQLException {
        return pool.getConnection();
    }

    @Override
    StoreException translate(SQLException e, String doing) {
        return translate(e, location, doing);
    }

    static StoreException translate(SQLException e, String location, String doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException(StoreException.Reason.AUTHENTICATION, "PostgreSQL at " + location
                    + " refused the credentials: " + message, e);
        }
        if (state.startsWith("08")) {
            return new StoreException(StoreException.Reason.UNAVAILABLE, "cannot reach PostgreSQL at " + location
                    + ": " + message, e);
        }
        if (state.equals("53100")) {
            return new StoreException(StoreException.Reason.DISK_FULL, "PostgreSQL at " + location
                    + " ran out of disk while " + doing + "; the unfinished write was rolled back", e);
        }
        if (state.equals("25006") || state.equals("42501")) {
            return new StoreException(StoreException.Reason.READ_ONLY, "PostgreSQL at " + location
                    + " refused the write while " + doing + ": " + message, e);
        }
        if (state.equals("23505")) {
            return new StoreException(StoreException.Reason.CONFLICT, "conflicting write while " + doing + ": "
                    + message, e);
        }
        if (state.equals("3D000")) {
            return new StoreException(StoreException.Reason.UNAVAILABLE, "PostgreSQL at " + location + ": "
                    + message, e);
        }
        return new StoreException(StoreException.Reason.FAILED, "store failure while " + doing + " at " + location
                + ": " + message, e);
    }

    @Override
    Staging staging(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE staged_events (user_id TEXT, ts_us BIGINT, id TEXT, kind TEXT, host TEXT,"
                    + " detail TEXT) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE staged_scores (seq BIGINT, user_id TEXT, day INTEGER,"
                    + " score DOUBLE PRECISION, movers TEXT, contributions TEXT, stage INTEGER) ON COMMIT DROP");
        }
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        return new Staging() {
            private final StringBuilder events = new StringBuilder(1 << 20);
            private final StringBuilder scores = new StringBuilder(1 << 16);
            private int eventRows;
            private int scoreRows;

            @Override
            public void event(String user, long ts, String id, String kind, String host, String detail)
                    throws SQLException {
                field(events, user).append('\t').append(ts).append('\t');
                field(events, id).append('\t');
                field(events, kind).append('\t');
                field(events, host).append('\t');
                field(events, detail).append('\n');
                if (++eventRows >= COPY_ROWS) {
                    send("staged_events", events);
                    eventRows = 0;
                }
            }

            @Override
            public void score(long seq, String user, int day, double score, String movers, String contributions,
                              int stage) throws SQLException {
                scores.append(seq).append('\t');
                field(scores, user).append('\t').append(day).append('\t').append(score).append('\t');
                field(scores, movers).append('\t');
                field(scores, contributions).append('\t').append(stage).append('\n');
                if (++scoreRows >= COPY_ROWS) {
                    send("staged_scores", scores);
                    scoreRows = 0;
                }
            }

            @Override
            public void flush() throws SQLException {
                send("staged_events", events);
                send("staged_scores", scores);
            }

            private void send(String table, StringBuilder rows) throws SQLException {
                if (rows.length() == 0) {
                    return;
                }
                try {
                    copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
                } catch (IOException e) {
                    throw new SQLException("cannot send rows to PostgreSQL: " + e.getMessage(), "08006", e);
                }
                rows.setLength(0);
            }

            @Override
            public void close() {
                events.setLength(0);
                scores.setLength(0);
            }
        };
    }

    private static StringBuilder field(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    @Override
    String eventSumSql() {
        return JdbcStore.eventSumSql("encode(sha256(convert_to(%s, 'UTF8')), 'hex')", "octet_length(%s)",
                "ts_us::text", "('x' || substr(h, %d, 8))::bit(32)::bigint");
    }

    /** PostgreSQL reads a timeline through its (user_id, ts_us) index; CLUSTER puts the rows in that order too. */
    @Override
    List<String> compactionSql() {
        return List.of("CLUSTER events USING events_timeline", "ANALYZE events");
    }

    @Override
    String mergeEventsSql(boolean checkStored, boolean repeats) {
        return """
                INSERT INTO events (user_id, ts_us, id, kind, host, detail)
                SELECT user_id, ts_us, id, kind, host, detail FROM staged_events
                WHERE ts_us BETWEEN ? AND ?
                ORDER BY user_id, ts_us
                ON CONFLICT DO NOTHING""";
    }

    @Override
    void release() {
        pool.close();
    }
}
