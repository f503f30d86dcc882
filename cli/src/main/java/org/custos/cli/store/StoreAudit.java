package org.custos.cli.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.store.BatchReceipt;
import org.custos.store.RetentionReport;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;

/**
 * StoreAudit records the store's own writes in the audit log of the data directory: each committed batch (counts,
 * event-time range and the digest of its content) and each retention run (counts and ranges, never content).
 */
public final class StoreAudit {

    private StoreAudit() {
    }

    /** Appends a {@code store.batch} entry for a batch committed to the store at {@code store}; makes it durable. */
    public static void recordBatch(Path dataDir, String store, BatchReceipt r) throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("store", store);
        details.put("source", r.source());
        details.put("events", Long.toString(r.events()));
        details.put("duplicateEvents", Long.toString(r.duplicateEvents()));
        details.put("snapshots", Integer.toString(r.snapshots()));
        details.put("scores", Long.toString(r.scores()));
        details.put("alerts", Integer.toString(r.alerts()));
        details.put("firstEvent", String.valueOf(r.firstEvent()));
        details.put("lastEvent", String.valueOf(r.lastEvent()));
        details.put("sha256", r.digest());
        append(dataDir, new AuditEntry("custos", "system", "store.batch", null, List.of("batch-" + r.id()), "local",
                details));
    }

    /** Appends a {@code store.retention} entry saying what a retention run deleted, by count and range. */
    public static void recordRetention(Path dataDir, String store, String actor, RetentionReport r)
            throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("store", store);
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
        append(dataDir, new AuditEntry(actor, "admin", "store.retention", null, List.of(), "local", details));
    }

    private static void append(Path dataDir, AuditEntry entry) throws IOException {
        try (AuditLog log = AuditLog.open(dataDir, Clock.systemUTC())) {
            log.append(entry);
            log.flush();
        }
    }
}
