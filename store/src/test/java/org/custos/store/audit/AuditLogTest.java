package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending, reopening, proofs and signed tree heads of the audit log, on real files. */
class AuditLogTest {

    @TempDir
    Path data;

    final TestClock clock = new TestClock("2026-11-29T08:00:00Z");

    static AuditEntry view(int i) {
        return new AuditEntry("investigator" + (i % 3), "investigator", "case.view", "P-7K3FM-92QXA",
                List.of("case-" + i), "10.0.0." + (i % 250), Map.of("reason", "review " + i));
    }

    @Test
    void numbersEntriesFromZeroAndReadsThemBackWithTheClocksTime() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThat(log.append(view(0))).isZero();
            clock.advance(Duration.ofSeconds(5));
            assertThat(log.append(AuditEntry.of("custos", "system", "ingest.run", null, "local"))).isEqualTo(1);
            assertThat(log.entry(0)).isEqualTo(new AuditRecord(0, Instant.parse("2026-11-29T08:00:00Z"), view(0)));
            assertThat(log.entry(1).time()).isEqualTo(Instant.parse("2026-11-29T08:00:05Z"));
            assertThat(log.entry(1).entry().subject()).isNull();
        }
        List<AuditRecord> read = new ArrayList<>();
        AuditLog.read(data, 1, read::add);
        List<AuditRecord> first = new ArrayList<>();
        AuditLog.read(data, 0, r -> first.add(r) && false);
        assertThat(first).hasSize(1);
        assertThat(read).extracting(AuditRecord::index).containsExactly(1L);
    }

    @Test
    void writesOneCanonicalJsonLinePerEntryAfterItsLeafHash() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            log.append(new AuditEntry("li.wei", "investigator", "person.view", "P-7K3FM-92QXA", List.of("a1", "c2"),
                    "10.1.2.3", Map.of("why", "alert \"7\"", "case", "c2")));
        }
        String line = Files.readAllLines(AuditLog.folder(data).resolve("entries.log")).get(0);
        String json = """
                {"action":"person.view","actor":"li.wei","details":{"case":"c2","why":"alert \\"7\\""},\
                "from":"10.1.2.3","objects":["a1","c2"],"role":"investigator","seq":0,"subject":"P-7K3FM-92QXA",\
                "time":"2026-11-29T08:00:00Z"}""";
        assertThat(line).isEqualTo(java.util.HexFormat.of().formatHex(
                Merkle.leafHash(json.getBytes(StandardCharsets.UTF_8))) + " " + json);
    }

    @Test
    void reopeningContinuesTheLogWithTheSameRootAndKey() throws IOException {
        TreeHead before;
        String key;
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 700; i++) {
                log.append(view(i));
            }
            before = log.treeHead();
            key = log.publicKeyPem();
        }
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThat(log.treeHead()).isEqualTo(before);
            assertThat(log.publicKeyPem()).isEqualTo(key);
            assertThat(log.recovery()).isEqualTo(new AuditLog.Recovery(0, 0));
            assertThat(log.append(view(700))).isEqualTo(700);
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(700);
        }
    }

    @Test
    void rebuildsAStaleIndexFromTheEntries() throws IOException {
        TreeHead before;
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 600; i++) {
                log.append(view(i));
            }
            before = log.treeHead();
        }
        Files.write(AuditLog.folder(data).resolve("entries.idx"), new byte[] {1, 2, 3});
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThat(log.treeHead()).isEqualTo(before);
            assertThat(log.entry(599).entry()).isEqualTo(view(599));
        }
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedTreeHeads() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 1300; i++) {
                log.append(view(i));
            }
            SignedTreeHead first = log.signedTreeHead();
            for (int i = 1300; i < 2100; i++) {
                log.append(view(i));
            }
            SignedTreeHead second = log.signedTreeHead();
            assertThat(first.size()).isEqualTo(1300);
            assertThat(second.size()).isEqualTo(2100);
            for (long index : new long[] {0, 1, 255, 256, 511, 1024, 1299}) {
                AuditLog.InclusionProof proof = log.inclusionProof(index, first.size());
                assertThat(proof.verify(first.root()).valid()).as("entry %d", index).isTrue();
                assertThat(proof.leafHash()).isEqualTo(Merkle.leafHash(EntryCodec.json(log.entry(index))));
            }
            AuditLog.InclusionProof late = log.inclusionProof(2099, 2100);
            assertThat(late.verify(second.root()).valid()).isTrue();
            assertThat(late.verify(first.root()).valid()).isFalse();
            AuditLog.ConsistencyProof consistency = log.consistencyProof(first.size(), second.size());
            assertThat(consistency.verify(first.root(), second.root()).valid()).isTrue();
            assertThat(consistency.verify(second.root(), first.root()).valid()).isFalse();
            assertThatThrownBy(() -> log.inclusionProof(5, 2200))
                    .hasMessage("the log has 2100 entries, not 2200");
        }
    }

    @Test
    void rootMatchesTheRecursiveTreeHashOfAllLeaves() throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 1029; i++) {
                log.append(view(i));
                leaves.add(Merkle.leafHash(EntryCodec.json(log.entry(i))));
                if (i % 97 == 0 || i == 1028) {
                    assertThat(log.treeHead().root()).as("size %d", i + 1).isEqualTo(Merkle.root(leaves));
                }
            }
        }
    }

    @Test
    void signsTreeHeadsThatVerifyWithTheExportedPublicKey() throws IOException {
        SignedTreeHead head;
        String pem;
        try (AuditLog log = AuditLog.open(data, clock)) {
            log.append(view(0));
            head = log.signedTreeHead();
            pem = log.publicKeyPem();
        }
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(SigningKey.verify(SigningKey.publicKey(pem, "test"), head)).isTrue();
        SignedTreeHead parsed = SignedTreeHead.parse(head.toJson());
        assertThat(parsed).isEqualTo(head);
        SignedTreeHead forged = new SignedTreeHead(head.size() + 1, head.root(), head.time(), head.signature());
        assertThat(SigningKey.verify(SigningKey.publicKey(pem, "test"), forged)).isFalse();
    }

    @Test
    void keepsThePrivateKeyReadableByItsOwnerOnly() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            log.append(view(0));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                AuditLog.folder(data).resolve("signing-key.pem")))).isEqualTo("rw-------");
    }

    @Test
    void signsAHeadAtAFlushOnlyAfterEnoughEntriesOrTime() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            log.append(view(0));
            log.flush();
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(1);
            log.append(view(1));
            log.flush();
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(1);
            clock.advance(AuditLog.HEAD_INTERVAL);
            log.flush();
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(1);
            log.append(view(2));
            log.flush();
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(3);
            for (int i = 3; i < 3 + AuditLog.HEAD_EVERY; i++) {
                log.append(view(i));
            }
            assertThat(log.durableSize()).isEqualTo(3);
            assertThat(log.flush()).isEqualTo(3 + AuditLog.HEAD_EVERY);
            assertThat(log.lastSignedTreeHead().size()).isEqualTo(3 + AuditLog.HEAD_EVERY);
        }
    }

    @Test
    void groupCommitAcknowledgesEveryEntryOfConcurrentWriters() throws Exception {
        Set<Long> indexes = ConcurrentHashMap.newKeySet();
        try (AuditLog log = AuditLog.open(data, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        long index = log.append(view(thread * 1000 + i));
                        assertThat(log.flush()).isGreaterThan(index);
                        assertThat(log.durableSize()).isGreaterThan(index);
                        indexes.add(index);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(log.verify().ok()).isTrue();
        }
        assertThat(indexes).hasSize(2000).allMatch(i -> i >= 0 && i < 2000);
    }

    @Test
    void refusesASecondWriterOfTheSameLog() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThatThrownBy(() -> AuditLog.open(data, clock)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another Custos process has the audit log open");
        }
    }

    @Test
    void cutsOffATornLastRecordAndLogsTheRecovery() throws IOException {
        TreeHead before;
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 10; i++) {
                log.append(view(i));
            }
            before = log.treeHead();
        }
        Path entries = AuditLog.folder(data).resolve("entries.log");
        String torn = "0a1b2c3d4e5f0a1b2c3d4e5f0a1b2c3d4e5f0a1b2c3d4e5f0a1b2c3d4e5f0a1b {\"action\":\"case.vi";
        Files.writeString(entries, torn, StandardOpenOption.APPEND);
        Verification before_open = AuditLog.verify(data, Map.of(), null);
        assertThat(before_open.ok()).isTrue();
        assertThat(before_open.incompleteTailBytes()).isEqualTo(torn.length());
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThat(log.recovery()).isEqualTo(new AuditLog.Recovery(0, torn.length()));
            assertThat(log.size()).isEqualTo(11);
            assertThat(log.inclusionProof(9, 10).verify(before.root()).valid()).isTrue();
            AuditRecord recovered = log.entry(10);
            assertThat(recovered.entry().action()).isEqualTo("audit.recover");
            assertThat(recovered.entry().details()).containsEntry("truncatedBytes", Integer.toString(torn.length()));
        }
        assertThat(AuditLog.verify(data, Map.of(), null).summary())
                .startsWith("audit log OK: 11 entries, root ");
    }

    @Test
    void refusesToOpenALogEditedInTheMiddle() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 5; i++) {
                log.append(view(i));
            }
        }
        Files.delete(AuditLog.folder(data).resolve("entries.idx"));
        Path entries = AuditLog.folder(data).resolve("entries.log");
        Files.writeString(entries, Files.readString(entries).replace("investigator1", "investigator2"));
        assertThatThrownBy(() -> AuditLog.open(data, clock)).isInstanceOf(IllegalStateException.class)
                .hasMessage("entries.log line 2: its content does not match its recorded hash — the log was edited "
                        + "or damaged; run 'custos audit verify'");
    }

    @Test
    void refusesToOpenALogShorterThanItsLastSignedHead() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 5; i++) {
                log.append(view(i));
            }
        }
        Path entries = AuditLog.folder(data).resolve("entries.log");
        List<String> lines = Files.readAllLines(entries);
        Files.write(entries, lines.subList(0, 3));
        assertThatThrownBy(() -> AuditLog.open(data, clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 3 entries but the tree head signed at 2026-11-29T08:00:00Z covers 5: "
                        + "entries were removed");
    }

    @Test
    void refusesToServeAnEntryEditedSinceItWasAppended() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 5; i++) {
                log.append(view(i));
            }
        }
        Path entries = AuditLog.folder(data).resolve("entries.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(entries));
        lines.set(2, lines.get(2).replace("review 2", "review 9"));
        Files.write(entries, lines);
        try (AuditLog log = AuditLog.open(data, clock)) {
            assertThat(log.entry(1).entry()).isEqualTo(view(1));
            assertThatThrownBy(() -> log.entry(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("entries.log line 3 was changed after it was appended (it no longer hashes "
                            + "to the leaf the tree holds) — run 'custos audit verify'");
        }
    }
}
