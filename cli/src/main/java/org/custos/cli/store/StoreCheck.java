package org.custos.cli.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.Evidence;
import org.custos.store.BatchReceipt;
import org.custos.store.CaseQuery;
import org.custos.store.Store;
import org.custos.store.StoreException;
import org.custos.store.audit.AuditLog;

/**
 * StoreCheck compares a store with what the audit log recorded of its writes, to detect a store changed behind
 * Custos' back: batches removed, added or rewritten, events deleted or inserted, evidence altered.
 */
final class StoreCheck {

    private StoreCheck() {
    }

    /** The problems found, one line each; empty when the store matches the audit log. */
    static List<String> check(Store store, Path dataDir) throws IOException {
        String location = store.info().location();
        Map<Long, Map<String, String>> recorded = new TreeMap<>();
        long[] retained = {0};
        AuditLog.read(dataDir, 0, r -> {
            Map<String, String> d = r.entry().details();
            if (!location.equals(d.get("store"))) {
                return true;
            }
            if (r.entry().action().equals("store.batch") && !r.entry().objects().isEmpty()) {
                recorded.put(Long.parseLong(r.entry().objects().get(0).substring("batch-".length())), d);
            } else if (r.entry().action().equals("store.retention")) {
                retained[0] += Long.parseLong(d.get("eventsDeleted")) + Long.parseLong(d.get("formerStaffEvents"));
            }
            return true;
        });
        List<String> problems = new ArrayList<>();
        long batchEvents = 0;
        for (BatchReceipt b : store.batches()) {
            Map<String, String> d = recorded.remove(b.id());
            batchEvents += b.events();
            if (d == null) {
                problems.add("batch " + b.id() + " (" + b.source() + ", " + b.committedAt() + ") is in the store but"
                        + " not in the audit log");
            } else if (!b.digest().equals(d.get("sha256")) || b.events() != Long.parseLong(d.get("events"))
                    || b.scores() != Long.parseLong(d.get("scores"))
                    || b.alerts() != Integer.parseInt(d.get("alerts"))) {
                problems.add("batch " + b.id() + " differs from its audit entry (digest or counts changed)");
            }
        }
        for (Long missing : recorded.keySet()) {
            problems.add("batch " + missing + " is in the audit log but missing from the store");
        }
        long stored = store.eventCount();
        long expected = batchEvents - retained[0];
        if (stored != expected) {
            problems.add("the store holds " + stored + " events; its batches and retention runs account for "
                    + expected);
        }
        for (CaseFile c : store.cases(CaseQuery.all(Integer.MAX_VALUE))) {
            for (Evidence e : store.evidence(c.id())) {
                try {
                    store.evidenceContent(e.id());
                } catch (StoreException ex) {
                    problems.add(ex.getMessage());
                }
            }
        }
        return problems;
    }
}
