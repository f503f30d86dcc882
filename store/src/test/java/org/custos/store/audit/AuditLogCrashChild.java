package org.custos.store.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * AuditLogCrashChild is the process {@link AuditLogCrashIT} kills: it appends to the audit log in DIR without end,
 * flushing every 3,000 entries and printing {@code ack N} once N entries are durable.
 */
public final class AuditLogCrashChild {

    private AuditLogCrashChild() {
    }

    /** Appends to the log in {@code args[0]} until killed. */
    public static void main(String[] args) throws Exception {
        String padding = "x".repeat(400);
        try (AuditLog log = AuditLog.open(Path.of(args[0]), Clock.systemUTC())) {
            for (long i = 0;; i++) {
                log.append(new AuditEntry("investigator", "investigator", "person.view", "P-00000-00000",
                        List.of("case-" + i), "10.0.0.1", Map.of("note", padding)));
                if (i % 3000 == 2999) {
                    System.out.println("ack " + log.flush());
                    System.out.flush();
                }
            }
        }
    }
}
