package org.custos.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.Evidence;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;

/**
 * StoreAuditTrail is what the audit log records of the store's own writes, and the check of a store against it: the
 * entries written for each committed batch ({@code store.batch}) and each retention run ({@code store.retention}),
 * and {@link #check} that finds a store changed behind Custos' back.
 *
 * <p>The check compares the store with the log, which is tamper-evident: batches removed, added or rewritten; events
 * changed, inserted or deleted (their count, and an order-independent sum of their SHA-256 that each batch entry
 * records for the events it added and each retention entry for those it deleted); cases, notes and evidence the
 * log recorded but the store no longer holds; evidence whose SHA-256 differs from the one recorded when it was added
 * or whose bytes no longer match it; a case whose status is not the last one the log recorded for it.
 */
public final class StoreAuditTrail {

    /*
     * Case entries (written by 'custos case' and the dashboard) do not name the store; they are checked against the
     * store being checked, which is the one the case work used when the data directory and store go together (the
     * usual set-up: 'audit verify --store URL' with the URL given to the case commands).
     *
     * A batch or retention entry without an event sum (written before sums were recorded) leaves the events' content
     * unchecked; their count is still checked.
     */

    private static final Pattern CASE_ID = Pattern.compile("C-\\d{4}-\\d{1,8}");

    private StoreAuditTrail() {
    }

    /** The {@code store.batch} entry for a batch committed to the store at {@code location}, by the system. */
    public static AuditEntry batchEntry(String location, BatchReceipt r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("store", location);
        details.put("source", r.source());
        details.put("events", Long.toString(r.events()));
        details.put("duplicateEvents", Long.toString(r.duplicateEvents()));
        details.put("snapshots", Integer.toString(r.snapshots()));
        details.put("scores", Long.toString(r.scores()));
        details.put("alerts", Integer.toString(r.alerts()));
        details.put("firstEvent", String.valueOf(r.firstEvent()));
        details.put("lastEvent", String.valueOf(r.lastEvent()));
        details.put("sha256", r.digest());
        if (r.eventSum() != null) {
            details.put("eventSum", r.eventSum());
        }
        return new AuditEntry("custos", "system", "store.batch", null, List.of("batch-" + r.id()), "local", details);
    }

    /** The {@code store.retention} entry saying what a retention run deleted, by count and range, never content. */
    public static AuditEntry retentionEntry(String location, String actor, RetentionReport r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("store", location);
        details.put("eventDays", Integer.toString(r.policy().eventDays()));
        details.put("formerStaffDays", Integer.toString(r.policy().formerStaffDays()));
        details.put("eventsDeleted", Long.toString(r.eventsDeleted()));
        details.put("eventsCutoff", r.eventsCutoff().toString());
        details.put("oldestDeleted", String.valueOf(r.oldestDeleted()));
        details.put("newestDeleted", String.valueOf(r.newestDeleted()));
        details.put("formerStaffPeople", Integer.toString(r.formerStaff().size()));
        details.put("formerStaffEvents", Long.toString(r.formerStaffEvents()));
        details.put("formerStaffScores", Long.toString(r.formerStaffScores()));
        details.put("formerStaffAlerts", Long.toString(r.formerStaffAlerts()));
        details.put("formerStaffRecords", Long.toString(r.formerStaffRecords()));
        details.put("heldForCases", Integer.toString(r.heldForCases()));
        if (r.deletedEventSum() != null) {
            details.put("deletedEventSum", r.deletedEventSum());
        }
        return new AuditEntry(actor, "admin", "store.retention", null, List.of(), "local", details);
    }

    /**
     * Checks a store against what the audit log of a data directory recorded of it.
     *
     * @return the problems found, one line each, in a stable order; empty when the store matches the log
     * @throws IllegalStateException when a line of the log is not a valid entry (run {@code audit verify})
     */
    public static List<String> check(Store store, Path dataDir) throws IOException {
        Recorded log = Recorded.read(dataDir, store.info().location());
        List<String> problems = new ArrayList<>();
        checkBatches(store, log, problems);
        checkCases(store, log, problems);
        return problems;
    }

