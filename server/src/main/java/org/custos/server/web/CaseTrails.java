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
 * the entries written before the server started once (in the background at start, or at the first report if that
 * comes first).
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
    private final Object scan = new Object();
    private volatile boolean earlierRead;

    /** The trails of the log opened on the data directory; the entries before its current size are read later. */
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
        readEarlierOnce();
        synchronized (this) {
            at = new ArrayList<>(positions.getOrDefault(caseId, List.of()));
        }
        at.sort(null);
        List<AuditRecord> out = new ArrayList<>(at.size());
        for (long i : at) {
            out.add(log.entry(i));
        }
        return out;
    }

    /**
     * Reads the entries written before the server started, unless done already: the server calls this on a
     * background thread at start so that the first case report does not wait for it.
     */
    public void readEarlierOnce() {
        if (earlierRead) {
            return;
        }
        synchronized (scan) {
            if (earlierRead) {
                return;
            }
            List<AuditRecord> earlier = readEarlier();
            synchronized (this) {
                earlier.forEach(r -> appended(r.index(), r.entry().objects()));
                earlierRead = true;
            }
        }
    }

    /** The entries before the server started that name a case; the appends meanwhile are not held up. */
    private List<AuditRecord> readEarlier() {
        if (bootSize == 0) {
            return List.of();
        }
        log.flush();
        List<AuditRecord> earlier = new ArrayList<>();
        try {
            AuditLog.read(dataDir, 0, r -> {
                if (r.index() >= bootSize) {
                    return false;
                }
                if (r.entry().objects().stream().anyMatch(o -> CASE_ID.matcher(o).matches())) {
                    earlier.add(r);
                }
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log: " + e.getMessage(), e);
        }
        return earlier;
    }
}
