package org.custos.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.custos.core.alert.Alert;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Evidence;
import org.custos.core.casefile.Outcome;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;

/**
 * JdbcStore is the part of both adapters that is plain SQL over JDBC; the adapters supply connections, the way rows
 * are staged in bulk, and how database errors read.
 */
abstract class JdbcStore implements Store {

    /*
     * Every public method is one transaction on a connection of its own. Writes are serialized by one lock per store
     * instance, which makes "read the next number, insert it" safe for case, note, evidence and ledger numbers within
     * a process; PostgreSQL's unique constraints guard against a second process (the write then fails with
     * CONFLICT). A batch holds its own connection and transaction from begin to commit and takes the write lock only
     * while it merges its staged rows at commit, so readers and small writes go on during a long analysis.
     */

    /** The schema version this build writes and reads. */
    static final int SCHEMA_VERSION = 1;

    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    /** A new connection in auto-commit mode. */
    abstract Connection connect() throws SQLException;

    /** The store's failure for a database error met while {@code doing} something. */
    abstract StoreException translate(SQLException e, String doing);

    /** A writer that stages event and score rows in this connection's temporary tables. */
    abstract Staging staging(Connection c) throws SQLException;

    /**
     * The statement that moves staged events into {@code events}, skipping ones already stored (there may be some
     * when {@code checkStored}) and repeats within the batch (there are some when {@code repeats}); its two
     * parameters are the batch's first and last event time.
     */
    abstract String mergeEventsSql(boolean checkStored, boolean repeats);

    /** Releases the adapter's resources. */
    abstract void release();

    /** The statements, run in one transaction, that rewrite {@code events} in (person, time) order. */
    abstract List<String> compactionSql();

    /** Work after the compaction's commit (such as a checkpoint); nothing by default. */
    void afterCompaction(Connection c) throws SQLException {
    }

    /** Rewrites the events in (person, time) order so that each person's timeline is one contiguous run. */
    final long compactEvents() {
        long n = write("compacting events", c -> {
            for (String sql : compactionSql()) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            return queryLong(c, "SELECT count(*) FROM events");
        });
        read("compacting events", c -> {
            afterCompaction(c);
            return null;
        });
        return n;
    }

    /** Staging receives a batch's bulk rows into temporary tables {@code staged_events} and {@code staged_scores}. */
    interface Staging extends AutoCloseable {
        void event(String user, long tsMicros, String id, String kind, String host, String detail) throws SQLException;

        void score(long seq, String user, int day, double score, String movers, String contributions, int stage)
                throws SQLException;

        /** Makes every row given so far visible to SQL in this transaction. */
        void flush() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    /** Work in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    final <T> T read(String doing, Work<T> work) {
        checkOpen();
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, doing);
        }
    }

    final <T> T write(String doing, Work<T> work) {
        checkOpen();
        writeLock.lock();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, doing);
        } finally {
            writeLock.unlock();
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    static long micros(Instant t) {
        return EventCodec.micros(t);
    }

    static Instant instant(long micros) {
        return EventCodec.instant(micros);
    }

    static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(instant(v));
    }

    static void setNullableLong(PreparedStatement ps, int i, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            ps.setLong(i, micros(t.get()));
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    static void setNullableString(PreparedStatement ps, int i, Optional<String> s) throws SQLException {
        if (s.isPresent()) {
            ps.setString(i, s.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + p);
            }
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static StoreException notFound(String what) {
        return new StoreException(StoreException.Reason.NOT_FOUND, what + " does not exist");
    }

    // ---- batches ---------------------------------------------------------------------------------------------

    @Override
    public Batch begin(String source) {
        checkOpen();
        try {
            return new JdbcBatch(this, source);
        } catch (SQLException e) {
            throw translate(e, "starting a batch");
        }
    }

    /** Runs a batch's final merge under the write lock. */
    final <T> T underWriteLock(Work<T> work, Connection c, String doing) {
        writeLock.lock();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, doing);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<BatchReceipt> batches() {
        return read("reading batches", c -> {
            List<BatchReceipt> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM batches ORDER BY id")) {
                while (rs.next()) {
                    out.add(new BatchReceipt(rs.getLong("id"), rs.getString("source"),
                            instant(rs.getLong("committed_us")), rs.getLong("events"),
                            rs.getLong("duplicate_events"), rs.getInt("snapshots"), rs.getLong("scores"),
                            rs.getInt("alerts"), optInstant(rs, "first_event_us").orElse(null),
                            optInstant(rs, "last_event_us").orElse(null), rs.getString("digest"), null));
                }
            }
            return out;
        });
    }

