package org.custos.store;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Evidence;
import org.custos.core.casefile.Outcome;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;

/**
 * The Store is the port through which Custos keeps its own data: the organization over time, raw events, daily
 * scores, alerts and their review, cases with notes and evidence, dashboard accounts, the registry of classified
 * material and the custody ledger of originals.
 *
 * <p>Two adapters implement it and pass one contract test suite: the embedded store (one data directory, zero
 * set-up; the default) and PostgreSQL. Open either with {@link Stores#open(String)}.
 *
 * <p>Writes of analysis output go through a {@link Batch}: nothing of a batch is visible or durable until
 * {@link Batch#commit()} returns, and a process killed before that leaves no trace of it. Every other write method
 * is one transaction of its own: when it returns, the change is durable. Times are given by the caller (event time or
 * an injected clock); the store reads the system clock only to stamp a batch's commit.
 *
 * <p>Failures are {@link StoreException}s whose message is one line a user can act on and whose
 * {@link StoreException#reason()} says what kind of failure it is.
 */
public interface Store extends AutoCloseable {

    /** What this store is: its kind, location and schema version. */
    StoreInfo info();

    // ---- analysis output -------------------------------------------------------------------------------------

    /**
     * Starts a batch: one atomic write of analysis output (events, directory snapshots, departures, daily scores,
     * alerts). Only one batch may be open at a time per store instance.
     *
     * @param source a short label of what is being written (e.g. the input directory), recorded with the batch
     */
    Batch begin(String source);

    /** The committed batches, oldest first. */
    List<BatchReceipt> batches();

    // ---- people and the organization over time ---------------------------------------------------------------

    /** The months for which a directory snapshot is stored, oldest first. */
    List<YearMonth> snapshotMonths();

    /** The directory snapshot of a month; empty when none is stored. */
    Optional<OrgSnapshot> snapshot(YearMonth month);

    /** The organization rebuilt from every stored snapshot and recorded departure. */
    Organization organization();

    /** The person's latest directory record in any snapshot; empty for an unknown person. */
    Optional<PersonRecord> person(String user);

    /** Every person the store knows (from snapshots, events or scores), with their employment span. */
    List<PersonSummary> people();

    // ---- events ----------------------------------------------------------------------------------------------

    /**
     * One person's events with {@code from <= time < to}, oldest first, at most {@code limit} of them.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive or {@code to} is before {@code from}
     */
    List<Event> timeline(String user, Instant from, Instant to, int limit);

    /** One person's events with the given ids, oldest first; ids not stored (or deleted by retention) are skipped. */
    List<Event> events(String user, Collection<String> ids);

    /** The number of events stored. */
    long eventCount();

    // ---- scores ----------------------------------------------------------------------------------------------

    /** One person's end-of-day scores with {@code from <= day <= to}, oldest first. */
    List<DailyScore> dailyScores(String user, LocalDate from, LocalDate to);

    /** The person's most recent score, with its contributions; empty when none is stored. */
    Optional<DailyScore> latestScore(String user);

    /** The ranked board: each person's latest score, highest first, filtered by the query. */
    List<BoardEntry> board(BoardQuery query);

    // ---- alerts ----------------------------------------------------------------------------------------------

    /** The alerts matching a query, newest first. */
    List<StoredAlert> alerts(AlertQuery query);

    /** One alert by id; empty when unknown. */
    Optional<StoredAlert> alert(String id);

    /**
     * Records a reviewer's decision on an alert.
     *
     * @param state {@link AlertState#ACKNOWLEDGED} or {@link AlertState#DISMISSED} (which needs a reason), or
     *     {@link AlertState#NEW} to reopen it
     * @throws StoreException with reason {@link StoreException.Reason#NOT_FOUND} for an unknown alert
     * @throws IllegalArgumentException when a dismissal has no reason
     */
    StoredAlert reviewAlert(String id, AlertState state, String by, Instant at, String reason);

    // ---- cases -----------------------------------------------------------------------------------------------

    /**
     * Opens a case with a store-assigned id {@code C-YYYY-NNNN} (the year of {@code at}, then a number counting up
     * within that year).
     */
    CaseFile openCase(String title, List<String> subjects, String openedBy, Instant at, Optional<String> alertId);

