package org.custos.ingest;

import java.io.IOException;
import java.util.List;
import org.custos.core.event.Event;

/**
 * An EventStream hands out the events of a {@link CertDirectory}'s activity and JSON-lines files one at a time,
 * merged in time order exactly as {@link CertDirectory#forEachEvent} streams them; for readers that pull, such as a
 * Flink source.
 * Rows that cannot be read go to the directory's dead letters. Not thread-safe.
 */
public final class EventStream implements AutoCloseable {

    private final List<EventFile> files;
    private final Event[] pending;
    private final long[] seconds;
    private final int[] nanos;

    EventStream(List<? extends EventFile> files) throws IOException {
        this.files = List.copyOf(files);
        int n = files.size();
        pending = new Event[n];
        seconds = new long[n];
        nanos = new int[n];
        for (int i = 0; i < n; i++) {
            take(i);
        }
    }

    /** The next event in time order (of events with the same instant, the earlier file's first), or null at the end. */
    public Event next() throws IOException {
        int earliest = -1;
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != null && (earliest < 0 || seconds[i] < seconds[earliest]
                    || (seconds[i] == seconds[earliest] && nanos[i] < nanos[earliest]))) {
                earliest = i;
            }
        }
        if (earliest < 0) {
            return null;
        }
        Event e = pending[earliest];
        take(earliest);
        return e;
    }

    private void take(int i) throws IOException {
        Event e = files.get(i).next();
        pending[i] = e;
        if (e != null) {
            seconds[i] = e.time().getEpochSecond();
            nanos[i] = e.time().getNano();
        }
    }

    /** Closes every file. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (EventFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
