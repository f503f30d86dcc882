package org.custos.cli.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.custos.store.BatchReceipt;
import org.custos.store.RetentionReport;
import org.custos.store.StoreAuditTrail;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;

/**
 * StoreAudit records the store's own writes in the audit log of the data directory: each committed batch (counts,
 * event-time range, the digest of its content and the sum of its events' hashes) and each retention run (counts and
 * ranges, never content), as {@link StoreAuditTrail} defines them.
 */
public final class StoreAudit {

    private StoreAudit() {
    }

    /** Appends a {@code store.batch} entry for a batch committed to the store at {@code store}; makes it durable. */
    public static void recordBatch(Path dataDir, String store, BatchReceipt r) throws IOException {
        append(dataDir, StoreAuditTrail.batchEntry(store, r));
    }

    /** Appends a {@code store.retention} entry saying what a retention run deleted, by count and range. */
    public static void recordRetention(Path dataDir, String store, String actor, RetentionReport r)
            throws IOException {
        append(dataDir, StoreAuditTrail.retentionEntry(store, actor, r));
    }

    /** Appends a {@code store.compact} entry: who rewrote the store's events in order, and how many there were. */
    public static void recordCompaction(Path dataDir, String store, String actor, long events) throws IOException {
        append(dataDir, new AuditEntry(actor, "admin", "store.compact", null, List.of(), "local",
                Map.of("store", store, "events", Long.toString(events))));
    }

    private static void append(Path dataDir, AuditEntry entry) throws IOException {
        try (AuditLog log = AuditLog.open(dataDir, Clock.systemUTC())) {
            log.append(entry);
            log.flush();
        }
    }
}
