package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.store.audit.Verification.Kind;
import org.custos.store.audit.Verification.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampers with a real audit log in each way an insider could; verification must name the first bad entry. */
class AuditVerificationTest {

    @TempDir
    Path data;

    final TestClock clock = new TestClock("2026-11-29T08:00:00Z");
    Path entries;
    Path heads;
    SignedTreeHead exported;

    @BeforeEach
    void writeLog() throws IOException {
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 30; i++) {
                log.append(new AuditEntry("investigator" + (i % 2), "investigator", "person.view",
                        "P-00000-0000" + (i % 10), List.of("case-" + i), "10.0.0.7", Map.of()));
                if (i % 10 == 9) {
                    log.signedTreeHead();
                    if (i == 19) {
                        exported = log.signedTreeHead();
                    }
                }
            }
        }
        entries = AuditLog.folder(data).resolve("entries.log");
        heads = AuditLog.folder(data).resolve("heads.log");
    }

    Problem problem() throws IOException {
        return problem(Map.of());
    }

    Problem problem(Map<String, SignedTreeHead> exportedHeads) throws IOException {
        Verification v = AuditLog.verify(data, exportedHeads, null);
        assertThat(v.ok()).as("verification of a tampered log").isFalse();
        return v.problem().orElseThrow();
    }

    List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(entries, StandardCharsets.UTF_8));
    }

    void write(List<String> lines) throws IOException {
        Files.write(entries, lines, StandardCharsets.UTF_8);
    }

    /** A line with new JSON and the hash recomputed, as a careful forger would write it. */
    static String rehashed(String json) {
        return HexFormat.of().formatHex(Merkle.leafHash(json.getBytes(StandardCharsets.UTF_8))) + " " + json;
    }

    @Test
    void passesAnIntactLogWithOneLine() throws IOException {
        Verification v = AuditLog.verify(data, Map.of("head-20.json", exported), null);
        assertThat(v.ok()).isTrue();
        assertThat(v.entries()).isEqualTo(30);
        assertThat(v.signedHeads()).isEqualTo(3);
        assertThat(v.summary()).matches("audit log OK: 30 entries, root [A-Za-z0-9+/=]{44}, 3 signed tree heads and "
                + "1 exported head check out");
    }

    @Test
    void namesAnEntryWhoseContentWasChanged() throws IOException {
        List<String> lines = lines();
        lines.set(12, lines.get(12).replace("investigator0", "investigator1"));
        write(lines);
        assertThat(problem()).isEqualTo(new Problem(12, Kind.CHANGED, "entry 12 (entries.log line 13) was changed: "
                + "its content no longer matches the hash recorded when it was appended"));
    }

    @Test
    void namesTheRangeOfAnEntryChangedWithItsHashRewritten() throws IOException {
        List<String> lines = lines();
        String json = lines.get(15).substring(65).replace("investigator1", "investigator0");
        lines.set(15, rehashed(json));
        write(lines);
        Problem p = problem();
        assertThat(p.kind()).isEqualTo(Kind.CHANGED);
        assertThat(p.index()).isEqualTo(10);
        assertThat(p.message()).startsWith("entries 10 to 19 do not hash to the root of heads.log line 2 (size 20, "
                + "signed 2026-11-29T08:00:00Z)");
    }

    @Test
    void namesTheFirstOfRemovedEntries() throws IOException {
        List<String> lines = lines();
        lines.remove(7);
        lines.remove(7);
        write(lines);
        assertThat(problem()).isEqualTo(new Problem(7, Kind.REMOVED,
                "entries 7 to 8 were removed: entries.log line 8 holds entry 9"));
    }

    @Test
    void namesAnEntryMovedOutOfOrder() throws IOException {
        List<String> lines = lines();
        Collections.swap(lines, 4, 9);
        write(lines);
        assertThat(problem()).isEqualTo(new Problem(4, Kind.REORDERED,
                "entry 4 was moved: it is at line 10, and entries.log line 5 holds entry 9"));
    }

    @Test
    void namesACopiedEntryAsInserted() throws IOException {
        List<String> lines = lines();
        lines.add(6, lines.get(3));
        write(lines);
        assertThat(problem()).isEqualTo(new Problem(6, Kind.INSERTED, "entries.log line 7 holds a second entry 3 "
                + "where entry 6 is due: a copy, or an entry inserted into the log"));
    }

    @Test
    void catchesAForgedEntryInsertedWithEveryLaterEntryRenumbered() throws IOException {
        List<String> lines = lines();
        List<String> forged = new ArrayList<>(lines.subList(0, 25));
        forged.add(rehashed(lines.get(25).substring(65)
                .replace("case-25", "case-forged")));
        for (int i = 25; i < 30; i++) {
            forged.add(rehashed(lines.get(i).substring(65).replace("\"seq\":" + i, "\"seq\":" + (i + 1))));
        }
        write(forged);
        Problem p = problem();
        assertThat(p.kind()).isEqualTo(Kind.CHANGED);
        assertThat(p.index()).isEqualTo(20);
        assertThat(p.message()).contains("heads.log line 3 (size 30");
    }

    @Test
    void namesEntriesCutFromTheEndAsTruncated() throws IOException {
        List<String> lines = lines();
        write(lines.subList(0, 27));
        assertThat(problem()).isEqualTo(new Problem(27, Kind.TRUNCATED, "heads.log line 3 (signed "
                + "2026-11-29T08:00:00Z) covers 30 entries but the log holds 27: entries 27 to 29 were removed "
                + "from its end"));
    }

    @Test
    void catchesATruncationThatAlsoCutTheHeadsThroughAnExportedHead() throws IOException {
        write(lines().subList(0, 12));
        List<String> headLines = Files.readAllLines(heads);
        Files.write(heads, headLines.subList(0, 1));
        assertThat(AuditLog.verify(data, Map.of(), null).ok()).isTrue();
        assertThat(problem(Map.of("head-20.json", exported))).isEqualTo(new Problem(12, Kind.TRUNCATED,
                "head-20.json (signed 2026-11-29T08:00:00Z) covers 20 entries but the log holds 12: entries 12 to 19 "
                        + "were removed from its end"));
    }

    @Test
    void catchesALogRewrittenAndResignedWithANewKeyThroughAnExportedHeadAndKey() throws IOException {
        List<String> lines = lines();
        String originalKey = Files.readString(AuditLog.folder(data).resolve("public-key.pem"));
        Files.delete(entries);
        Files.delete(heads);
        Files.delete(AuditLog.folder(data).resolve("entries.idx"));
        Files.delete(AuditLog.folder(data).resolve("signing-key.pem"));
        Files.delete(AuditLog.folder(data).resolve("public-key.pem"));
        try (AuditLog log = AuditLog.open(data, clock)) {
            for (int i = 0; i < 30; i++) {
                AuditRecord r = EntryCodec.parse(lines.get(i).substring(65));
                AuditEntry e = r.entry();
                log.append(i == 3 ? new AuditEntry("someone-else", e.role(), e.action(), e.subject(), e.objects(),
                        e.from(), e.details()) : e);
            }
        }
        Map<String, SignedTreeHead> given = new LinkedHashMap<>();
        given.put("head-20.json", exported);
        assertThat(problem(given)).isEqualTo(new Problem(20, Kind.BAD_HEAD, "head-20.json (size 20, signed "
                + "2026-11-29T08:00:00Z): the signature does not verify with the log's public key — the head was "
                + "forged, or the log's key pair was replaced"));
        Verification withKey = AuditLog.verify(data, given, originalKey);
        assertThat(withKey.summary()).startsWith("audit log FAILED at entry 0 (changed): entries 0 to 19 do not hash "
                + "to the root of head-20.json (size 20, signed 2026-11-29T08:00:00Z)");
    }

    @Test
    void namesATreeHeadWithABadSignature() throws IOException {
        List<String> headLines = Files.readAllLines(heads);
        SignedTreeHead h = SignedTreeHead.parse(headLines.get(1));
        byte[] sig = h.signature();
        sig[0] ^= 1;
        headLines.set(1, new SignedTreeHead(h.size(), h.root(), h.time(), sig).toJson());
        Files.write(heads, headLines);
        Problem p = problem();
        assertThat(p.kind()).isEqualTo(Kind.BAD_HEAD);
        assertThat(p.index()).isEqualTo(20);
        assertThat(p.message()).isEqualTo("heads.log line 2 (size 20, signed 2026-11-29T08:00:00Z): the signature "
                + "does not verify with the log's public key — the head was forged or edited");
    }

    @Test
    void namesALineThatIsNotAnEntry() throws IOException {
        List<String> lines = lines();
        lines.set(2, "nonsense");
        write(lines);
        assertThat(problem()).isEqualTo(new Problem(2, Kind.CHANGED, "entry 2 (entries.log line 3) is not a valid "
                + "entry: the line does not start with a 64-digit hex hash and a space"));
    }

    @Test
    void namesAnEntryRewrittenAsNonCanonicalJsonWithItsHash() throws IOException {
        List<String> lines = lines();
        lines.set(21, rehashed(lines.get(21).substring(65).replace(",\"role\":", ", \"role\":")));
        write(lines);
        Problem p = problem();
        assertThat(p.index()).isEqualTo(21);
        assertThat(p.kind()).isEqualTo(Kind.CHANGED);
        assertThat(p.message()).startsWith("entry 21 (entries.log line 22) is not a valid entry: not canonical entry "
                + "JSON at character ");
    }

    @Test
    void findsTheRightEntryInALogOfManyBlocks(@TempDir Path big) throws IOException {
        try (AuditLog log = AuditLog.open(big, clock)) {
            for (int i = 0; i < 40_000; i++) {
                log.append(new AuditEntry("investigator", "investigator", "person.view", "P-00000-00000",
                        List.of("case-" + i), "10.0.0.7", Map.of("note", "x".repeat(100))));
            }
        }
        Path file = AuditLog.folder(big).resolve("entries.log");
        assertThat(Files.size(file)).as("bytes, several 4 MiB blocks").isGreaterThan(12L << 20);
        Verification intact = AuditLog.verify(big, Map.of(), null);
        assertThat(intact.ok()).as(intact.summary()).isTrue();
        assertThat(intact.entries()).isEqualTo(40_000);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        Collections.swap(lines, 31_001, 31_002);
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(AuditLog.verify(big, Map.of(), null).problem()).contains(new Problem(31_001, Kind.REORDERED,
                "entry 31001 was moved: it is at line 31003, and entries.log line 31002 holds entry 31002"));
    }
}
