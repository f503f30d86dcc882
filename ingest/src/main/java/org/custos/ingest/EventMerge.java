package org.custos.ingest;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.custos.core.event.Event;

/**
 * EventMerge interleaves the events of several files into one stream in time order, holding one pending event per
 * file; of events with the same instant, the one from the earlier file in the list goes first.
 *
 * <p>With at most a dozen files a linear scan for the earliest pending event beats a heap. Each file is assumed to
 * be in time order; a file's row that is earlier than its predecessor is emitted when its turn comes, as read.
 */
final class EventMerge {

    private EventMerge() {
    }

    /** Streams every event of every file to the sink and returns how many there were. */
    static long run(List<? extends EventFile> files, Consumer<Event> sink) throws IOException {
        int n = files.size();
        Event[] pending = new Event[n];
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        for (int i = 0; i < n; i++) {
            take(files.get(i), i, pending, seconds, nanos);
        }
        long emitted = 0;
        while (true) {
            int earliest = -1;
            for (int i = 0; i < n; i++) {
                if (pending[i] != null && (earliest < 0 || seconds[i] < seconds[earliest]
                        || (seconds[i] == seconds[earliest] && nanos[i] < nanos[earliest]))) {
                    earliest = i;
                }
            }
            if (earliest < 0) {
                return emitted;
            }
            sink.accept(pending[earliest]);
            emitted++;
            take(files.get(earliest), earliest, pending, seconds, nanos);
        }
    }

    private static void take(EventFile file, int i, Event[] pending, long[] seconds, int[] nanos)
            throws IOException {
        Event e = file.next();
        pending[i] = e;
        if (e != null) {
            seconds[i] = e.time().getEpochSecond();
            nanos[i] = e.time().getNano();
        }
    }
}