    /** One case by id; empty when unknown. */
    Optional<CaseFile> caseFile(String id);

    /** The cases matching a query, most recently updated first. */
    List<CaseFile> cases(CaseQuery query);

    /**
     * Moves a case to a new status ({@link CaseFile#moveTo}); {@code outcome} is required when closing.
     *
     * @throws StoreException with reason NOT_FOUND for an unknown case
     * @throws IllegalStateException when the move is not allowed from the case's status
     */
    CaseFile moveCase(String id, CaseStatus target, Optional<Outcome> outcome, String by, Instant at);

    /** Assigns a case to an account. */
    CaseFile assignCase(String id, String assignee, String by, Instant at);

    /** Appends a note to a case (notes are never edited or removed); the store assigns its number. */
    CaseNote addNote(String caseId, String author, Instant at, String text);

    /** The notes of a case, oldest first. */
    List<CaseNote> notes(String caseId);

    /**
     * Adds a file as evidence: its bytes are stored once, named by their SHA-256, and never altered.
     *
     * @param content the file's bytes; read to the end, not closed
     */
    Evidence addFileEvidence(String caseId, String name, InputStream content, String addedBy, Instant at,
                             String description);

    /**
     * Adds a set of one person's events as evidence. The events are frozen: their canonical JSON is stored like a
     * file (so the evidence outlives event retention) and {@link Evidence#sha256()} is its digest.
     *
     * @throws IllegalArgumentException when an id names no stored event of {@code user}
     */
    Evidence addEventEvidence(String caseId, String label, String user, List<String> eventIds, String addedBy,
                              Instant at, String description);

    /** The evidence of a case, in the order it was added. */
    List<Evidence> evidence(String caseId);

    /**
     * The stored bytes of a piece of evidence (a file, or the canonical JSON of frozen events), after re-checking
     * their SHA-256.
     *
     * @throws StoreException with reason {@link StoreException.Reason#TAMPERED} when the bytes no longer match
     */
    byte[] evidenceContent(String evidenceId);

    // ---- dashboard accounts ----------------------------------------------------------------------------------

    /**
     * Creates an account.
     *
     * @throws StoreException with reason CONFLICT when the name is taken
     */
    Account createAccount(String name, Role role, String passwordHash, Instant at);

    /** One account by name; empty when unknown. */
    Optional<Account> account(String name);

    /** Every account, by name. */
    List<Account> accounts();

    /** Replaces an account's role, password hash, failed-attempt count and lock (the name and creation stay). */
    Account updateAccount(Account account);

    // ---- registry of classified material ---------------------------------------------------------------------

    /**
     * Adds an item's metadata to the registry.
     *
     * @throws StoreException with reason CONFLICT when the id is taken
     */
    RegistryItem addRegistryItem(RegistryItem item);

    /** One registry item by id; empty when unknown. */
    Optional<RegistryItem> registryItem(String id);

    /** Every registry item, oldest registration first. */
    List<RegistryItem> registryItems();

    // ---- custody ledger of originals -------------------------------------------------------------------------

    /** Appends a record to the custody ledger; the store assigns its sequence number. Records are never changed. */
    CustodyRecord recordCustody(String serial, String item, CustodyMove.Action action, String who, Instant when,
                                String where, String why);

    /** The ledger records of one original (by serial), oldest first. */
    List<CustodyRecord> custody(String serial);

    /** The ledger records with {@code from <= when < to}, oldest first. */
    List<CustodyRecord> custodyLedger(Instant from, Instant to);

    // ---- retention -------------------------------------------------------------------------------------------

    /**
     * Applies a retention policy as of {@code now}: deletes raw events older than the policy's event period and
     * every trace (events, scores, alerts, directory records) of former staff whose retention period has passed.
     * People who are subjects of an active case are kept (legal hold) and counted. The caller records the returned
     * counts and ranges (never content) in the audit log.
     */
    RetentionReport applyRetention(RetentionPolicy policy, Instant now);

    /** Closes the store; further calls fail. */
    @Override
    void close();
}
