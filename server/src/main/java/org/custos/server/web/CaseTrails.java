package org.custos.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;

/**
 * CaseTrails finds the audit entries about a case (those whose objects include its id) without reading the whole
 * audit log for every case report: it remembers the positions of such entries as the server appends them, and reads
 * the entries written before the server started once, on first use.
 */
public final class CaseTrails {

    /*
     * Every entry this server appends goes through Services, which reports it here, so the positions from the
     * log's size at start onwards are complete. The entries before that (written by the command line or an earlier
     * run) are read once from the log's file. The entries themselves are fetched from the open log by position when
     * a trail is asked for, which re-checks each against its leaf hash.
     */

    private static final Pattern CASE_ID = Pattern.compile("C-\\d{4}-\\d{1,8}");

    private final AuditLog log;
    private final Path dataDir;
    private final long bootSize;
    private final Map<String, List<Long>> positions = new HashMap<>();
    private boolean earlierRead;

    /** The trails of the log opened on the data directory; entries before its current size are read on first use. */
    public CaseTrails(AuditLog log, Path dataDir) {
        this.log = log;
        this.dataDir = dataDir;
        this.bootSize = log.size();
    }

    /** Notes an entry the server appended at {@code index} with these objects. */
    synchronized void appended(long index, List<String> objects) {
        for (String o : objects) {
            if (CASE_ID.matcher(o).matches()) {
                positions.computeIfAbsent(o, k -> new ArrayList<>()).add(index);
            }
        }
    }

    /** The audit records whose objects include the case id, in log order. */
    public List<AuditRecord> of(String caseId) {
        List<Long> at;
        synchronized (this) {
            if (!earlierRead) {
                readEarlier();
                earlierRead = true;
            }
            at = new ArrayList<>(positions.getOrDefault(caseId, List.of()));
        }
        at.sort(null);
        List<AuditRecord> out = new ArrayList<>(at.size());
        for (long i : at) {
            out.add(log.entry(i));
        }
        return out;
    }

    private void readEarlier() {
        if (bootSize == 0) {
            return;
        }
        log.flush();
        try {
            AuditLog.read(dataDir, 0, r -> {
                if (r.index() >= bootSize) {
                    return false;
                }
                appended(r.index(), r.entry().objects());
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
