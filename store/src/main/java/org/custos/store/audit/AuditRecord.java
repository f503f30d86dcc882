package org.custos.store.audit;

import java.time.Instant;

/**
 * An AuditRecord is an entry as the log holds it: its index (from 0, with no gaps), the time the log appended
 * it, and the entry.
 *
 * @param index the entry's position in the log, from 0
 * @param time when the log appended it (from the log's clock)
 * @param entry what was done, by whom, to whose data
 */
public record AuditRecord(long index, Instant time, AuditEntry entry) {

    /** An AuditRecord has a non-negative index and a time. */
    public AuditRecord {
        if (index < 0) {
            throw new IllegalArgumentException("an audit record's index is not negative, got " + index);
        }
        if (time == null || entry == null) {
            throw new IllegalArgumentException("an audit record needs a time and an entry");
        }
    }

    /** The record's canonical JSON, exactly the bytes its leaf hash covers. */
    public String toJson() {
        return new String(EntryCodec.json(this), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The record's leaf hash, SHA-256(0x00 ‖ canonical JSON). */
    public byte[] leafHash() {
        return Merkle.leafHash(EntryCodec.json(this));
    }
}
