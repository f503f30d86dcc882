package org.custos.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.custos.core.event.Event;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * EmbeddedStore is the default {@link Store}: one data directory holding a DuckDB database file, with zero set-up.
 * Only one process may have a data directory open at a time.
 */
final class EmbeddedStore extends JdbcStore {

    /*
     * Why DuckDB: see docs/adr/0006-embedded-store.md. Bulk rows enter through DuckDB's Appender into temporary
     * tables and reach the events table in one INSERT ... ORDER BY (user_id, ts_us) at commit, so each committed batch
     * is a run of row groups clustered by person; a timeline query is pruned by the row groups' min/max statistics
     * instead of an index (an ART index would slow the append several-fold and must fit in memory).
     *
     * Schema versions: a table schema_history lists the migrations applied (db/embedded/V<n>__*.sql). Opening first
     * looks at the file read-only; if it was written by a newer schema (or a newer DuckDB storage format) it fails
     * before anything is written.
     */

    static final String FILE = "custos.duckdb";
    private static final String[] MIGRATIONS = {"V1__schema.sql"};

    private final Path dir;
    private final DuckDBConnection main;

    private EmbeddedStore(Path dir, DuckDBConnection main) {
        this.dir = dir;
        this.main = main;
    }

    /** Opens (creating when absent) the store in {@code dir}, running DuckDB with {@code threads} threads (0: all). */
    static EmbeddedStore open(Path dir, int threads) {
        Path file = dir.resolve(FILE);
        prepareDirectory(dir);
        if (Files.exists(file)) {
            checkVersion(dir, file);
        }
        DuckDBConnection c;
        try {
            c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw translateOpen(e, dir);
        }
        try {
            try (Statement s = c.createStatement()) {
                if (threads > 0) {
                    s.execute("SET threads = " + threads);
                }
                s.execute("SET preserve_insertion_order = true");
            }
            migrate(c);
            return new EmbeddedStore(dir, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(e, dir, "preparing the data directory");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            throw new StoreException(StoreException.Reason.READ_ONLY, "cannot create data directory " + dir
                    + ": permission denied");
        } catch (FileSystemException e) {
            throw new StoreException(StoreException.Reason.READ_ONLY, "cannot create data directory " + dir + ": "
                    + (e.getReason() == null ? e.getMessage() : e.getReason()));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "cannot create data directory " + dir + ": "
                    + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.FAILED, "data directory " + dir + " is not a directory");
        }
        Path probe = dir.resolve(".custos-write-probe");
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.READ_ONLY, "data directory " + dir
                    + " is read-only; nothing was changed (Custos needs to write there)");
        }
    }

    private static void checkVersion(Path dir, Path file) {
        Properties ro = new Properties();
        ro.setProperty("access_mode", "READ_ONLY");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), ro);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'schema_history'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_history")) {
                rs.next();
                int version = rs.getInt(1);
                if (version > SCHEMA_VERSION) {
                    throw newer(dir, Integer.toString(version));
                }
            }
        } catch (SQLException e) {
            throw translateOpen(e, dir);
        }
    }

    private static StoreException newer(Path dir, String version) {
        return new StoreException(StoreException.Reason.NEWER_SCHEMA, "data directory " + dir
                + " was written by a newer Custos (schema version " + version + "; this one knows up to "
                + SCHEMA_VERSION + "); nothing was changed — use a newer custos");
    }

    private static void migrate(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_history (version INTEGER PRIMARY KEY,"
                    + " description VARCHAR NOT NULL, checksum VARCHAR NOT NULL)");
            int current;
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_history")) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int v = current + 1; v <= MIGRATIONS.length; v++) {
                String name = MIGRATIONS[v - 1];
                String sql = resource("db/embedded/" + name);
                c.setAutoCommit(false);
                try {
                    for (String statement : sql.split(";\\s*\\n")) {
                        String body = statement.lines().filter(l -> !l.strip().startsWith("--"))
                                .reduce("", (a, b) -> a + "\n" + b).strip();
                        if (!body.isEmpty()) {
                            s.execute(body);
                        }
                    }
                    s.execute("INSERT INTO schema_history VALUES (" + v + ", '" + name + "', '"
                            + sha256(sql.getBytes(StandardCharsets.UTF_8)) + "')");
                    c.commit();
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = EmbeddedStore.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("embedded", dir.toString(), SCHEMA_VERSION);
    }

    @Override
    Connection connect() throws SQLException {
        return main.duplicate();
    }

    @Override
    StoreException translate(SQLException e, String doing) {
        return translate(e, dir, doing);
    }

    private static StoreException translateOpen(SQLException e, Path dir) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
            return new StoreException(StoreException.Reason.UNAVAILABLE, "data directory " + dir
                    + " is in use by another Custos process; stop it or use another --data directory", e);
        }
        if (m.contains("version number") || m.contains("newer version") || m.contains("storage version")) {
            return newer(dir, "of a newer DuckDB storage format");
        }
        return translate(e, dir, "opening the data directory");
    }

    static StoreException translate(SQLException e, Path dir, String doing) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("file too large") || lower.contains("disk full")
                || lower.contains("disk is full") || lower.contains("out of disk")) {
            return new StoreException(StoreException.Reason.DISK_FULL, "the disk holding " + dir + " is full while "
                    + doing + "; the unfinished write was rolled back — free space and run again", e);
        }
        if (lower.contains("read-only") || lower.contains("read only") || lower.contains("permission denied")) {
            return new StoreException(StoreException.Reason.READ_ONLY, "data directory " + dir
                    + " cannot be written while " + doing + ": " + firstLine(m), e);
        }
        if (lower.contains("constraint") && lower.contains("duplicate key")) {
            return new StoreException(StoreException.Reason.CONFLICT, "conflicting write while " + doing + ": "
                    + firstLine(m), e);
        }
        return new StoreException(StoreException.Reason.FAILED, "store failure while " + doing + " in " + dir + ": "
                + firstLine(m), e);
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    Staging staging(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE staged_events (user_id VARCHAR, ts_us BIGINT, id VARCHAR, kind VARCHAR,"
                    + " host VARCHAR, detail VARCHAR)");
            s.execute("CREATE TEMP TABLE staged_scores (seq BIGINT, user_id VARCHAR, day INTEGER, score DOUBLE,"
                    + " movers VARCHAR, contributions VARCHAR, stage INTEGER)");
        }
        DuckDBConnection d = (DuckDBConnection) c;
        DuckDBAppender events = d.createAppender("temp", "main", "staged_events");
        DuckDBAppender scores = d.createAppender("temp", "main", "staged_scores");
        return new Staging() {
            @Override
            public void event(String user, long ts, String id, String kind, String host, String detail)
                    throws SQLException {
                events.beginRow().append(user).append(ts).append(id).append(kind).append(host).append(detail)
                        .endRow();
            }

            @Override
            public void score(long seq, String user, int day, double score, String movers, String contributions,
                              int stage) throws SQLException {
                scores.beginRow().append(seq).append(user).append(day).append(score).append(movers)
                        .append(contributions).append(stage).endRow();
            }

            @Override
            public void flush() throws SQLException {
                events.flush();
                scores.flush();
            }

            @Override
            public void close() throws SQLException {
                events.close();
                scores.close();
            }
        };
    }

    /*
     * Each batch's merge writes its events sorted by person and time, so a person's timeline lies in one run per
     * batch and a query reads one or two row groups per batch, skipping the others by their min/max statistics.
     * After many batches that is many runs; compaction rewrites the table in one sort so each person is one run
     * again (at 30 M events over 30 batches it halved a 15,000-event timeline's CPU: docs/benchmarks.md).
     */
    @Override
    List<String> compactionSql() {
        return List.of("CREATE TABLE events_compacted (user_id VARCHAR NOT NULL, ts_us BIGINT NOT NULL,"
                        + " id VARCHAR NOT NULL, kind VARCHAR NOT NULL, host VARCHAR NOT NULL, detail VARCHAR NOT NULL)",
                "INSERT INTO events_compacted SELECT user_id, ts_us, id, kind, host, detail FROM events"
                        + " ORDER BY user_id, ts_us, id",
                "DROP TABLE events",
                "ALTER TABLE events_compacted RENAME TO events");
    }

    @Override
    String eventSumSql() {
        return JdbcStore.eventSumSql("sha256(%s)", "strlen(%s)", "CAST(ts_us AS VARCHAR)",
                "('0x' || substr(h, %d, 8))::UBIGINT");
    }

    @Override
    void afterCompaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    @Override
    String mergeEventsSql(boolean checkStored, boolean repeats) {
        String stored = checkStored
                ? " WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = s.user_id AND e.id = s.id"
                        + " AND e.ts_us BETWEEN ? AND ?)"
                : " WHERE s.ts_us BETWEEN ? AND ?";
        return "INSERT INTO events (user_id, ts_us, id, kind, host, detail)"
                + " SELECT user_id, ts_us, id, kind, host, detail"
                + " FROM (SELECT " + (repeats ? "DISTINCT ON (user_id, id) " : "") + "* FROM staged_events s" + stored
                + ") x ORDER BY user_id, ts_us";
    }

    /*
     * A timeline comes back as one string (string_agg) rather than row by row: DuckDB's JDBC result costs about 2 µs a
     * row to fetch, while the scan itself is pruned to a few row groups. Fields are separated by U+001C and events by
     * U+001E. The detail never holds either raw (EventCodec escapes them); in the id and host a backslash, U+001C and
     * U+001E are escaped here as \\, \c and \r. The detail is passed on still escaped, as EventCodec expects.
     */
    private static final String ESCAPED = "replace(replace(replace(%s, '\\', '\\\\'), chr(28), '\\c'), chr(30), '\\r')";
    private static final String TIMELINE = "SELECT string_agg(" + ESCAPED.formatted("id") + " || chr(28) || ts_us"
            + " || chr(28) || " + ESCAPED.formatted("host") + " || chr(28) || kind || chr(28) || detail, chr(30)"
            + " ORDER BY ts_us, id) FROM (SELECT id, ts_us, host, kind, detail"
            + " FROM events WHERE user_id = ? AND ts_us >= ? AND ts_us < ? ORDER BY ts_us, id LIMIT ?) t";

    @Override
    List<Event> timelineRows(Connection c, String user, long from, long to, int limit) throws SQLException {
        String all;
        try (PreparedStatement ps = c.prepareStatement(TIMELINE)) {
            ps.setString(1, user);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                all = rs.getString(1);
            }
        }
        List<Event> out = new ArrayList<>();
        if (all == null) {
            return out;
        }
        String[] f = new String[5];
        int field = 0;
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i <= all.length(); i++) {
            char ch = i == all.length() ? '\u001e' : all.charAt(i);
            if (ch == '\\') {
                escaped = true;
                i++;
            } else if (ch == '\u001c' || ch == '\u001e') {
                f[field] = field == 4 ? all.substring(start, i) : unescape(all, start, i, escaped);
                field++;
                start = i + 1;
                escaped = false;
                if (ch == '\u001e') {
                    out.add(EventCodec.decode(f[0], Long.parseLong(f[1]), user, f[2], f[3], f[4]));
                    field = 0;
                }
            }
        }
        return out;
    }

    private static String unescape(String s, int from, int to, boolean escaped) {
        if (!escaped) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < to) {
                char n = s.charAt(++i);
                b.append(n == 'c' ? '\u001c' : n == 'r' ? '\u001e' : n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    @Override
    void release() {
        try {
            main.close();
        } catch (SQLException ignored) {
            // closing releases the file lock either way
        }
    }
}
