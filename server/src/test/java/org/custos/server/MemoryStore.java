package org.custos.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.custos.core.alert.Alert;
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
import org.custos.store.StoreException;
import org.custos.store.StoreInfo;
import org.custos.store.StoredAlert;

/**
 * A MemoryStore is a test fixture: the {@link Store} port kept in memory, used by the server's tests while the
 * embedded adapter is being written. It follows the port's documented behaviour closely enough for the pages.
 */
final class MemoryStore implements Store {

    private final Map<YearMonth, OrgSnapshot> snapshots = new TreeMap<>();
    private final Map<String, List<Event>> events = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<LocalDate, DailyScore>> scores = new ConcurrentHashMap<>();
    private final Map<String, StoredAlert> alerts = new LinkedHashMap<>();
    private final Map<String, CaseFile> cases = new LinkedHashMap<>();
    private final Map<String, List<CaseNote>> notes = new LinkedHashMap<>();
    private final Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
    private final Map<String, byte[]> evidenceBytes = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new TreeMap<>();
    private final List<CustodyRecord> ledger = new ArrayList<>();
    private final List<BatchReceipt> batches = new ArrayList<>();
    private int caseCounter;
    private int evidenceCounter;

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", "test", 1);
    }

    @Override
    public synchronized Batch begin(String source) {
        List<Event> added = new ArrayList<>();
        List<OrgSnapshot> snaps = new ArrayList<>();
        List<DailyScore> sc = new ArrayList<>();
        List<Alert> al = new ArrayList<>();
        return new Batch() {
            @Override
            public void addEvent(Event event) {
                added.add(event);
            }

            @Override
            public void putSnapshot(OrgSnapshot snapshot) {
                snaps.add(snapshot);
            }

            @Override
            public void recordDeparture(String user, LocalDate lastDay) {
            }

            @Override
            public void putScores(List<DailyScore> scores) {
                sc.addAll(scores);
            }

            @Override
            public void putAlert(Alert alert) {
                al.add(alert);
            }

            @Override
            public BatchReceipt commit() {
                synchronized (MemoryStore.this) {
                    long fresh = 0;
                    for (Event e : added) {
                        List<Event> list = events.computeIfAbsent(e.user(), u -> new ArrayList<>());
                        if (list.stream().noneMatch(x -> x.id().equals(e.id()))) {
                            list.add(e);
                            fresh++;
                        }
                    }
                    events.values().forEach(l -> l.sort(Comparator.comparing(Event::time)));
                    snaps.forEach(s -> snapshots.put(s.month(), s));
                    for (DailyScore d : sc) {
                        scores.computeIfAbsent(d.user(), u -> new TreeMap<>()).put(d.day(), d);
                    }
                    int newAlerts = 0;
                    for (Alert a : al) {
                        if (!alerts.containsKey(a.id())) {
                            alerts.put(a.id(), new StoredAlert(a, AlertState.NEW, Optional.empty(), Optional.empty(), ""));
                            newAlerts++;
                        }
                    }
                    BatchReceipt r = new BatchReceipt(batches.size() + 1, source, Instant.now(), fresh,
                            added.size() - fresh, snaps.size(), sc.size(), newAlerts, null, null, "0".repeat(64));
                    batches.add(r);
                    return r;
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized List<BatchReceipt> batches() {
        return List.copyOf(batches);
    }

    @Override
    public synchronized List<YearMonth> snapshotMonths() {
        return List.copyOf(snapshots.keySet());
    }

    @Override
    public synchronized Optional<OrgSnapshot> snapshot(YearMonth month) {
        return Optional.ofNullable(snapshots.get(month));
    }

    @Override
    public synchronized Organization organization() {
        return Organization.of(snapshots.values());
    }

    @Override
    public synchronized Optional<PersonRecord> person(String user) {
        PersonRecord found = null;
        for (OrgSnapshot s : snapshots.values()) {
            if (s.people().containsKey(user)) {
                found = s.people().get(user);
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized List<PersonSummary> people() {
        Set<String> users = new HashSet<>();
        snapshots.values().forEach(s -> users.addAll(s.people().keySet()));
        users.addAll(events.keySet());
        users.addAll(scores.keySet());
        List<PersonSummary> out = new ArrayList<>();
        for (String u : users) {
            Optional<PersonRecord> r = person(u);
            out.add(new PersonSummary(u, r.map(PersonRecord::name).orElse(""), r.map(PersonRecord::role).orElse(""),
                    r.map(PersonRecord::subsidiary).orElse(""),
                    r.map(p -> p.subsidiary() + "/" + p.functionalUnit() + "/" + p.department()).orElse(""),
                    Optional.empty(), Optional.empty()));
        }
        out.sort(Comparator.comparing(PersonSummary::user));
        return out;
    }

    @Override
    public List<Event> timeline(String user, Instant from, Instant to, int limit) {
        synchronized (this) {
            return events.getOrDefault(user, List.of()).stream()
                    .filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).limit(limit).toList();
        }
    }

    @Override
    public synchronized List<Event> events(String user, Collection<String> ids) {
        return events.getOrDefault(user, List.of()).stream().filter(e -> ids.contains(e.id())).toList();
    }

    @Override
    public synchronized long eventCount() {
        return events.values().stream().mapToLong(List::size).sum();
    }

    @Override
    public synchronized List<DailyScore> dailyScores(String user, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, DailyScore> s = scores.get(user);
        return s == null ? List.of() : List.copyOf(s.subMap(from, true, to, true).values());
    }

    @Override
    public synchronized Optional<DailyScore> latestScore(String user) {
        TreeMap<LocalDate, DailyScore> s = scores.get(user);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.lastEntry().getValue());
    }

    @Override
    public synchronized List<BoardEntry> board(BoardQuery query) {
        Map<String, PersonSummary> people = new LinkedHashMap<>();
        people().forEach(p -> people.put(p.user(), p));
        List<BoardEntry> out = new ArrayList<>();
        List<DailyScore> latest = new ArrayList<>();
        for (String u : scores.keySet()) {
            latestScore(u).ifPresent(latest::add);
        }
        latest.sort(Comparator.comparingDouble(DailyScore::score).reversed().thenComparing(DailyScore::user));
        int rank = 0;
        for (DailyScore d : latest) {
            PersonSummary p = people.get(d.user());
            if (d.score() < query.minScore()
                    || query.subsidiary().isPresent() && !query.subsidiary().get().equals(p.subsidiary())
                    || query.unit().isPresent() && !p.unit().startsWith(query.unit().get())
                    || query.minStage().isPresent() && d.stage() < query.minStage().get()) {
                continue;
            }
            out.add(new BoardEntry(++rank, p, d));
            if (out.size() >= query.limit()) {
                break;
            }
        }
        return out;
    }

    @Override
    public synchronized List<StoredAlert> alerts(AlertQuery query) {
        return alerts.values().stream()
                .filter(a -> query.user().map(u -> u.equals(a.alert().user())).orElse(true))
                .filter(a -> query.state().map(s -> s == a.state()).orElse(true))
                .sorted(Comparator.comparing((StoredAlert a) -> a.alert().time()).reversed())
                .limit(query.limit()).toList();
    }

    @Override
    public synchronized Optional<StoredAlert> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized StoredAlert reviewAlert(String id, AlertState state, String by, Instant at, String reason) {
        StoredAlert a = alerts.get(id);
        if (a == null) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no alert " + id);
        }
        if (state == AlertState.DISMISSED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        StoredAlert updated = new StoredAlert(a.alert(), state, Optional.of(by), Optional.of(at), reason);
        alerts.put(id, updated);
        return updated;
    }

    @Override
    public synchronized CaseFile openCase(String title, List<String> subjects, String openedBy, Instant at,
                                          Optional<String> alertId) {
        String id = String.format("C-%d-%04d", at.atZone(java.time.ZoneOffset.UTC).getYear(), ++caseCounter);
        CaseFile c = CaseFile.open(id, title, subjects, openedBy, at, alertId);
        cases.put(id, c);
        return c;
    }

    @Override
    public synchronized Optional<CaseFile> caseFile(String id) {
        return Optional.ofNullable(cases.get(id));
    }

    @Override
    public synchronized List<CaseFile> cases(CaseQuery query) {
        return cases.values().stream()
                .filter(c -> query.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> query.subject().map(s -> c.subjects().contains(s)).orElse(true))
                .filter(c -> query.assignee().map(a -> c.assignee().equals(Optional.of(a))).orElse(true))
                .sorted(Comparator.comparing(CaseFile::updatedAt).reversed()).limit(query.limit()).toList();
    }

    private CaseFile existing(String id) {
        CaseFile c = cases.get(id);
        if (c == null) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no case " + id);
        }
        return c;
    }

    @Override
    public synchronized CaseFile moveCase(String id, CaseStatus target, Optional<Outcome> outcome, String by,
                                          Instant at) {
        CaseFile c = existing(id).moveTo(target, outcome, at);
        cases.put(id, c);
        return c;
    }

    @Override
    public synchronized CaseFile assignCase(String id, String assignee, String by, Instant at) {
        CaseFile c = existing(id).assignTo(assignee, at);
        cases.put(id, c);
        return c;
    }

    @Override
    public synchronized CaseNote addNote(String caseId, String author, Instant at, String text) {
        existing(caseId);
        List<CaseNote> list = notes.computeIfAbsent(caseId, c -> new ArrayList<>());
        CaseNote n = new CaseNote(caseId, list.size() + 1, author, at, text);
        list.add(n);
        return n;
    }

    @Override
    public synchronized List<CaseNote> notes(String caseId) {
        return List.copyOf(notes.getOrDefault(caseId, List.of()));
    }

    @Override
    public synchronized Evidence addFileEvidence(String caseId, String name, InputStream content, String addedBy,
                                                 Instant at, String description) {
        existing(caseId);
        try {
            byte[] bytes = content.readAllBytes();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Evidence e = new Evidence(caseId, "E-" + ++evidenceCounter, Evidence.Kind.FILE, name, sha, bytes.length,
                    List.of(), addedBy, at, description);
            evidence.computeIfAbsent(caseId, c -> new ArrayList<>()).add(e);
            evidenceBytes.put(e.id(), bytes);
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Evidence addEventEvidence(String caseId, String label, String user, List<String> eventIds, String addedBy,
                                     Instant at, String description) {
        throw new UnsupportedOperationException("not needed by the server's tests");
    }

    @Override
    public synchronized List<Evidence> evidence(String caseId) {
        return List.copyOf(evidence.getOrDefault(caseId, List.of()));
    }

    @Override
    public synchronized byte[] evidenceContent(String evidenceId) {
        byte[] b = evidenceBytes.get(evidenceId);
        if (b == null) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no evidence " + evidenceId);
        }
        return b.clone();
    }

    @Override
    public synchronized Account createAccount(String name, Role role, String passwordHash, Instant at) {
        if (accounts.containsKey(name)) {
            throw new StoreException(StoreException.Reason.CONFLICT, "account " + name + " exists");
        }
        Account a = new Account(name, role, passwordHash, 0, Optional.empty(), at);
        accounts.put(name, a);
        return a;
    }

    @Override
    public synchronized Optional<Account> account(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    @Override
    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    @Override
    public synchronized Account updateAccount(Account account) {
        if (!accounts.containsKey(account.name())) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no account " + account.name());
        }
        accounts.put(account.name(), account);
        return account;
    }

    @Override
    public RegistryItem addRegistryItem(RegistryItem item) {
        throw new UnsupportedOperationException("not needed by the server's tests");
    }

    @Override
    public Optional<RegistryItem> registryItem(String id) {
        return Optional.empty();
    }

    @Override
    public List<RegistryItem> registryItems() {
        return List.of();
    }

    @Override
    public synchronized CustodyRecord recordCustody(String serial, String item, CustodyMove.Action action, String who,
                                                    Instant when, String where, String why) {
        CustodyRecord r = new CustodyRecord(ledger.size() + 1, serial, item, action, who, when, where, why);
        ledger.add(r);
        return r;
    }

    @Override
    public synchronized List<CustodyRecord> custody(String serial) {
        return ledger.stream().filter(r -> r.serial().equals(serial)).toList();
    }

    @Override
    public synchronized List<CustodyRecord> custodyLedger(Instant from, Instant to) {
        return ledger.stream().filter(r -> !r.when().isBefore(from) && r.when().isBefore(to)).toList();
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, Instant now) {
        throw new UnsupportedOperationException("not needed by the server's tests");
    }

    @Override
    public void close() {
    }
}
