package org.custos.store.audit;

import java.util.Base64;
import java.util.Optional;

/**
 * A Verification is the outcome of replaying an audit log: how much was checked and, when something is wrong, the
 * first problem — which entry and what happened to it.
 *
 * @param entries the number of complete entries replayed
 * @param root the Merkle tree hash over them
 * @param signedHeads the number of signed tree heads in the log that were checked
 * @param exportedHeads the number of exported tree heads that were checked
 * @param unsignedEntries entries after the last signed tree head (intact, but vouched for by no signature yet)
 * @param incompleteTailBytes bytes of an incomplete last line that were not checked (an append in progress, or a
 *     crash the next open repairs)
 * @param problem the first problem, or empty when the log checks out
 */
public record Verification(long entries, byte[] root, int signedHeads, int exportedHeads, long unsignedEntries,
        long incompleteTailBytes, Optional<Problem> problem) {

    /** What went wrong with an entry or a tree head. */
    public enum Kind {
        /** An entry's content differs from what was appended (or is not an entry at all). */
        CHANGED,
        /** Entries are missing from the middle of the log. */
        REMOVED,
        /** An entry appears out of its order. */
        REORDERED,
        /** An entry that was never appended at this place appears there (a copy or a forgery). */
        INSERTED,
        /** Entries a signed tree head covers are missing from the end of the log. */
        TRUNCATED,
        /** A tree head is unreadable, out of order, or not signed by the log's key. */
        BAD_HEAD
    }

    /**
     * A Problem is the first thing wrong with a log.
     *
     * @param index the index of the first bad entry (for a bad head, the size it claims)
     * @param kind what happened
     * @param message one line saying what is wrong and where (line numbers of entries.log count from 1)
     */
    public record Problem(long index, Kind kind, String message) {
    }

    /** Whether the whole log checks out. */
    public boolean ok() {
        return problem.isEmpty();
    }

    /** One line for a person: the summary when the log checks out, else the first problem. */
    public String summary() {
        if (problem.isPresent()) {
            Problem p = problem.get();
            return "audit log FAILED at entry " + p.index() + " (" + p.kind().name().toLowerCase().replace('_', ' ')
                    + "): " + p.message();
        }
        StringBuilder s = new StringBuilder("audit log OK: ").append(entries)
                .append(entries == 1 ? " entry" : " entries")
                .append(", root ").append(Base64.getEncoder().encodeToString(root)).append(", ")
                .append(signedHeads).append(signedHeads == 1 ? " signed tree head" : " signed tree heads");
        if (exportedHeads > 0) {
            s.append(" and ").append(exportedHeads).append(exportedHeads == 1 ? " exported head" : " exported heads");
        }
        s.append(signedHeads + exportedHeads == 1 ? " checks out" : " check out");
        if (unsignedEntries > 0) {
            s.append("; ").append(unsignedEntries).append(" newest ")
                    .append(unsignedEntries == 1 ? "entry is" : "entries are").append(" not yet under a signed head");
        }
        if (incompleteTailBytes > 0) {
            s.append("; an incomplete last line of ").append(incompleteTailBytes)
                    .append(" bytes (an append in progress, or a crash) was not checked");
        }
        return s.toString();
    }
}
