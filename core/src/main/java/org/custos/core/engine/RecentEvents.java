package org.custos.core.engine;

import org.custos.core.event.Event;

/**
 * RecentEvents remembers a person's last {@value #SIZE} events (by id, kind and instant) so that a re-sent batch is
 * recognized and not analyzed twice.
 */
public final class RecentEvents implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** How many events are remembered. */
    public static final int SIZE = 32;

    private final long[] recent = new long[SIZE];
    private int next;
    private int size;

    /** Nothing remembered yet. */
    public RecentEvents() {
    }

    /** True when the event repeats one of the last {@value #SIZE} (same id, kind and instant); remembers it if not. */
    public boolean seen(Event event) {
        long key = ((long) event.id().hashCode() << 32) ^ (event.time().getEpochSecond() * 31 + event.time().getNano())
                ^ event.kind().ordinal();
        for (int i = 0; i < size; i++) {
            if (recent[i] == key) {
                return true;
            }
        }
        recent[next] = key;
        next = (next + 1) % SIZE;
        size = Math.min(size + 1, SIZE);
        return false;
    }
}
