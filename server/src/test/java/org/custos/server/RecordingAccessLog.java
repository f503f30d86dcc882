package org.custos.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.custos.server.web.AccessLog;

/** A RecordingAccessLog keeps the entries in memory for tests to inspect. */
final class RecordingAccessLog implements AccessLog {

    /** One recorded access. */
    record Entry(String actor, String role, String action, String subject, List<String> objects, String from) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();
    volatile int flushes;

    @Override
    public void record(String actor, String role, String action, String subject, List<String> objects, String from) {
        entries.add(new Entry(actor, role, action, subject, List.copyOf(objects), from));
    }

    @Override
    public void flush() {
        flushes++;
    }
}