    // ---- people and organization ---------------------------------------------------------------------------

    @Override
    public List<YearMonth> snapshotMonths() {
        return read("reading snapshots", c -> {
            List<YearMonth> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT month FROM person_records ORDER BY month")) {
                while (rs.next()) {
                    out.add(YearMonth.parse(rs.getString(1)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<OrgSnapshot> snapshot(YearMonth month) {
        Map<YearMonth, Map<String, PersonRecord>> all = read("reading a snapshot",
                c -> records(c, "WHERE month = ?", month.toString()));
        return Optional.ofNullable(all.get(month)).map(m -> new OrgSnapshot(month, m));
    }

    @Override
    public Organization organization() {
        return read("reading the organization", c -> {
            Organization org = Organization.of(records(c, "", new Object[0]).entrySet().stream()
                    .map(e -> new OrgSnapshot(e.getKey(), e.getValue())).toList());
            for (Map.Entry<String, LocalDate> d : departures(c).entrySet()) {
                org.recordDeparture(d.getKey(), d.getValue());
            }
            return org;
        });
    }

    @Override
    public Optional<PersonRecord> person(String user) {
        return read("reading a person", c -> {
            Map<YearMonth, Map<String, PersonRecord>> all = records(c, "WHERE user_id = ?", user);
            return all.isEmpty() ? Optional.<PersonRecord>empty()
                    : Optional.of(((TreeMap<YearMonth, Map<String, PersonRecord>>) all).lastEntry().getValue().get(user));
        });
    }

    private static Map<YearMonth, Map<String, PersonRecord>> records(Connection c, String where, Object... params)
            throws SQLException {
        TreeMap<YearMonth, Map<String, PersonRecord>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person_records " + where
                + " ORDER BY month, ordinal")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PersonRecord p = new PersonRecord(rs.getString("user_id"), rs.getString("name"),
                            rs.getString("email"), rs.getString("role"), JsonColumns.strings(rs.getString("projects")),
                            rs.getString("subsidiary"), rs.getString("functional_unit"), rs.getString("department"),
                            rs.getString("team"), rs.getString("supervisor"), rs.getString("clearance"));
                    out.computeIfAbsent(YearMonth.parse(rs.getString("month")), m -> new LinkedHashMap<>())
                            .put(p.user(), p);
                }
            }
        }
        return out;
    }

    private static Map<String, LocalDate> departures(Connection c) throws SQLException {
        Map<String, LocalDate> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id, last_day FROM departures")) {
            while (rs.next()) {
                out.put(rs.getString(1), LocalDate.ofEpochDay(rs.getInt(2)));
            }
        }
        return out;
    }

    @Override
    public List<PersonSummary> people() {
        return read("reading people", c -> new ArrayList<>(summaries(c).values()));
    }

    /** Everyone known, by account id: directory placement and employment span. */
    static Map<String, PersonSummary> summaries(Connection c) throws SQLException {
        Map<String, LocalDate> departures = departures(c);
        String lastMonth = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(month) FROM person_records")) {
            if (rs.next()) {
                lastMonth = rs.getString(1);
            }
        }
        TreeMap<String, PersonSummary> out = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT r.user_id, r.name, r.role, r.subsidiary, r.functional_unit, r.department, m.first_month,
                            m.last_month
                     FROM person_records r
                     JOIN (SELECT user_id, min(month) AS first_month, max(month) AS last_month
                           FROM person_records GROUP BY user_id) m
                       ON r.user_id = m.user_id AND r.month = m.last_month""")) {
            while (rs.next()) {
                String user = rs.getString(1);
                YearMonth first = YearMonth.parse(rs.getString(7));
                String last = rs.getString(8);
                Optional<LocalDate> end = Optional.ofNullable(departures.get(user));
                if (end.isEmpty() && !last.equals(lastMonth)) {
                    end = Optional.of(YearMonth.parse(last).atEndOfMonth());
                }
                out.put(user, new PersonSummary(user, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(4) + "/" + rs.getString(5) + "/" + rs.getString(6),
                        Optional.of(first.atDay(1)), end));
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id FROM latest_scores UNION SELECT user_id FROM alerts")) {
            while (rs.next()) {
                String user = rs.getString(1);
                out.computeIfAbsent(user, u -> new PersonSummary(u, "", "", "", "", Optional.empty(),
                        Optional.ofNullable(departures.get(u))));
            }
        }
        return out;
    }

    // ---- events ----------------------------------------------------------------------------------------------

    @Override
    public List<Event> timeline(String user, Instant from, Instant to, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("timeline 'to' " + to + " is before 'from' " + from);
        }
        return read("reading a timeline", c -> timelineRows(c, user, micros(from), micros(to), limit));
    }

    /** The timeline query; an adapter may override it with a faster form. */
    List<Event> timelineRows(Connection c, String user, long from, long to, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ts_us, host, kind, detail FROM events"
                + " WHERE user_id = ? AND ts_us >= ? AND ts_us < ? ORDER BY ts_us, id LIMIT ?")) {
            ps.setString(1, user);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventCodec.decode(rs.getString(1), rs.getLong(2), user, rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    @Override
    public List<Event> events(String user, Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new TreeSet<>(ids));
        return read("reading events", c -> eventsById(c, user, wanted));
    }

    static List<Event> eventsById(Connection c, String user, List<String> wanted) throws SQLException {
        List<Event> out = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ts_us, host, kind, detail FROM events"
                    + " WHERE user_id = ? AND id IN (" + marks + ")")) {
                ps.setString(1, user);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(EventCodec.decode(rs.getString(1), rs.getLong(2), user, rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Event::time).thenComparing(Event::id));
        return out;
    }

    @Override
    public long eventCount() {
        return read("counting events", c -> queryLong(c, "SELECT count(*) FROM events"));
    }

    /** The order-independent sum of every stored event's SHA-256 ({@link EventSum}). */
    EventSum eventSum() {
        return read("summing events", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(eventSumSql())) {
                rs.next();
                String[] chunks = new String[8];
                for (int k = 0; k < 8; k++) {
                    chunks[k] = rs.getString(k + 2);
                }
                return EventSum.ofHexChunks(rs.getLong(1), chunks);
            }
        });
    }

    /**
     * A query returning the number of events and, for k = 0..7, the sum of the k-th 32-bit big-endian chunk of each
     * event's hash as {@link EventSum} defines it.
     */
    abstract String eventSumSql();

    /**
     * The adapters' {@link #eventSumSql()} from their dialect: {@code hexHash} (the lower-case hex SHA-256 of a text,
     * {@code %s}), {@code byteLength} (a text's length in UTF-8 bytes), {@code timeText} (the time column as decimal
     * text) and {@code chunk} (the k-th 32-bit chunk of the hex {@code h} from position {@code %d}, as a number).
     */
    static String eventSumSql(String hexHash, String byteLength, String timeText, String chunk) {
        StringBuilder row = new StringBuilder();
        for (String column : List.of("user_id", timeText, "id", "kind", "host", "detail")) {
            if (!row.isEmpty()) {
                row.append(" || ");
            }
            row.append(byteLength.formatted(column)).append(" || ':' || ").append(column);
        }
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (int k = 0; k < 8; k++) {
            sql.append(", sum(").append(chunk.formatted(1 + 8 * k)).append(')');
        }
        return sql.append(" FROM (SELECT ").append(hexHash.formatted(row)).append(" AS h FROM events) x").toString();
    }

    // ---- scores ----------------------------------------------------------------------------------------------

    @Override
    public List<DailyScore> dailyScores(String user, LocalDate from, LocalDate to) {
        return read("reading scores", c -> {
            List<DailyScore> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, score, movers, contributions FROM daily_scores"
                    + " WHERE user_id = ? AND day >= ? AND day <= ? ORDER BY day")) {
                bind(ps, user, (int) from.toEpochDay(), (int) to.toEpochDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DailyScore(user, LocalDate.ofEpochDay(rs.getInt(1)), rs.getDouble(2),
                                JsonColumns.strings(rs.getString(3)), JsonColumns.contributions(rs.getString(4))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<DailyScore> latestScore(String user) {
        return read("reading a score", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT day, score, movers, contributions FROM latest_scores WHERE user_id = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new DailyScore(user, LocalDate.ofEpochDay(rs.getInt(1)),
                            rs.getDouble(2), JsonColumns.strings(rs.getString(3)),
                            JsonColumns.contributions(rs.getString(4)))) : Optional.<DailyScore>empty();
                }
            }
        });
    }

    @Override
    public List<BoardEntry> board(BoardQuery q) {
        return read("reading the board", c -> {
            Map<String, PersonSummary> people = summaries(c);
            List<BoardEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, day, score, movers, contributions"
                    + " FROM latest_scores WHERE score >= ? AND stage >= ? ORDER BY score DESC, user_id")) {
                ps.setDouble(1, q.minScore());
                ps.setInt(2, q.minStage().orElse(-1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < q.limit()) {
                        String user = rs.getString(1);
                        PersonSummary p = people.getOrDefault(user, new PersonSummary(user, "", "", "", "",
                                Optional.empty(), Optional.empty()));
                        if (q.subsidiary().isPresent() && !q.subsidiary().get().equals(p.subsidiary())) {
                            continue;
                        }
                        if (q.unit().isPresent() && !p.unit().startsWith(q.unit().get())) {
                            continue;
                        }
                        out.add(new BoardEntry(out.size() + 1, p, new DailyScore(user,
                                LocalDate.ofEpochDay(rs.getInt(2)), rs.getDouble(3),
                                JsonColumns.strings(rs.getString(4)), JsonColumns.contributions(rs.getString(5)))));
                    }
                }
            }
            return out;
        });
    }

    // ---- alerts ----------------------------------------------------------------------------------------------

    @Override
    public List<StoredAlert> alerts(AlertQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        q.user().ifPresent(u -> {
            where.append(" AND user_id = ?");
            params.add(u);
        });
        q.state().ifPresent(s -> {
            where.append(" AND state = ?");
            params.add(s.id());
        });
        q.from().ifPresent(t -> {
            where.append(" AND ts_us >= ?");
            params.add(micros(t));
        });
        q.to().ifPresent(t -> {
            where.append(" AND ts_us < ?");
            params.add(micros(t));
        });
        params.add(q.limit());
        return read("reading alerts", c -> alertRows(c, where + " ORDER BY ts_us DESC, id LIMIT ?", params.toArray()));
    }

    private static List<StoredAlert> alertRows(Connection c, String where, Object... params) throws SQLException {
        List<StoredAlert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Alert a = new Alert(rs.getString("id"), rs.getString("user_id"), instant(rs.getLong("ts_us")),
                            rs.getDouble("score"), JsonColumns.strings(rs.getString("indicators")),
                            rs.getString("story"));
                    out.add(new StoredAlert(a, AlertState.parse(rs.getString("state")),
                            Optional.ofNullable(rs.getString("reviewed_by")), optInstant(rs, "reviewed_us"),
                            rs.getString("reason")));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<StoredAlert> alert(String id) {
        return read("reading an alert", c -> alertRows(c, " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public StoredAlert reviewAlert(String id, AlertState state, String by, Instant at, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (state == AlertState.DISMISSED && why.isEmpty()) {
            throw new IllegalArgumentException("dismissing alert " + id + " needs a reason");
        }
        return write("reviewing an alert", c -> {
            int n = update(c, "UPDATE alerts SET state = ?, reviewed_by = ?, reviewed_us = ?, reason = ? WHERE id = ?",
                    state.id(), by, micros(at), why, id);
            if (n == 0) {
                throw notFound("alert " + id);
            }
            return alertRows(c, " WHERE id = ?", id).get(0);
        });
    }

    // ---- cases, office registers, retention: see CaseTables, OfficeTables, RetentionRun ---------------------

    private final CaseTables caseTables = new CaseTables(this);
    private final OfficeTables officeTables = new OfficeTables(this);
    private final RetentionRun retentionRun = new RetentionRun(this);

    @Override
    public CaseFile openCase(String title, List<String> subjects, String openedBy, Instant at,
                             Optional<String> alertId) {
        return caseTables.openCase(title, subjects, openedBy, at, alertId);
    }

    @Override
    public Optional<CaseFile> caseFile(String id) {
        return caseTables.caseFile(id);
    }

    @Override
    public List<CaseFile> cases(CaseQuery q) {
        return caseTables.cases(q);
    }

    @Override
    public CaseFile moveCase(String id, CaseStatus target, Optional<Outcome> outcome, String by, Instant at) {
        return caseTables.moveCase(id, target, outcome, by, at);
    }

    @Override
    public CaseFile assignCase(String id, String assignee, String by, Instant at) {
        return caseTables.assignCase(id, assignee, by, at);
    }

    @Override
    public CaseNote addNote(String caseId, String author, Instant at, String text) {
        return caseTables.addNote(caseId, author, at, text);
    }

    @Override
    public List<CaseNote> notes(String caseId) {
        return caseTables.notes(caseId);
    }

    @Override
    public Evidence addFileEvidence(String caseId, String name, InputStream content, String addedBy, Instant at,
                                    String description) {
        return caseTables.addFileEvidence(caseId, name, content, addedBy, at, description);
    }

    @Override
    public Evidence addEventEvidence(String caseId, String label, String user, List<String> eventIds, String addedBy,
                                     Instant at, String description) {
        return caseTables.addEventEvidence(caseId, label, user, eventIds, addedBy, at, description);
    }

    @Override
    public List<Evidence> evidence(String caseId) {
        return caseTables.evidence(caseId);
    }

    @Override
    public byte[] evidenceContent(String evidenceId) {
        return caseTables.evidenceContent(evidenceId);
    }

    @Override
    public Account createAccount(String name, Role role, String passwordHash, Instant at) {
        return officeTables.createAccount(name, role, passwordHash, at);
    }

    @Override
    public Optional<Account> account(String name) {
        return officeTables.account(name);
    }

    @Override
    public List<Account> accounts() {
        return officeTables.accounts();
    }

    @Override
    public Account updateAccount(Account account) {
        return officeTables.updateAccount(account);
    }

    @Override
    public RegistryItem addRegistryItem(RegistryItem item) {
        return officeTables.addRegistryItem(item);
    }

    @Override
    public Optional<RegistryItem> registryItem(String id) {
        return officeTables.registryItem(id);
    }

    @Override
    public List<RegistryItem> registryItems() {
        return officeTables.registryItems();
    }

    @Override
    public CustodyRecord recordCustody(String serial, String item, CustodyMove.Action action, String who,
                                       Instant when, String where, String why) {
        return officeTables.recordCustody(serial, item, action, who, when, where, why);
    }

    @Override
    public List<CustodyRecord> custody(String serial) {
        return officeTables.custody(serial);
    }

    @Override
    public List<CustodyRecord> custodyLedger(Instant from, Instant to) {
        return officeTables.custodyLedger(from, to);
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, Instant now) {
        return retentionRun.applyRetention(policy, now);
    }

    // ---- batch merge -----------------------------------------------------------------------------------------

    /** Adds a string to a batch digest: its UTF-8 length as four bytes (big-endian), then its UTF-8 bytes. */
    static void digestField(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }
}
