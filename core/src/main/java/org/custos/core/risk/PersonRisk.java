package org.custos.core.risk;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Indicator;

/**
 * A PersonRisk is one person's live signals, folded per indicator and day, from which the {@link RiskModel}
 * computes a score at any instant.
 *
 * <p>Signals of the same indicator on the same day are merged into one entry (weights added, event ids kept up
 * to a bound), so memory grows with the number of distinct indicator-days within the decay horizon, not with
 * the number of events. Entries whose points have decayed below 1 % are dropped by {@link #expire}; the earliest
 * time of a dropped entry is kept for its critical-path stage while the stage has live entries, so that dropping
 * a faint early entry does not make the stage look later than it began (and its stages fall into order).
 */
public final class PersonRisk implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One indicator's signals on one day. */
    static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        final Indicator indicator;
        final long day;
        Instant first;
        Instant last;
        double weight;
        double strongest;
        String explanation;
        int eventCount;
        final ArrayList<String> eventIds = new ArrayList<>(4);

        Entry(Indicator indicator, long day) {
            this.indicator = indicator;
            this.day = day;
        }
    }

    private final String user;
    final ArrayList<Entry> entries = new ArrayList<>();
    /** Per critical-path stage, the earliest first time of its dropped entries; null until an entry is dropped. */
    private Instant[] droppedFirst;

    /** A person with no signals. */
    public PersonRisk(String user) {
        this.user = user;
    }

    /** The person. */
    public String user() {
        return user;
    }

    /** True when no signal is live. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Adds a signal, merging it into the entry of its indicator and day. */
    public void add(Signal signal, int maxEventIds) {
        long day = Math.floorDiv(signal.time().getEpochSecond(), 86_400);
        Entry entry = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.day == day && e.indicator.id().equals(signal.indicator().id())) {
                entry = e;
                break;
            }
            if (e.day < day) {
                break;
            }
        }
        if (entry == null) {
            entry = new Entry(signal.indicator(), day);
            entry.first = signal.time();
            entry.last = signal.time();
            entries.add(entry);
        }
        if (signal.time().isAfter(entry.last)) {
            entry.last = signal.time();
        }
        if (signal.time().isBefore(entry.first)) {
            entry.first = signal.time();
        }
        entry.weight += signal.weight();
        if (signal.weight() > entry.strongest) {
            entry.strongest = signal.weight();
            entry.explanation = signal.explanation();
        }
        entry.eventCount += signal.eventIds().size();
        for (String id : signal.eventIds()) {
            if (entry.eventIds.size() >= maxEventIds) {
                entry.eventIds.remove(0);
            }
            entry.eventIds.add(id);
        }
    }

    /**
     * Drops entries whose points at {@code at} have decayed below 1 % of what they were, stressors with their own
     * half-life.
     */
    public void expire(Instant at, double halfLifeDays, double stressorHalfLifeDays) {
        double toOnePercent = 86_400 * (Math.log(100) / Math.log(2));
        entries.removeIf(e -> {
            boolean old = at.getEpochSecond() - e.last.getEpochSecond() > toOnePercent
                    * (e.indicator.category() == org.custos.core.indicator.Category.STRESSOR ? stressorHalfLifeDays
                            : halfLifeDays);
            if (old) {
                int stage = e.indicator.category().stage();
                droppedFirst = droppedFirst == null ? new Instant[4] : droppedFirst;
                if (droppedFirst[stage] == null || e.first.isBefore(droppedFirst[stage])) {
                    droppedFirst[stage] = e.first;
                }
            }
            return old;
        });
        if (droppedFirst != null) {
            int live = 0;
            for (Entry e : entries) {
                live |= 1 << e.indicator.category().stage();
            }
            boolean any = false;
            for (int stage = 0; stage < droppedFirst.length; stage++) {
                if ((live & 1 << stage) == 0) {
                    droppedFirst[stage] = null;
                }
                any |= droppedFirst[stage] != null;
            }
            droppedFirst = any ? droppedFirst : null;
        }
    }

    /**
     * The earliest first time of the dropped entries of a critical-path stage (0 to 3) that still has live entries,
     * or null: when that stage began, as far as the score is concerned.
     */
    Instant droppedFirst(int stage) {
        return droppedFirst == null ? null : droppedFirst[stage];
    }

    /** The ids of the indicators that fired on a UTC epoch day, joined by ", "; null when none did. */
    public String indicatorsOn(long epochDay) {
        StringBuilder ids = new StringBuilder();
        for (Entry e : entries) {
            if (e.day == epochDay && ids.indexOf(e.indicator.id()) < 0) {
                ids.append(ids.length() == 0 ? "" : ", ").append(e.indicator.id());
            }
        }
        return ids.length() == 0 ? null : ids.toString();
    }

    List<Entry> entries() {
        return entries;
    }

    /** The number of live entries (for measuring state size). */
    public int size() {
        return entries.size();
    }
}
