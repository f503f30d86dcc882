package org.custos.store;

import java.time.LocalDate;
import java.util.List;
import org.custos.core.alert.Alert;
import org.custos.core.event.Event;
import org.custos.core.organization.OrgSnapshot;

/**
 * A Batch is one atomic write of analysis output. Nothing added is visible to readers or survives a crash until
 * {@link #commit()} returns; {@link #close()} without a commit discards everything.
 *
 * <p>Re-writing the same output is harmless: an event already stored (same person and id) is skipped, a snapshot
 * replaces the stored one of its month, a daily score replaces the one of its person and day, and an alert already
 * stored keeps its review state.
 */
public interface Batch extends AutoCloseable {

    /** Adds a raw event. */
    void addEvent(Event event);

    /** Adds (or replaces) the directory snapshot of a month. */
    void putSnapshot(OrgSnapshot snapshot);

    /** Records a departure date given by the personnel feed (it overrides the one inferred from snapshots). */
    void recordDeparture(String user, LocalDate lastDay);

    /** Adds (or replaces) end-of-day scores. */
    void putScores(List<DailyScore> scores);

    /** Adds an alert (in review state {@link AlertState#NEW} unless already stored). */
    void putAlert(Alert alert);

    /**
     * Makes everything added durable and visible at once.
     *
     * @return what was written, with a SHA-256 digest of the batch's content for the audit log
     */
    BatchReceipt commit();

    /** Discards the batch unless it was committed. */
    @Override
    void close();
}