    private static void checkBatches(Store store, Recorded log, List<String> problems) {
        Map<Long, Map<String, String>> recorded = new TreeMap<>(log.batches);
        long batchEvents = 0;
        for (BatchReceipt b : store.batches()) {
            Map<String, String> d = recorded.remove(b.id());
            batchEvents += b.events();
            if (d == null) {
                problems.add("batch " + b.id() + " (" + b.source() + ", " + b.committedAt() + ") is in the store but"
                        + " not in the audit log");
            } else if (!b.digest().equals(d.get("sha256")) || b.events() != number(d, "events")
                    || b.scores() != number(d, "scores") || b.alerts() != number(d, "alerts")) {
                problems.add("batch " + b.id() + " differs from its audit entry (digest or counts changed)");
            }
        }
        for (Long missing : recorded.keySet()) {
            problems.add("batch " + missing + " is in the audit log but missing from the store");
        }
        long stored = store.eventCount();
        long expected = batchEvents - log.retainedEvents;
        if (stored != expected) {
            problems.add("the store holds " + stored + " events; its batches and retention runs account for "
                    + expected);
        }
        if (log.eventSum != null && store instanceof JdbcStore jdbc) {
            EventSum actual = jdbc.eventSum();
            if (!actual.hex().equals(log.eventSum.hex())) {
                problems.add("the content of the stored events differs from what the audit log recorded: events were"
                        + " changed, inserted or deleted outside Custos (the SHA-256 sum of the " + actual.count()
                        + " stored events is not that of the events the recorded batches added and retention runs "
                        + "deleted)");
            }
        }
    }

    private static void checkCases(Store store, Recorded log, List<String> problems) {
        Map<String, CaseFile> cases = new HashMap<>();
        for (CaseFile c : store.cases(CaseQuery.all(Integer.MAX_VALUE))) {
            cases.put(c.id(), c);
        }
        Map<String, Map<String, Evidence>> evidenceOf = new HashMap<>();
        for (String id : log.cases) {
            CaseFile c = cases.get(id);
            if (c == null) {
                problems.add("case " + id + " is in the audit log (entry " + log.firstMention.get(id)
                        + ") but missing from the store");
                continue;
            }
            Optional<Recorded.Status> status = Optional.ofNullable(log.status.get(id));
            if (status.isPresent() && !status.get().afterwards && !c.status().id().equals(status.get().to)) {
                problems.add("case " + id + " is " + c.status().id() + " in the store but the audit log's last "
                        + "change made it " + status.get().to + " (entry " + status.get().index + ")");
            }
        }
        for (Map.Entry<String, Set<Integer>> e : log.notes.entrySet()) {
            if (!cases.containsKey(e.getKey())) {
                continue;
            }
            Set<Integer> stored = new LinkedHashSet<>();
            for (CaseNote n : store.notes(e.getKey())) {
                stored.add(n.seq());
            }
            for (int seq : e.getValue()) {
                if (!stored.contains(seq)) {
                    problems.add("note " + seq + " of case " + e.getKey() + " is in the audit log but missing from "
                            + "the store");
                }
            }
        }
        for (Map.Entry<String, Recorded.EvidenceEntry> e : log.evidence.entrySet()) {
            Recorded.EvidenceEntry r = e.getValue();
            if (!cases.containsKey(r.caseId)) {
                continue;
            }
            Evidence stored = evidenceOf.computeIfAbsent(r.caseId, id -> index(store.evidence(id))).get(e.getKey());
            if (stored == null) {
                problems.add("evidence " + e.getKey() + " of case " + r.caseId + " is in the audit log (entry "
                        + r.index + ") but missing from the store");
            } else if (!stored.sha256().equals(r.sha256)) {
                problems.add("evidence " + e.getKey() + " of case " + r.caseId + " has sha256 " + stored.sha256()
                        + " in the store but " + r.sha256 + " when it was added (entry " + r.index + ")");
            }
        }
        for (CaseFile c : cases.values().stream().sorted(java.util.Comparator.comparing(CaseFile::id)).toList()) {
            for (Evidence e : evidenceOf.computeIfAbsent(c.id(), id -> index(store.evidence(id))).values()) {
                try {
                    store.evidenceContent(e.id());
                } catch (StoreException ex) {
                    problems.add(ex.getMessage());
                }
            }
        }
    }

