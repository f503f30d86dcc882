package org.custos.server.readcache;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.custos.store.Account;
import org.custos.store.AlertQuery;
import org.custos.store.AlertState;
import org.custos.store.Batch;
import org.custos.store.BatchReceipt;
import org.custos.store.BoardEntry;
import org.custos.store.BoardQuery;
import org.custos.store.CaseQuery;
import org.custos.store.CustodyRecord;
import org.custos.store.DailyScore;
import org.custos.store.PersonSummary;
import org.custos.store.RegistryItem;
import org.custos.store.RetentionPolicy;
import org.custos.store.RetentionReport;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.StoreInfo;
import org.custos.store.StoredAlert;

/**
 * A CachedStore answers the dashboard's repeated reads (the board, scores, alerts, cases, people, custody) from
 * memory and forgets them when something they depend on is written through it: a batch or a retention run makes
 * every answer stale, a review only the alert answers, a case change only the case answers, and so on.
 *
 * <p>It is correct because the server is the only writer while it runs (the embedded store admits one process;
 * for PostgreSQL, other writers must not run beside a server, or their changes show only after the server's next
 * write). Accounts and timelines are always read from the store: sign-in must see the latest failure count, and
 * timelines are too large to keep (the events behind a contribution, at most 200 ids, are kept). At most {@value #MAX_ENTRIES} answers are kept; past that the cache starts
 * over.
 */
public final class CachedStore implements Store {

    /** The most answers kept. */
    static final int MAX_ENTRIES = 20_000;

    private record Key(String method, List<Object> args) {
    }

    private record Entry(long version, Object value) {
    }

    private final Store store;
    private final ConcurrentHashMap<Key, Entry> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong everything = new AtomicLong();

    /** A cache in front of the store. */
    public CachedStore(Store store) {
        this.store = store;
    }

    private long version(String group) {
        return everything.get() * 1_000_003L + versions.computeIfAbsent(group, g -> new AtomicLong()).get();
    }

    /** The answer of a read in a group (the set of answers one kind of write makes stale), from memory if fresh. */
    @SuppressWarnings("unchecked")
    private <T> T cached(String group, String method, Supplier<T> read, Object... args) {
        Key key = new Key(method, List.of(args));
        long v = version(group);
        Entry e = answers.get(key);
        if (e != null && e.version() == v) {
            return (T) e.value();
        }
        T value = read.get();
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        if (version(group) == v) {
            answers.put(key, new Entry(v, value));
        }
        return value;
    }

    /** Marks the answers of the groups stale (all of them when none is named) after a write. */
    private <T> T written(T result, String... groups) {
        if (groups.length == 0) {
            everything.incrementAndGet();
            answers.clear();
        }
        for (String g : groups) {
            versions.computeIfAbsent(g, x -> new AtomicLong()).incrementAndGet();
        }
        return result;
    }

    /**
     * A number that changes whenever stored events, scores or the organization may have changed (a batch or a
     * retention run), so callers can keep what they derive from events until it does.
     */
    public long eventsVersion() {
        return version("batch");
    }

    /**
     * A number that changes whenever alerts or their reviews may have changed (a batch, a review, a retention run),
     * so callers can keep what they derive from the alert answers until it does.
     */
    public long alertsVersion() {
        return version("alerts");
    }

    /** Forgets every cached answer (after a write the cache did not see). */
    public void invalidate() {
        written(null);
    }

    @Override
    public StoreInfo info() {
        return store.info();
    }

    @Override
    public Batch begin(String source) {
        Batch b = store.begin(source);
        return new Batch() {
            @Override
            public void addEvent(Event event) {
                b.addEvent(event);
            }

            @Override
            public void putSnapshot(OrgSnapshot snapshot) {
                b.putSnapshot(snapshot);
            }

            @Override
            public void recordDeparture(String user, LocalDate lastDay) {
                b.recordDeparture(user, lastDay);
            }

            @Override
            public void putScores(List<DailyScore> scores) {
                b.putScores(scores);
            }

            @Override
            public void putAlert(org.custos.core.alert.Alert alert) {
                b.putAlert(alert);
            }

            @Override
            public BatchReceipt commit() {
                return written(b.commit());
            }

            @Override
            public void close() {
                b.close();
            }
        };
    }

    @Override
    public List<BatchReceipt> batches() {
        return cached("batch", "batches", store::batches);
    }

    @Override
    public List<YearMonth> snapshotMonths() {
        return cached("batch", "snapshotMonths", store::snapshotMonths);
    }

    @Override
    public Optional<OrgSnapshot> snapshot(YearMonth month) {
        return cached("batch", "snapshot", () -> store.snapshot(month), month);
    }

    @Override
    public Organization organization() {
        return store.organization();
    }

    @Override
    public Optional<PersonRecord> person(String user) {
        return cached("batch", "person", () -> store.person(user), user);
    }

    @Override
    public List<PersonSummary> people() {
        return cached("batch", "people", store::people);
    }

