package org.custos.store;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.event.Event;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;

/**
 * JdbcBatch is a {@link Batch} on its own connection and transaction: bulk rows (events, scores) are staged in
 * temporary tables as they come, the few others are held in memory, and {@link #commit()} merges everything in one
 * transaction.
 */
final class JdbcBatch implements Batch {

    private final JdbcStore store;
    private final String source;
    private final Connection connection;
    private final JdbcStore.Staging staging;
    private final MessageDigest digest = JdbcStore.digest();
    /** The sum of every event staged, repeats and already stored ones included. */
    private final EventSum staged = new EventSum();
    private final Map<String, OrgSnapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, LocalDate> departures = new LinkedHashMap<>();
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private long events;
    private long scores;
    private long firstEvent = Long.MAX_VALUE;
    private long lastEvent = Long.MIN_VALUE;
    private boolean finished;

    JdbcBatch(JdbcStore store, String source) throws SQLException {
        this.store = store;
        this.source = source;
        this.connection = store.connect();
        try {
            connection.setAutoCommit(false);
            this.staging = store.staging(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        JdbcStore.digestField(digest, "batch");
        JdbcStore.digestField(digest, source);
    }

    private void checkActive() {
        if (finished) {
            throw new IllegalStateException("the batch is already committed or closed");
        }
    }

    @Override
    public void addEvent(Event e) {
        checkActive();
        long ts = JdbcStore.micros(e.time());
        String kind = EventCodec.kind(e);
        String detail = EventCodec.detail(e);
        try {
            staging.event(e.user(), ts, e.id(), kind, e.host(), detail);
        } catch (SQLException ex) {
            throw store.translate(ex, "staging an event");
        }
        JdbcStore.digestField(digest, "event");
        digest.update(staged.add(e.user(), ts, e.id(), kind, e.host(), detail));
        events++;
        firstEvent = Math.min(firstEvent, ts);
        lastEvent = Math.max(lastEvent, ts);
    }

    @Override
    public void putSnapshot(OrgSnapshot snapshot) {
        checkActive();
        snapshots.put(snapshot.month().toString(), snapshot);
    }

    @Override
    public void recordDeparture(String user, LocalDate lastDay) {
        checkActive();
        departures.put(user, lastDay);
    }

    @Override
    public void putScores(List<DailyScore> list) {
        checkActive();
        try {
            for (DailyScore s : list) {
                String movers = JsonColumns.strings(s.movers());
                String contributions = JsonColumns.contributions(s.contributions());
                staging.score(scores, s.user(), (int) s.day().toEpochDay(), s.score(), movers, contributions,
                        s.stage());
                JdbcStore.digestField(digest, "score");
                JdbcStore.digestField(digest, s.user());
                JdbcStore.digestField(digest, s.day().toString());
                JdbcStore.digestField(digest, Double.toString(s.score()));
                JdbcStore.digestField(digest, movers);
                JdbcStore.digestField(digest, contributions);
                scores++;
            }
        } catch (SQLException ex) {
            throw store.translate(ex, "staging scores");
        }
    }

    @Override
    public void putAlert(Alert alert) {
        checkActive();
        alerts.put(alert.id(), alert);
    }

    @Override
    public BatchReceipt commit() {
        checkActive();
        try {
            staging.flush();
        } catch (SQLException e) {
            close();
            throw store.translate(e, "staging the batch");
        }
        try {
            BatchReceipt receipt = store.underWriteLock(this::merge, connection, "committing the batch");
            connection.commit();
            finished = true;
            closeConnection();
            return receipt;
        } catch (SQLException e) {
            close();
            throw store.translate(e, "committing the batch");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /*
     * The event sum of a batch is that of the events it added. Usually that is every event staged. When some were
     * skipped (already stored, or repeated within the batch) the sum is recomputed from the store: the events in the
     * batch's time range after the merge less those there before.
     */
    private static final String RANGE = "SELECT user_id, ts_us, id, kind, host, detail FROM events"
            + " WHERE ts_us BETWEEN ? AND ?";

    private BatchReceipt merge(Connection c) throws SQLException {
        long added = 0;
        EventSum addedSum = new EventSum();
        if (events > 0) {
            boolean overlaps = JdbcStore.queryLong(c, "SELECT count(*) FROM (SELECT 1 FROM events"
                    + " WHERE ts_us BETWEEN ? AND ? LIMIT 1) x", firstEvent, lastEvent) > 0;
            boolean repeats = JdbcStore.queryLong(c, "SELECT count(*) FROM (SELECT 1 FROM staged_events"
                    + " GROUP BY user_id, id HAVING count(*) > 1 LIMIT 1) x") > 0;
            EventSum before = overlaps ? EventSum.of(c, RANGE, firstEvent, lastEvent) : new EventSum();
            added = JdbcStore.update(c, store.mergeEventsSql(overlaps, repeats), firstEvent, lastEvent);
            if (added == events) {
                addedSum = staged;
            } else if (added > 0) {
                addedSum = EventSum.of(c, RANGE, firstEvent, lastEvent);
                addedSum.subtract(before);
            }
        }
        JdbcStore.update(c, """
                DELETE FROM daily_scores
                WHERE EXISTS (SELECT 1 FROM staged_scores s
                              WHERE s.user_id = daily_scores.user_id AND s.day = daily_scores.day)""");
        JdbcStore.update(c, """
                INSERT INTO daily_scores (user_id, day, score, movers, contributions)
                SELECT DISTINCT ON (user_id, day) user_id, day, score, movers, contributions
                FROM staged_scores ORDER BY user_id, day, seq DESC""");
        JdbcStore.update(c, """
                DELETE FROM latest_scores
                WHERE EXISTS (SELECT 1 FROM staged_scores s
                              WHERE s.user_id = latest_scores.user_id AND s.day >= latest_scores.day)""");
        JdbcStore.update(c, """
                INSERT INTO latest_scores (user_id, day, score, movers, contributions, stage)
                SELECT DISTINCT ON (user_id) user_id, day, score, movers, contributions, stage
                FROM staged_scores s
                WHERE NOT EXISTS (SELECT 1 FROM latest_scores l WHERE l.user_id = s.user_id)
                ORDER BY user_id, day DESC, seq DESC""");
        for (OrgSnapshot snap : snapshots.values()) {
            String month = snap.month().toString();
            JdbcStore.update(c, "DELETE FROM person_records WHERE month = ?", month);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_records (month, ordinal, user_id,"
                    + " name, email, role, projects, subsidiary, functional_unit, department, team, supervisor,"
                    + " clearance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (PersonRecord p : snap.people().values()) {
                    String projects = JsonColumns.strings(p.projects());
                    JdbcStore.bind(ps, month, ordinal++, p.user(), p.name(), p.email(), p.role(), projects,
                            p.subsidiary(), p.functionalUnit(), p.department(), p.team(), p.supervisor(),
                            p.clearance());
                    ps.addBatch();
                    JdbcStore.digestField(digest, "person");
                    for (String f : List.of(month, p.user(), p.name(), p.email(), p.role(), projects, p.subsidiary(),
                            p.functionalUnit(), p.department(), p.team(), p.supervisor(), p.clearance())) {
                        JdbcStore.digestField(digest, f);
                    }
                }
                ps.executeBatch();
            }
        }
        for (Map.Entry<String, LocalDate> d : departures.entrySet()) {
            JdbcStore.update(c, "DELETE FROM departures WHERE user_id = ?", d.getKey());
            JdbcStore.update(c, "INSERT INTO departures (user_id, last_day) VALUES (?, ?)", d.getKey(),
                    (int) d.getValue().toEpochDay());
            JdbcStore.digestField(digest, "departure");
            JdbcStore.digestField(digest, d.getKey());
            JdbcStore.digestField(digest, d.getValue().toString());
        }
        int newAlerts = 0;
        for (Alert a : alerts.values()) {
            String indicators = JsonColumns.strings(a.indicators());
            newAlerts += JdbcStore.update(c, "INSERT INTO alerts (id, user_id, ts_us, score, indicators, story, state,"
                    + " reviewed_by, reviewed_us, reason) SELECT ?, ?, ?, ?, ?, ?, 'new', NULL, NULL, ''"
                    + " WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE id = ?)", a.id(), a.user(),
                    JdbcStore.micros(a.time()), a.score(), indicators, a.story(), a.id());
            JdbcStore.digestField(digest, "alert");
            for (String f : List.of(a.id(), a.user(), a.time().toString(), Double.toString(a.score()), indicators,
                    a.story())) {
                JdbcStore.digestField(digest, f);
            }
        }
        long id = JdbcStore.queryLong(c, "SELECT coalesce(max(id), 0) FROM batches") + 1;
        Instant now = Instant.now();
        String hex = HexFormat.of().formatHex(digest.digest());
        BatchReceipt receipt = new BatchReceipt(id, source, now, added, events - added, snapshots.size(), scores,
                newAlerts, events == 0 ? null : JdbcStore.instant(firstEvent),
                events == 0 ? null : JdbcStore.instant(lastEvent), hex, addedSum.hex());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batches (id, source, committed_us, events,"
                + " duplicate_events, snapshots, scores, alerts, first_event_us, last_event_us, digest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            JdbcStore.bind(ps, id, source, JdbcStore.micros(now), added, events - added, snapshots.size(), scores,
                    newAlerts);
            if (events == 0) {
                ps.setNull(9, java.sql.Types.BIGINT);
                ps.setNull(10, java.sql.Types.BIGINT);
            } else {
                ps.setLong(9, firstEvent);
                ps.setLong(10, lastEvent);
            }
            ps.setString(11, hex);
            ps.executeUpdate();
        }
        return receipt;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        JdbcStore.rollbackQuietly(connection);
        closeConnection();
    }

    private void closeConnection() {
        try {
            staging.close();
        } catch (SQLException ignored) {
            // the connection goes anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

}
