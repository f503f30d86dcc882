package org.custos.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.custos.store.StoreFixtures.T0;
import static org.custos.store.StoreFixtures.alert;
import static org.custos.store.StoreFixtures.at;
import static org.custos.store.StoreFixtures.contribution;
import static org.custos.store.StoreFixtures.everyKind;
import static org.custos.store.StoreFixtures.logons;
import static org.custos.store.StoreFixtures.person;
import static org.custos.store.StoreFixtures.score;
import static org.custos.store.StoreFixtures.snapshot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Evidence;
import org.custos.core.casefile.Outcome;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.organization.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} adapter must show. Each adapter's test class extends this and says how to open a
 * fresh, empty store.
 */
abstract class StoreContract {

    /** A fresh, empty store. */
    abstract Store openEmpty() throws Exception;

    Store store;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private BatchReceipt write(List<Event> events) {
        try (Batch b = store.begin("test")) {
            events.forEach(b::addEvent);
            return b.commit();
        }
    }

    // ---- events ----------------------------------------------------------------------------------------------

    @Test
    void everyEventKindComesBackExactlyInTimeOrder() {
        List<Event> events = everyKind("ACM0001");
        List<Event> reversed = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        BatchReceipt r = write(reversed);

        assertThat(store.timeline("ACM0001", T0, at(60), 100)).isEqualTo(events);
        assertThat(r.events()).isEqualTo(9);
        assertThat(r.firstEvent()).isEqualTo(at(0));
        assertThat(r.lastEvent()).isEqualTo(at(8));
        assertThat(r.digest()).matches("[0-9a-f]{64}");
        assertThat(store.eventCount()).isEqualTo(9);
    }

