package org.custos.server.web;

import java.time.Clock;
import java.nio.file.Path;
import org.custos.store.Store;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;

/**
 * Services are what every page and API handler works with: the store, pseudonyms, the page layout, the access log
 * and the clock.
 *
 * @param store the store
 * @param names pseudonyms
 * @param layout the page chrome
 * @param auditLog where every action and view of a person's data is recorded
 * @param clock the clock for review and case times
 * @param dataDir the data directory (material registry, ingestion journal, audit log)
 * @param trails where the audit entries about each case are, kept up to date by every record made here
 */
public record Services(Store store, Names names, Layout layout, AuditLog auditLog, Clock clock, Path dataDir,
                       CaseTrails trails) {

    /**
     * Records an access by the request's viewer and makes it durable: the action (a dotted verb), the person whose
     * data it touched (an account id, written to the log as their pseudonym; null or empty for none) and the ids of
     * the objects touched.
     */
    public void record(Viewer viewer, String action, String subjectUser, String... objects) {
        append(viewer, action, subjectUser, objects);
        auditLog.flush();
    }

    /**
     * Records one access per person (an account id each, written as their pseudonym) with the same action, details
     * (such as the format and options of a report) and objects, and makes them all durable with one force of the
     * log before returning.
     */
    public void recordEach(Viewer viewer, String action, java.util.Collection<String> subjectUsers,
                           java.util.Map<String, String> details, String... objects) {
        for (String subjectUser : subjectUsers) {
            String subject = subjectUser == null || subjectUser.isEmpty() ? null : names.pseudonym(subjectUser);
            long index = auditLog.append(new AuditEntry(viewer.account(), viewer.role().id(), action, subject,
                    java.util.List.of(objects), viewer.address(), java.util.Map.copyOf(details)));
            trails.appended(index, java.util.List.of(objects));
        }
        auditLog.flush();
    }

    /**
     * Appends an access to the log without waiting for the disk and returns its position; the caller must call
     * {@link #makeDurable(long)} with it before it shows anything of the person's data. A page can so read its data
     * meanwhile, and another request's force of the log may already cover the entry by then.
     */
    public long recordPending(Viewer viewer, String action, String subjectUser, String... objects) {
        return append(viewer, action, subjectUser, objects);
    }

    /** Returns once the entry at {@code index} (and every one before it) is on disk, forcing the log if need be. */
    public void makeDurable(long index) {
        if (auditLog.durableSize() <= index) {
            auditLog.flush();
        }
    }

    /**
     * Records a view of a list that names nobody (the board, the queues, the registry, the custody list, the audit
     * log): appended before the answer, made durable by the next flush (within {@link org.custos.server.DashboardServer#FLUSH_MILLIS} ms) instead of
     * forcing the disk for every list shown.
     */
    public void recordList(Viewer viewer, String action) {
        append(viewer, action, null);
    }

    /**
     * Records an action that names nobody and whose own durability is ensured elsewhere (live ingestion forces its
     * journal): appended before the answer, forced by the next flush.
     */
    public void recordUnforced(Viewer viewer, String action, String... objects) {
        append(viewer, action, null, objects);
    }

    private long append(Viewer viewer, String action, String subjectUser, String... objects) {
        String subject = subjectUser == null || subjectUser.isEmpty() ? null : names.pseudonym(subjectUser);
        long index = auditLog.append(new AuditEntry(viewer.account(), viewer.role().id(), action, subject,
                java.util.List.of(objects), viewer.address(), java.util.Map.of()));
        trails.appended(index, java.util.List.of(objects));
        return index;
    }
}