    @Override
    public List<Event> timeline(String user, Instant from, Instant to, int limit) {
        return store.timeline(user, from, to, limit);
    }

    @Override
    public List<Event> events(String user, Collection<String> ids) {
        if (ids.size() > 200) {
            return store.events(user, ids);
        }
        return cached("batch", "events", () -> store.events(user, ids), user, List.copyOf(ids));
    }

    @Override
    public long eventCount() {
        return store.eventCount();
    }

    @Override
    public List<DailyScore> dailyScores(String user, LocalDate from, LocalDate to) {
        return cached("batch", "dailyScores", () -> store.dailyScores(user, from, to), user, from, to);
    }

    @Override
    public Optional<DailyScore> latestScore(String user) {
        return cached("batch", "latestScore", () -> store.latestScore(user), user);
    }

    @Override
    public List<BoardEntry> board(BoardQuery query) {
        return cached("batch", "board", () -> store.board(query), query);
    }

    @Override
    public List<StoredAlert> alerts(AlertQuery query) {
        return cached("alerts", "alerts", () -> store.alerts(query), query);
    }

    @Override
    public Optional<StoredAlert> alert(String id) {
        return cached("alerts", "alert", () -> store.alert(id), id);
    }

    @Override
    public StoredAlert reviewAlert(String id, AlertState state, String by, Instant at, String reason) {
        return written(store.reviewAlert(id, state, by, at, reason), "alerts");
    }

    @Override
    public CaseFile openCase(String title, List<String> subjects, String openedBy, Instant at,
                             Optional<String> alertId) {
        return written(store.openCase(title, subjects, openedBy, at, alertId), "cases");
    }

    @Override
    public Optional<CaseFile> caseFile(String id) {
        return cached("cases", "caseFile", () -> store.caseFile(id), id);
    }

    @Override
    public List<CaseFile> cases(CaseQuery query) {
        return cached("cases", "cases", () -> store.cases(query), query);
    }

    @Override
    public CaseFile moveCase(String id, CaseStatus target, Optional<Outcome> outcome, String by, Instant at) {
        return written(store.moveCase(id, target, outcome, by, at), "cases");
    }

    @Override
    public CaseFile assignCase(String id, String assignee, String by, Instant at) {
        return written(store.assignCase(id, assignee, by, at), "cases");
    }

    @Override
    public CaseNote addNote(String caseId, String author, Instant at, String text) {
        return written(store.addNote(caseId, author, at, text), "notes", "cases");
    }

    @Override
    public List<CaseNote> notes(String caseId) {
        return cached("notes", "notes", () -> store.notes(caseId), caseId);
    }

    @Override
    public Evidence addFileEvidence(String caseId, String name, InputStream content, String addedBy, Instant at,
                                    String description) {
        return written(store.addFileEvidence(caseId, name, content, addedBy, at, description), "evidence");
    }

    @Override
    public Evidence addEventEvidence(String caseId, String label, String user, List<String> eventIds, String addedBy,
                                     Instant at, String description) {
        return written(store.addEventEvidence(caseId, label, user, eventIds, addedBy, at, description), "evidence");
    }

    @Override
    public List<Evidence> evidence(String caseId) {
        return cached("evidence", "evidence", () -> store.evidence(caseId), caseId);
    }

    @Override
    public byte[] evidenceContent(String evidenceId) {
        return store.evidenceContent(evidenceId);
    }

    @Override
    public Account createAccount(String name, Role role, String passwordHash, Instant at) {
        return store.createAccount(name, role, passwordHash, at);
    }

    @Override
    public Optional<Account> account(String name) {
        return store.account(name);
    }

    @Override
    public List<Account> accounts() {
        return store.accounts();
    }

    @Override
    public Account updateAccount(Account account) {
        return store.updateAccount(account);
    }

    @Override
    public RegistryItem addRegistryItem(RegistryItem item) {
        return written(store.addRegistryItem(item), "registry");
    }

    @Override
    public Optional<RegistryItem> registryItem(String id) {
        return cached("registry", "registryItem", () -> store.registryItem(id), id);
    }

    @Override
    public List<RegistryItem> registryItems() {
        return cached("registry", "registryItems", store::registryItems);
    }

    @Override
    public CustodyRecord recordCustody(String serial, String item, CustodyMove.Action action, String who, Instant when,
                                       String where, String why) {
        return written(store.recordCustody(serial, item, action, who, when, where, why), "custody");
    }

    @Override
    public List<CustodyRecord> custody(String serial) {
        return cached("custody", "custody", () -> store.custody(serial), serial);
    }

    @Override
    public List<CustodyRecord> custodyLedger(Instant from, Instant to) {
        return cached("custody", "custodyLedger", () -> store.custodyLedger(from, to), from, to);
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, Instant now) {
        return written(store.applyRetention(policy, now));
    }

    /** Does not close the store: its owner does. */
    @Override
    public void close() {
    }
}
