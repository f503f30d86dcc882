package org.custos.store;

import static org.custos.store.JdbcStore.*;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Evidence;
import org.custos.core.casefile.Outcome;
import org.custos.core.event.Event;

/**
 * CaseTables holds the SQL of cases, their append-only notes and their evidence (bytes kept by SHA-256 and re-checked on every read).
 */
final class CaseTables {

    private final JdbcStore store;

    CaseTables(JdbcStore store) {
        this.store = store;
    }

    CaseFile openCase(String title, List<String> subjects, String openedBy, Instant at,
                             Optional<String> alertId) {
        return store.write("opening a case", c -> {
            int year = at.atZone(ZoneOffset.UTC).getYear();
            int number = (int) queryLong(c, "SELECT coalesce(max(number), 0) FROM cases WHERE year = ?", year) + 1;
            CaseFile f = CaseFile.open(String.format("C-%d-%04d", year, number), title, subjects, openedBy, at,
                    alertId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (id, year, number, title, subjects,"
                    + " status, assignee, opened_by, opened_us, alert_id, outcome, updated_us)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, f.id());
                ps.setInt(2, year);
                ps.setInt(3, number);
                ps.setString(4, f.title());
                ps.setString(5, JsonColumns.strings(f.subjects()));
                ps.setString(6, f.status().id());
                setNullableString(ps, 7, f.assignee());
                ps.setString(8, f.openedBy());
                ps.setLong(9, micros(f.openedAt()));
                setNullableString(ps, 10, f.alertId());
                setNullableString(ps, 11, f.outcome().map(Outcome::id));
                ps.setLong(12, micros(f.updatedAt()));
                ps.executeUpdate();
            }
            for (String s : new TreeSet<>(f.subjects())) {
                update(c, "INSERT INTO case_subjects (case_id, user_id) VALUES (?, ?)", f.id(), s);
            }
            return f;
        });
    }

    Optional<CaseFile> caseFile(String id) {
        return store.read("reading a case", c -> caseRows(c, " WHERE id = ?", id).stream().findFirst());
    }

    List<CaseFile> cases(CaseQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        q.status().ifPresent(s -> {
            where.append(" AND status = ?");
            params.add(s.id());
        });
        q.assignee().ifPresent(a -> {
            where.append(" AND assignee = ?");
            params.add(a);
        });
        q.subject().ifPresent(s -> {
            where.append(" AND id IN (SELECT case_id FROM case_subjects WHERE user_id = ?)");
            params.add(s);
        });
        params.add(q.limit());
        return store.read("reading cases", c -> caseRows(c, where + " ORDER BY updated_us DESC, id DESC LIMIT ?",
                params.toArray()));
    }

    private static List<CaseFile> caseRows(Connection c, String where, Object... params) throws SQLException {
        List<CaseFile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM cases" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseFile(rs.getString("id"), rs.getString("title"),
                            JsonColumns.strings(rs.getString("subjects")), CaseStatus.parse(rs.getString("status")),
                            Optional.ofNullable(rs.getString("assignee")), rs.getString("opened_by"),
                            instant(rs.getLong("opened_us")), Optional.ofNullable(rs.getString("alert_id")),
                            Optional.ofNullable(rs.getString("outcome")).map(Outcome::parse),
                            instant(rs.getLong("updated_us"))));
                }
            }
        }
        return out;
    }

    private static CaseFile existingCase(Connection c, String id) throws SQLException {
        return caseRows(c, " WHERE id = ?", id).stream().findFirst().orElseThrow(() -> notFound("case " + id));
    }

    private static void saveCase(Connection c, CaseFile f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET status = ?, assignee = ?, outcome = ?,"
                + " updated_us = ? WHERE id = ?")) {
            ps.setString(1, f.status().id());
            setNullableString(ps, 2, f.assignee());
            setNullableString(ps, 3, f.outcome().map(Outcome::id));
            ps.setLong(4, micros(f.updatedAt()));
            ps.setString(5, f.id());
            ps.executeUpdate();
        }
    }

    CaseFile moveCase(String id, CaseStatus target, Optional<Outcome> outcome, String by, Instant at) {
        return store.write("updating a case", c -> {
            CaseFile moved = existingCase(c, id).moveTo(target, outcome, at);
            saveCase(c, moved);
            return moved;
        });
    }

    CaseFile assignCase(String id, String assignee, String by, Instant at) {
        return store.write("assigning a case", c -> {
            CaseFile assigned = existingCase(c, id).assignTo(assignee, at);
            saveCase(c, assigned);
            return assigned;
        });
    }

    CaseNote addNote(String caseId, String author, Instant at, String text) {
        return store.write("adding a note", c -> {
            existingCase(c, caseId);
            int seq = (int) queryLong(c, "SELECT coalesce(max(seq), 0) FROM case_notes WHERE case_id = ?", caseId) + 1;
            CaseNote note = new CaseNote(caseId, seq, author, at, text);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO case_notes (case_id, seq, author, at_us, text) VALUES (?, ?, ?, ?, ?)")) {
                bind(ps, caseId, seq, author, micros(at), text);
                ps.executeUpdate();
            }
            return note;
        });
    }

    List<CaseNote> notes(String caseId) {
        return store.read("reading notes", c -> {
            List<CaseNote> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, author, at_us, text FROM case_notes WHERE case_id = ? ORDER BY seq")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CaseNote(caseId, rs.getInt(1), rs.getString(2), instant(rs.getLong(3)),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    Evidence addFileEvidence(String caseId, String name, InputStream content, String addedBy, Instant at,
                                    String description) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "cannot read evidence " + name + ": "
                    + e.getMessage(), e);
        }
        return store.write("adding evidence", c -> addEvidence(c, caseId, Evidence.Kind.FILE, name, bytes, List.of(),
                addedBy, at, description));
    }

    Evidence addEventEvidence(String caseId, String label, String user, List<String> eventIds, String addedBy,
                                     Instant at, String description) {
        return store.write("adding evidence", c -> {
            List<String> wanted = new ArrayList<>(new TreeSet<>(eventIds));
            List<Event> events = eventsById(c, user, wanted);
            if (events.size() != wanted.size()) {
                Set<String> missing = new TreeSet<>(wanted);
                events.forEach(e -> missing.remove(e.id()));
                throw new IllegalArgumentException("no stored event of " + user + " with id " + missing);
            }
            return addEvidence(c, caseId, Evidence.Kind.EVENTS, label, JsonColumns.canonicalEvents(events),
                    events.stream().map(Event::id).toList(), addedBy, at, description);
        });
    }

    private Evidence addEvidence(Connection c, String caseId, Evidence.Kind kind, String name, byte[] bytes,
                                 List<String> eventIds, String addedBy, Instant at, String description)
            throws SQLException {
        existingCase(c, caseId);
        String sha = sha256(bytes);
        if (queryLong(c, "SELECT count(*) FROM evidence_blobs WHERE sha256 = ?", sha) == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO evidence_blobs (sha256, content) VALUES (?, ?)")) {
                ps.setString(1, sha);
                ps.setBytes(2, bytes);
                ps.executeUpdate();
            }
        }
        long number = queryLong(c, "SELECT coalesce(max(number), 0) FROM evidence") + 1;
        Evidence ev = new Evidence(caseId, "E-" + number, kind, name, sha, bytes.length, eventIds, addedBy, at,
                description);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence (id, number, case_id, kind, name, sha256,"
                + " size, event_ids, added_by, added_us, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, ev.id(), number, caseId, kind.name().toLowerCase(java.util.Locale.ROOT), name, sha,
                    (long) bytes.length, JsonColumns.strings(eventIds), addedBy, micros(at), ev.description());
            ps.executeUpdate();
        }
        return ev;
    }

    List<Evidence> evidence(String caseId) {
        return store.read("reading evidence", c -> evidenceRows(c, " WHERE case_id = ? ORDER BY number", caseId));
    }

    private static List<Evidence> evidenceRows(Connection c, String where, Object... params) throws SQLException {
        List<Evidence> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM evidence" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence(rs.getString("case_id"), rs.getString("id"),
                            Evidence.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("name"), rs.getString("sha256"), rs.getLong("size"),
                            JsonColumns.strings(rs.getString("event_ids")), rs.getString("added_by"),
                            instant(rs.getLong("added_us")), rs.getString("description")));
                }
            }
        }
        return out;
    }

    byte[] evidenceContent(String evidenceId) {
        return store.read("reading evidence", c -> {
            Evidence ev = evidenceRows(c, " WHERE id = ?", evidenceId).stream().findFirst()
                    .orElseThrow(() -> notFound("evidence " + evidenceId));
            byte[] bytes;
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM evidence_blobs WHERE sha256 = ?")) {
                ps.setString(1, ev.sha256());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(StoreException.Reason.TAMPERED, "evidence " + evidenceId
                                + " of case " + ev.caseId() + ": its stored bytes are missing");
                    }
                    bytes = rs.getBytes(1);
                }
            }
            String actual = sha256(bytes);
            if (!actual.equals(ev.sha256())) {
                throw new StoreException(StoreException.Reason.TAMPERED, "evidence " + evidenceId + " of case "
                        + ev.caseId() + " was altered: SHA-256 is " + actual + ", recorded " + ev.sha256());
            }
            return bytes;
        });
    }

}
