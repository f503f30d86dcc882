package org.custos.material.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dir;

    private static CustodyRecord record(int n, int hours, String serial, CustodyRecord.Action action, String person) {
        return new CustodyRecord("C-" + n, T0.plus(Duration.ofHours(hours)), serial, "item1", action, person,
                "registry", "why", "clerk");
    }

    @Test
    void followsAnOriginalThroughItsChain() {
        Originals o = Originals.of(List.of(
                record(1, 0, "S-1", CustodyRecord.Action.REGISTER, "clerk"),
                record(2, 1, "S-1", CustodyRecord.Action.CHECK_OUT, "alice"),
                record(3, 2, "S-1", CustodyRecord.Action.TRANSFER, "bob")));

        Originals.Original s1 = o.find("S-1").orElseThrow();
        assertThat(s1.state()).isEqualTo(Originals.State.HELD);
        assertThat(s1.holder()).isEqualTo("bob");
        assertThat(s1.since()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(s1.chain()).extracting(CustodyRecord::id).containsExactly("C-1", "C-2", "C-3");
        assertThat(s1.staleAt(Duration.ofDays(7), T0.plus(Duration.ofDays(8)))).isTrue();
        assertThat(s1.staleAt(Duration.ofDays(7), T0.plus(Duration.ofDays(6)))).isFalse();
    }

    @Test
    void refusesEveryRecordThatDoesNotFollow() {
        Originals o = Originals.of(List.of(
                record(1, 0, "S-1", CustodyRecord.Action.REGISTER, "clerk"),
                record(2, 0, "S-2", CustodyRecord.Action.REGISTER, "clerk"),
                record(3, 1, "S-2", CustodyRecord.Action.DESTROY, "clerk")));

        assertThat(o.refuse(record(4, 2, "S-1", CustodyRecord.Action.CHECK_IN, "x")))
                .hasValueSatisfying(m -> assertThat(m).contains("is in the registry"));
        assertThat(o.refuse(record(4, 2, "S-1", CustodyRecord.Action.REGISTER, "x")))
                .hasValueSatisfying(m -> assertThat(m).contains("already registered"));
        assertThat(o.refuse(record(4, 2, "S-2", CustodyRecord.Action.CHECK_OUT, "x")))
                .hasValueSatisfying(m -> assertThat(m).contains("was destroyed (C-3)"));
        assertThat(o.refuse(record(4, -1, "S-1", CustodyRecord.Action.CHECK_OUT, "x")))
                .hasValueSatisfying(m -> assertThat(m).contains("is before its last record"));
        assertThat(o.refuse(record(4, 2, "S-9", CustodyRecord.Action.CHECK_OUT, "x")))
                .hasValueSatisfying(m -> assertThat(m).contains("is not registered"));
        assertThat(o.refuse(record(4, 2, "S-1", CustodyRecord.Action.CHECK_OUT, "x"))).isEmpty();
    }

    @Test
    void refusesToReplayALedgerWithABadRecord() {
        List<CustodyRecord> bad = List.of(record(1, 0, "S-1", CustodyRecord.Action.CHECK_OUT, "alice"));

        assertThatThrownBy(() -> Originals.of(bad)).hasMessage(
                "custody record C-1: original S-1 is not registered; use 'custos custody register' first");
    }

    @Test
    void keepsRecordsAndCopiesInAppendOnlyFiles() throws IOException {
        CustodyFiles book = CustodyFiles.open(dir);
        book.append(record(1, 0, "S-1", CustodyRecord.Action.REGISTER, "clerk"));
        book.append(record(2, 1, "S-1", CustodyRecord.Action.CHECK_OUT, "alice"));
        IssuedCopy copy = new IssuedCopy("7KQ2M9XD", "7KQ2-M9XD-AB", "item1", "plan.txt", "alice", "review", "pdf",
                3, 40, 1, T0, "clerk");
        book.issue(copy);

        CustodyFiles reopened = CustodyFiles.open(dir);
        assertThat(reopened.records()).extracting(CustodyRecord::action)
                .containsExactly(CustodyRecord.Action.REGISTER, CustodyRecord.Action.CHECK_OUT);
        assertThat(reopened.copies()).containsExactly(copy);
        assertThat(reopened.copy("7KQ2M9XD")).contains(copy);
        assertThat(Files.readAllLines(dir.resolve("custody/originals.jsonl")).get(1))
                .contains("\"time\":\"2026-11-02T09:00:00Z\"").contains("\"action\":\"CHECK_OUT\"");
    }

    @Test
    void namesTheLineOfATornLedger() throws IOException {
        CustodyFiles book = CustodyFiles.open(dir);
        book.append(record(1, 0, "S-1", CustodyRecord.Action.REGISTER, "clerk"));
        Files.writeString(dir.resolve("custody/originals.jsonl"), "{\"id\":\"C-2\",\"ti",
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(book::records).hasMessageStartingWith(dir.resolve("custody/originals.jsonl")
                + ":2: unreadable ledger line");
    }
}
