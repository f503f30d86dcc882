package org.custos.store;

import static org.custos.store.JdbcStore.*;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * RetentionRun applies a retention policy: old raw events, and every trace of former staff past their period.
 */
final class RetentionRun {

    private static final String EVENTS = "SELECT user_id, ts_us, id, kind, host, detail FROM events";

    private final JdbcStore store;

    RetentionRun(JdbcStore store) {
        this.store = store;
    }

    RetentionReport applyRetention(RetentionPolicy policy, Instant now) {
        return store.write("applying retention", c -> {
            Instant cutoff = now.minus(java.time.Duration.ofDays(policy.eventDays()));
            long cut = micros(cutoff);
            Instant oldest = null;
            Instant newest = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT min(ts_us), max(ts_us) FROM events WHERE ts_us < ?")) {
                ps.setLong(1, cut);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long min = rs.getLong(1);
                        if (!rs.wasNull()) {
                            oldest = instant(min);
                            newest = instant(rs.getLong(2));
                        }
                    }
                }
            }
            EventSum deleted = oldest == null ? new EventSum() : EventSum.of(c, EVENTS + " WHERE ts_us < ?", cut);
            long eventsDeleted = update(c, "DELETE FROM events WHERE ts_us < ?", cut);

            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            Set<String> held = new TreeSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT cs.user_id"
                    + " FROM case_subjects cs JOIN cases k ON k.id = cs.case_id WHERE k.status <> 'closed'")) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
            List<String> purged = new ArrayList<>();
            int heldCount = 0;
            for (PersonSummary p : summaries(c).values()) {
                if (p.lastDay().isEmpty()
                        || !p.lastDay().get().plusDays(policy.formerStaffDays()).isBefore(today)) {
                    continue;
                }
                if (held.contains(p.user())) {
                    heldCount++;
                } else {
                    purged.add(p.user());
                }
            }
            long events = 0;
            long scores = 0;
            long alerts = 0;
            long records = 0;
            for (String user : purged) {
                deleted.add(EventSum.of(c, EVENTS + " WHERE user_id = ?", user));
                events += update(c, "DELETE FROM events WHERE user_id = ?", user);
                scores += update(c, "DELETE FROM daily_scores WHERE user_id = ?", user);
                update(c, "DELETE FROM latest_scores WHERE user_id = ?", user);
                alerts += update(c, "DELETE FROM alerts WHERE user_id = ?", user);
                records += update(c, "DELETE FROM person_records WHERE user_id = ?", user);
                update(c, "DELETE FROM departures WHERE user_id = ?", user);
            }
            return new RetentionReport(now, policy, eventsDeleted, cutoff, oldest, newest, purged, events, scores,
                    alerts, records, heldCount, deleted.hex());
        });
    }

}