    @Test
    void timelineKeepsToItsPersonRangeAndLimit() {
        write(List.of(logons("A", T0, 50), logons("B", T0, 50)).stream().flatMap(List::stream).toList());

        List<Event> page = store.timeline("A", T0.plusSeconds(3600 * 10), T0.plusSeconds(3600 * 30), 5);

        assertThat(page).extracting(Event::id).containsExactly("A-L10", "A-L11", "A-L12", "A-L13", "A-L14");
        assertThat(store.timeline("A", T0.plusSeconds(3600 * 10), T0.plusSeconds(3600 * 30), 100)).hasSize(20);
        assertThat(store.timeline("nobody", T0, at(100_000), 10)).isEmpty();
        assertThatThrownBy(() -> store.timeline("A", T0, T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsAreFoundByIdForTheirPersonOnly() {
        write(everyKind("A"));
        write(everyKind("B"));

        assertThat(store.events("A", List.of("F-A", "L-A", "F-B", "missing"))).extracting(Event::id)
                .containsExactly("L-A", "F-A");
    }

    @Test
    void aBatchClosedWithoutCommitLeavesNothing() {
        try (Batch b = store.begin("abandoned")) {
            everyKind("A").forEach(b::addEvent);
            b.putSnapshot(snapshot(YearMonth.of(2026, 3), person("A", "S1", "U1")));
            b.putScores(List.of(score("A", LocalDate.of(2026, 3, 2), 40)));
            b.putAlert(alert("A", at(3), 80));
        }

        assertThat(store.eventCount()).isZero();
        assertThat(store.snapshotMonths()).isEmpty();
        assertThat(store.latestScore("A")).isEmpty();
        assertThat(store.alerts(AlertQuery.all(10))).isEmpty();
        assertThat(store.batches()).isEmpty();
    }

    @Test
    void rewritingTheSameEventsStoresThemOnce() {
        List<Event> events = everyKind("A");
        write(events);
        BatchReceipt again;
        try (Batch b = store.begin("again")) {
            events.forEach(b::addEvent);
            b.addEvent(events.get(0));
            again = b.commit();
        }

        assertThat(again.events()).isZero();
        assertThat(again.duplicateEvents()).isEqualTo(10);
        assertThat(store.eventCount()).isEqualTo(9);
        assertThat(store.batches()).extracting(BatchReceipt::id).containsExactly(1L, 2L);
    }

    // ---- organization ----------------------------------------------------------------------------------------

    @Test
    void snapshotsRebuildTheOrganizationOverTime() {
        try (Batch b = store.begin("ldap")) {
            b.putSnapshot(snapshot(YearMonth.of(2026, 1), person("A", "S1", "U1"), person("B", "S2", "U2")));
            b.putSnapshot(snapshot(YearMonth.of(2026, 2), person("A", "S1", "U9"), person("B", "S2", "U2")));
            b.putSnapshot(snapshot(YearMonth.of(2026, 3), person("A", "S1", "U9")));
            b.recordDeparture("A", LocalDate.of(2026, 3, 20));
            assertThat(b.commit().snapshots()).isEqualTo(3);
        }

        assertThat(store.snapshotMonths()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3));
        assertThat(store.snapshot(YearMonth.of(2026, 1)).orElseThrow().people()).containsOnlyKeys("A", "B");
        assertThat(store.person("A").orElseThrow().functionalUnit()).isEqualTo("U9");
        Organization org = store.organization();
        assertThat(org.recordOn("A", LocalDate.of(2026, 1, 15)).orElseThrow().functionalUnit()).isEqualTo("U1");
        assertThat(org.employment("A").orElseThrow().end()).contains(LocalDate.of(2026, 3, 20));
        assertThat(org.employment("B").orElseThrow().end()).contains(LocalDate.of(2026, 2, 28));
        assertThat(store.people()).extracting(PersonSummary::user, PersonSummary::lastDay).containsExactly(
                tuple("A", Optional.of(LocalDate.of(2026, 3, 20))),
                tuple("B", Optional.of(LocalDate.of(2026, 2, 28))));
    }

    @Test
    void aSnapshotReplacesTheStoredOneOfItsMonth() {
        try (Batch b = store.begin("one")) {
            b.putSnapshot(snapshot(YearMonth.of(2026, 1), person("A", "S1", "U1"), person("B", "S1", "U1")));
            b.commit();
        }
        try (Batch b = store.begin("two")) {
            b.putSnapshot(snapshot(YearMonth.of(2026, 1), person("C", "S1", "U1")));
            b.commit();
        }

        assertThat(store.snapshot(YearMonth.of(2026, 1)).orElseThrow().people()).containsOnlyKeys("C");
    }

    // ---- scores ----------------------------------------------------------------------------------------------

    @Test
    void dailyScoresKeepTheirContributionsAndTheLatestWins() {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        try (Batch b = store.begin("scores")) {
            b.putScores(List.of(score("A", d1, 10), score("A", d1.plusDays(1), 35,
                    contribution("removable-media-first-use", "collection", 25),
                    contribution("court-defaulter", "stressor", 10))));
            b.commit();
        }
        try (Batch b = store.begin("rescore")) {
            b.putScores(List.of(score("A", d1, 12)));
            b.commit();
        }

        assertThat(store.dailyScores("A", d1, d1.plusDays(5))).extracting(DailyScore::score).containsExactly(12.0,
                35.0);
        DailyScore latest = store.latestScore("A").orElseThrow();
        assertThat(latest.day()).isEqualTo(d1.plusDays(1));
        assertThat(latest.contributions()).containsExactly(contribution("removable-media-first-use", "collection", 25),
                contribution("court-defaulter", "stressor", 10));
        assertThat(latest.stage()).isEqualTo(2);
    }

    @Test
    void theBoardRanksLatestScoresAndFiltersByPlaceAndStage() {
        LocalDate day = LocalDate.of(2026, 3, 31);
        try (Batch b = store.begin("board")) {
            b.putSnapshot(snapshot(YearMonth.of(2026, 3), person("A", "S1", "U1"), person("B", "S1", "U2"),
                    person("C", "S2", "U1")));
            b.putScores(List.of(
                    score("A", day, 30, contribution("court-defaulter", "stressor", 30)),
                    score("B", day, 70, contribution("leak-site", "exfiltration", 70)),
                    score("C", day, 50, contribution("print-volume-spike", "collection", 50)),
                    score("D", day, 0)));
            b.commit();
        }

        assertThat(store.board(BoardQuery.top(10))).extracting(e -> e.person().user(), BoardEntry::rank)
                .containsExactly(tuple("B", 1), tuple("C", 2),
                        tuple("A", 3));
        assertThat(store.board(new BoardQuery(Optional.of("S1"), Optional.empty(), Optional.empty(), 0, 10)))
                .extracting(e -> e.person().user()).containsExactly("B", "A");
        assertThat(store.board(new BoardQuery(Optional.empty(), Optional.of("S1/U1"), Optional.empty(), 0, 10)))
                .extracting(e -> e.person().user()).containsExactly("A");
        assertThat(store.board(new BoardQuery(Optional.empty(), Optional.empty(), Optional.of(2), 0, 10)))
                .extracting(e -> e.person().user()).containsExactly("B", "C");
        assertThat(store.board(BoardQuery.top(1))).hasSize(1);
    }

    // ---- alerts ----------------------------------------------------------------------------------------------

    @Test
    void alertsAreReviewedAndARewriteKeepsTheReview() {
        var first = alert("A", at(10), 80);
        var second = alert("B", at(20), 60);
        try (Batch b = store.begin("alerts")) {
            b.putAlert(first);
            b.putAlert(second);
            assertThat(b.commit().alerts()).isEqualTo(2);
        }

        StoredAlert dismissed = store.reviewAlert(first.id(), AlertState.DISMISSED, "ana", at(30), "approved leave");
        try (Batch b = store.begin("again")) {
            b.putAlert(first);
            assertThat(b.commit().alerts()).isZero();
        }

        assertThat(dismissed.reviewedBy()).contains("ana");
        assertThat(store.alert(first.id()).orElseThrow()).isEqualTo(new StoredAlert(first, AlertState.DISMISSED,
                Optional.of("ana"), Optional.of(at(30)), "approved leave"));
        assertThat(store.alerts(AlertQuery.all(10))).extracting(a -> a.alert().id()).containsExactly(second.id(),
                first.id());
        assertThat(store.alerts(AlertQuery.inState(AlertState.NEW, 10))).extracting(a -> a.alert().user())
                .containsExactly("B");
        assertThatThrownBy(() -> store.reviewAlert(second.id(), AlertState.DISMISSED, "ana", at(31), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> store.reviewAlert("nope", AlertState.ACKNOWLEDGED, "ana", at(31), ""))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    // ---- cases -----------------------------------------------------------------------------------------------

    @Test
    void casesGetYearlyNumbersAndMoveThroughTheirStatuses() {
        CaseFile a = store.openCase("USB copying", List.of("ACM1", "ACM2"), "ivy", at(0), Optional.of("ACM1@1"));
        CaseFile b = store.openCase("Printing", List.of("ACM3"), "ivy", at(1), Optional.empty());
        CaseFile next = store.openCase("New year", List.of("ACM3"), "ivy", Instant.parse("2027-01-01T00:00:00Z"),
                Optional.empty());

        assertThat(List.of(a.id(), b.id(), next.id())).containsExactly("C-2026-0001", "C-2026-0002", "C-2027-0001");
        store.assignCase(a.id(), "ivy", "boss", at(2));
        store.moveCase(a.id(), CaseStatus.INVESTIGATING, Optional.empty(), "ivy", at(3));
        CaseFile closed = store.moveCase(a.id(), CaseStatus.CLOSED, Optional.of(Outcome.NO_ISSUE_FOUND), "ivy", at(4));

        assertThat(store.caseFile(a.id())).contains(closed);
        assertThat(closed.assignee()).contains("ivy");
        assertThat(closed.updatedAt()).isEqualTo(at(4));
        assertThatThrownBy(() -> store.moveCase(b.id(), CaseStatus.REFERRED, Optional.empty(), "ivy", at(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.cases(CaseQuery.all(10))).extracting(CaseFile::id).containsExactly("C-2027-0001",
                "C-2026-0001", "C-2026-0002");
        assertThat(store.cases(new CaseQuery(Optional.of(CaseStatus.OPEN), Optional.empty(), Optional.of("ACM3"), 10)))
                .extracting(CaseFile::id).containsExactly("C-2027-0001", "C-2026-0002");
        assertThat(store.cases(new CaseQuery(Optional.empty(), Optional.of("ivy"), Optional.empty(), 10)))
                .extracting(CaseFile::id).containsExactly("C-2026-0001");
        assertThat(store.caseFile("C-1999-0001")).isEmpty();
    }

    @Test
    void notesAreAppendedInOrder() {
        CaseFile c = store.openCase("t", List.of("A"), "ivy", at(0), Optional.empty());
        store.addNote(c.id(), "ivy", at(1), "first");
        CaseNote second = store.addNote(c.id(), "max", at(2), "second");

        assertThat(second.seq()).isEqualTo(2);
        assertThat(store.notes(c.id())).extracting(CaseNote::seq, CaseNote::text).containsExactly(
                tuple(1, "first"), tuple(2, "second"));
        assertThatThrownBy(() -> store.addNote("C-2000-0001", "ivy", at(3), "x"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void fileEvidenceIsStoredByDigestAndReadBackChecked() {
        CaseFile c = store.openCase("t", List.of("A"), "ivy", at(0), Optional.empty());
        byte[] bytes = "photograph of page 3".getBytes(StandardCharsets.UTF_8);

        Evidence e = store.addFileEvidence(c.id(), "page3.jpg", new ByteArrayInputStream(bytes), "ivy", at(1),
                "found on his phone");
        Evidence same = store.addFileEvidence(c.id(), "copy.jpg", new ByteArrayInputStream(bytes), "ivy", at(2), "");

        assertThat(e.id()).isEqualTo("E-1");
        assertThat(same.id()).isEqualTo("E-2");
        assertThat(e.sha256()).isEqualTo(JdbcStore.sha256(bytes)).isEqualTo(same.sha256());
        assertThat(e.size()).isEqualTo(bytes.length);
        assertThat(store.evidenceContent(e.id())).isEqualTo(bytes);
        assertThat(store.evidence(c.id())).containsExactly(e, same);
    }

    @Test
    void alteredEvidenceBytesAreDetectedOnRead() throws Exception {
        CaseFile c = store.openCase("t", List.of("A"), "ivy", at(0), Optional.empty());
        Evidence e = store.addFileEvidence(c.id(), "a.txt",
                new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)), "ivy", at(1), "");
        try (Connection conn = ((JdbcStore) store).connect();
             PreparedStatement ps = conn.prepareStatement("UPDATE evidence_blobs SET content = ? WHERE sha256 = ?")) {
            ps.setBytes(1, "forged".getBytes(StandardCharsets.UTF_8));
            ps.setString(2, e.sha256());
            ps.executeUpdate();
        }

        assertThatThrownBy(() -> store.evidenceContent(e.id())).isInstanceOfSatisfying(StoreException.class, x -> {
            assertThat(x.reason()).isEqualTo(StoreException.Reason.TAMPERED);
            assertThat(x.getMessage()).contains("E-1", "altered");
        });
    }

    @Test
    void eventEvidenceFreezesTheEventsBeyondRetention() {
        write(everyKind("A"));
        CaseFile c = store.openCase("t", List.of("A"), "ivy", at(0), Optional.empty());

        Evidence e = store.addEventEvidence(c.id(), "USB copy", "A", List.of("F-A", "D-A"), "ivy", at(10), "copy");
        store.applyRetention(new RetentionPolicy(1, 3650), T0.plus(Duration.ofDays(30)));

        assertThat(e.kind()).isEqualTo(Evidence.Kind.EVENTS);
        assertThat(e.eventIds()).containsExactly("D-A", "F-A");
        assertThat(store.eventCount()).isZero();
        String json = new String(store.evidenceContent(e.id()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("[{\"id\":\"D-A\",\"time\":\"2026-03-02T08:16:30Z\",\"user\":\"A\"");
        assertThat(JdbcStore.sha256(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(e.sha256());
        assertThatThrownBy(() -> store.addEventEvidence(c.id(), "x", "A", List.of("F-A"), "ivy", at(11), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("F-A");
    }

    // ---- accounts, registry, custody -------------------------------------------------------------------------

    @Test
    void accountsAreCreatedOnceAndTheirLockIsKept() {
        Account a = store.createAccount("ana", Role.ANALYST, "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", at(0));
        Account locked = store.updateAccount(new Account("ana", Role.INVESTIGATOR, a.passwordHash(), 5,
                Optional.of(at(15)), a.created()));

        assertThat(store.account("ana")).contains(locked);
        assertThat(locked.lockedAt(at(10))).isTrue();
        assertThat(store.accounts()).extracting(Account::name).containsExactly("ana");
        assertThatThrownBy(() -> store.createAccount("ana", Role.ADMIN, "x", at(1)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));
        assertThatThrownBy(() -> store.updateAccount(new Account("bob", Role.ADMIN, "x", 0, Optional.empty(), at(0))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void registryItemsAreListedInRegistrationOrder() {
        String sha = "a".repeat(64);
        RegistryItem plan = new RegistryItem("I-2", "plan.pdf", "secret", "Project 1", "office", sha, at(1));
        RegistryItem map = new RegistryItem("I-1", "map.pdf", "top-secret", "", "office", sha, at(2));
        store.addRegistryItem(plan);
        store.addRegistryItem(map);

        assertThat(store.registryItems()).containsExactly(plan, map);
        assertThat(store.registryItem("I-1")).contains(map);
        assertThatThrownBy(() -> store.addRegistryItem(plan)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void theCustodyLedgerNumbersItsRecords() {
        CustodyRecord out = store.recordCustody("S-1", "I-1", CustodyMove.Action.CHECK_OUT, "ACM1", at(0), "vault",
                "review");
        store.recordCustody("S-2", "I-1", CustodyMove.Action.CHECK_OUT, "ACM2", at(1), "vault", "");
        CustodyRecord back = store.recordCustody("S-1", "I-1", CustodyMove.Action.CHECK_IN, "ACM1", at(90), "vault",
                "");

        assertThat(back.seq()).isEqualTo(3);
        assertThat(store.custody("S-1")).containsExactly(out, back);
        assertThat(store.custodyLedger(at(0), at(60))).extracting(CustodyRecord::serial).containsExactly("S-1", "S-2");
    }

    @Test
    void compactionKeepsEveryEventTimelineAndSumAndLaterBatchesStillMerge() {
        write(logons("A", T0, 10));
        write(logons("B", T0, 10));
        write(everyKind("A"));
        List<Event> before = store.timeline("A", T0, at(60 * 24), 100);
        String sum = ((JdbcStore) store).eventSum().hex();

        assertThat(Stores.compactEvents(store)).isEqualTo(29);

        assertThat(store.timeline("A", T0, at(60 * 24), 100)).isEqualTo(before);
        assertThat(((JdbcStore) store).eventSum().hex()).isEqualTo(sum);
        BatchReceipt again = write(everyKind("A"));
        assertThat(again.duplicateEvents()).isEqualTo(9);
        write(logons("C", T0, 3));
        assertThat(store.eventCount()).isEqualTo(32);
    }

    // ---- the store against the audit log ----------------------------------------------------------------------

    @Test
    void eventSumsOfBatchesLessRetentionAreTheSumOfTheStoredEvents() {
        BatchReceipt first = write(everyKind("A"));
        List<Event> mixed = new java.util.ArrayList<>(everyKind("A").subList(0, 4));
        mixed.addAll(logons("A", T0.plusSeconds(3600 * 24 * 20), 5));
        mixed.add(mixed.get(5));
        BatchReceipt second = write(mixed);
        BatchReceipt third = write(everyKind("A"));
        RetentionReport r = store.applyRetention(new RetentionPolicy(10, 3650),
                T0.plus(Duration.ofDays(25)));

        assertThat(second.events()).isEqualTo(5);
        assertThat(third.events()).isZero();
        assertThat(r.eventsDeleted()).isEqualTo(9);
        EventSum expected = EventSum.parse(first.eventSum());
        expected.add(EventSum.parse(second.eventSum()));
        expected.add(EventSum.parse(third.eventSum()));
        expected.subtract(EventSum.parse(r.deletedEventSum()));
        assertThat(((JdbcStore) store).eventSum().hex()).isEqualTo(expected.hex());
        assertThat(third.eventSum()).isEqualTo("0".repeat(64));
        assertThat(first.eventSum()).isNotEqualTo(second.eventSum());
    }

    @Test
    void theAuditTrailCheckNamesEveryRowChangedBehindTheStoresBack(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path data) throws Exception {
        String here = store.info().location();
        CaseFile c = store.openCase("t", List.of("A"), "ivy", at(0), Optional.empty());
        CaseNote note = store.addNote(c.id(), "ivy", at(1), "first look");
        Evidence e = store.addFileEvidence(c.id(), "a.txt",
                new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)), "ivy", at(2), "");
        store.moveCase(c.id(), CaseStatus.INVESTIGATING, Optional.empty(), "ivy", at(3));
        try (org.custos.store.audit.AuditLog log = org.custos.store.audit.AuditLog.open(data,
                java.time.Clock.systemUTC())) {
            log.append(StoreAuditTrail.batchEntry(here, write(everyKind("A"))));
            log.append(StoreAuditTrail.batchEntry(here, write(logons("B", T0, 30))));
            log.append(caseEntry("case.open", c.id(), java.util.Map.of()));
            log.append(caseEntry("case.note", c.id(), java.util.Map.of("note", String.valueOf(note.seq()))));
            log.append(caseEntry("case.evidence.add", c.id(), java.util.Map.of("evidence", e.id(), "sha256",
                    e.sha256())));
            log.append(caseEntry("case.status", c.id(), java.util.Map.of("from", "open", "to", "investigating")));
        }
        assertThat(StoreAuditTrail.check(store, data)).isEmpty();

        try (Connection conn = ((JdbcStore) store).connect(); java.sql.Statement s = conn.createStatement()) {
            s.executeUpdate("UPDATE events SET host = 'PC-9' WHERE id = 'B-L7'");
            s.executeUpdate("UPDATE cases SET status = 'open'");
            s.executeUpdate("DELETE FROM case_notes");
            s.executeUpdate("UPDATE evidence SET sha256 = '" + "0".repeat(64) + "'");
        }
        List<String> problems = StoreAuditTrail.check(store, data);

        assertThat(problems).anyMatch(p -> p.startsWith("the content of the stored events differs from what the "
                + "audit log recorded"));
        assertThat(problems).contains("note 1 of case " + c.id() + " is in the audit log but missing from the store",
                "case " + c.id() + " is open in the store but the audit log's last change made it investigating "
                        + "(entry 5)",
                "evidence E-1 of case " + c.id() + " has sha256 " + "0".repeat(64) + " in the store but "
                        + e.sha256() + " when it was added (entry 4)");
        assertThat(problems).noneMatch(p -> p.contains("events; its batches"));

        try (Connection conn = ((JdbcStore) store).connect(); java.sql.Statement s = conn.createStatement()) {
            s.executeUpdate("DELETE FROM events WHERE id = 'B-L8'");
            s.executeUpdate("DELETE FROM cases");
        }
        assertThat(StoreAuditTrail.check(store, data)).contains(
                "the store holds 38 events; its batches and retention runs account for 39",
                "case " + c.id() + " is in the audit log (entry 2) but missing from the store");
    }

    private static org.custos.store.audit.AuditEntry caseEntry(String action, String caseId,
                                                               java.util.Map<String, String> details) {
        return new org.custos.store.audit.AuditEntry("ivy", "investigator", action, "P-1", List.of(caseId), "host",
                details);
    }

    // ---- retention -------------------------------------------------------------------------------------------

    @Test
    void retentionDeletesOldEventsAndReportsCountAndRange() {
        write(logons("A", T0, 48));
        Instant now = T0.plus(Duration.ofDays(10)).plusSeconds(3600 * 24);

        RetentionReport r = store.applyRetention(new RetentionPolicy(10, 3650), now);

        assertThat(r.eventsDeleted()).isEqualTo(24);
        assertThat(r.eventsCutoff()).isEqualTo(T0.plusSeconds(3600 * 24));
        assertThat(r.oldestDeleted()).isEqualTo(T0);
        assertThat(r.newestDeleted()).isEqualTo(T0.plusSeconds(3600 * 23));
        assertThat(store.timeline("A", T0, now, 100)).hasSize(24).first().extracting(Event::id).isEqualTo("A-L24");
        assertThat(store.applyRetention(new RetentionPolicy(10, 3650), now).eventsDeleted()).isZero();
    }

    @Test
    void retentionPurgesFormerStaffPastTheirPeriodUnlessUnderAnActiveCase() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        try (Batch b = store.begin("org")) {
            b.putSnapshot(snapshot(YearMonth.of(2026, 1), person("GONE", "S", "U"), person("HELD", "S", "U"),
                    person("STAY", "S", "U"), person("RECENT", "S", "U")));
            b.putSnapshot(snapshot(YearMonth.of(2026, 3), person("STAY", "S", "U"), person("RECENT", "S", "U")));
            b.recordDeparture("RECENT", LocalDate.of(2026, 3, 25));
            for (String u : List.of("GONE", "HELD", "STAY", "RECENT")) {
                everyKind(u).forEach(b::addEvent);
                b.putScores(List.of(score(u, day, 20, contribution("court-defaulter", "stressor", 20))));
                b.putAlert(alert(u, at(5), 70));
            }
            b.commit();
        }
        store.openCase("held", List.of("HELD"), "ivy", at(0), Optional.empty());

        RetentionReport r = store.applyRetention(new RetentionPolicy(3650, 30), Instant.parse("2026-04-10T00:00:00Z"));

        assertThat(r.formerStaff()).containsExactly("GONE");
        assertThat(r.heldForCases()).isEqualTo(1);
        assertThat(r.formerStaffEvents()).isEqualTo(9);
        assertThat(r.formerStaffScores()).isEqualTo(1);
        assertThat(r.formerStaffAlerts()).isEqualTo(1);
        assertThat(r.formerStaffRecords()).isEqualTo(1);
        assertThat(store.timeline("GONE", T0, at(100), 100)).isEmpty();
        assertThat(store.latestScore("GONE")).isEmpty();
        assertThat(store.person("GONE")).isEmpty();
        assertThat(store.timeline("HELD", T0, at(100), 100)).hasSize(9);
        assertThat(store.timeline("RECENT", T0, at(100), 100)).hasSize(9);
        assertThat(store.people()).extracting(PersonSummary::user).containsExactly("HELD", "RECENT", "STAY");
    }

    @Test
    void infoNamesTheSchemaVersion() {
        assertThat(store.info().schemaVersion()).isEqualTo(JdbcStore.SCHEMA_VERSION);
    }
}