    private static Map<String, Evidence> index(List<Evidence> list) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        list.forEach(e -> out.put(e.id(), e));
        return out;
    }

    private static long number(Map<String, String> details, String key) {
        try {
            return Long.parseLong(details.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What the audit log recorded of one store's writes, and of the case work. */
    private static final class Recorded {
        final Map<Long, Map<String, String>> batches = new TreeMap<>();
        long retainedEvents;
        /** The sum the stored events should have; null when some batch or retention entry recorded none. */
        EventSum eventSum = new EventSum();
        final Set<String> cases = new java.util.TreeSet<>();
        final Map<String, Long> firstMention = new HashMap<>();
        final Map<String, Set<Integer>> notes = new TreeMap<>();
        final Map<String, EvidenceEntry> evidence = new TreeMap<>();
        final Map<String, Status> status = new HashMap<>();

        record EvidenceEntry(String caseId, String sha256, long index) {
        }

        static final class Status {
            String to;
            long index;
            /** A later change the log records without its result (the dashboard's), so the status is unknown. */
            boolean afterwards;
        }

        static Recorded read(Path dataDir, String location) throws IOException {
            Recorded r = new Recorded();
            AuditLog.read(dataDir, 0, record -> {
                r.accept(record.index(), record.entry(), location);
                return true;
            });
            return r;
        }

        private void accept(long index, AuditEntry e, String location) {
            Map<String, String> d = e.details();
            String action = e.action();
            if (action.startsWith("store.")) {
                if (!location.equals(d.get("store"))) {
                    return;
                }
                if (action.equals("store.batch") && !e.objects().isEmpty()
                        && e.objects().get(0).startsWith("batch-")) {
                    batches.put(Long.parseLong(e.objects().get(0).substring("batch-".length())), d);
                    sum(d.get("eventSum"), true);
                } else if (action.equals("store.retention")) {
                    retainedEvents += number(d, "eventsDeleted") + number(d, "formerStaffEvents");
                    sum(d.get("deletedEventSum"), false);
                }
                return;
            }
            if (!(action.startsWith("case.") || action.startsWith("evidence.")) || e.objects().isEmpty()
                    || !CASE_ID.matcher(e.objects().get(0)).matches() || action.equals("case.refused")) {
                return;
            }
            String caseId = e.objects().get(0);
            cases.add(caseId);
            firstMention.putIfAbsent(caseId, index);
            if (action.equals("case.note") && d.containsKey("note")) {
                try {
                    notes.computeIfAbsent(caseId, k -> new java.util.TreeSet<>()).add(Integer.parseInt(d.get("note")));
                } catch (NumberFormatException ignored) {
                    // not a note number this check can use
                }
            } else if (action.equals("case.evidence.add") && d.containsKey("evidence") && d.containsKey("sha256")) {
                evidence.putIfAbsent(d.get("evidence"), new EvidenceEntry(caseId, d.get("sha256"), index));
            } else if (action.equals("case.status") && d.containsKey("to")) {
                Status s = new Status();
                s.to = d.get("to");
                s.index = index;
                status.put(caseId, s);
            } else if (action.startsWith("case.move.") && status.containsKey(caseId)) {
                status.get(caseId).afterwards = true;
            }
        }

        private void sum(String hex, boolean add) {
            if (eventSum == null) {
                return;
            }
            if (hex == null) {
                eventSum = null;
                return;
            }
            try {
                EventSum s = EventSum.parse(hex);
                if (add) {
                    eventSum.add(s);
                } else {
                    eventSum.subtract(s);
                }
            } catch (IllegalArgumentException e) {
                eventSum = null;
            }
        }
    }
}
