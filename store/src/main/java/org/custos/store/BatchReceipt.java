package org.custos.store;

import java.time.Instant;

/**
 * A BatchReceipt is what one committed batch wrote.
 *
 * @param id the batch's number, from 1
 * @param source the label given when the batch began
 * @param committedAt when it was committed, by the clock of the process that wrote it
 * @param events the events added (duplicates of stored events are not counted)
 * @param duplicateEvents the events skipped because they were already stored
 * @param snapshots the directory snapshots written
 * @param scores the daily scores written
 * @param alerts the alerts added (already stored ones are not counted)
 * @param firstEvent the earliest event time in the batch; null when it had no events
 * @param lastEvent the latest event time in the batch; null when it had no events
 * @param digest lower-case hex SHA-256 over the batch's content in the order it was added
 * @param eventSum the order-independent sum of the SHA-256 of each event the batch added (64 hex digits), which
 *     the audit log records so that a check can recompute it from the store; null for a receipt read back from the
 *     store, which does not keep it
 */
public record BatchReceipt(long id, String source, Instant committedAt, long events, long duplicateEvents,
                           int snapshots, long scores, int alerts, Instant firstEvent, Instant lastEvent,
                           String digest, String eventSum) {
}
