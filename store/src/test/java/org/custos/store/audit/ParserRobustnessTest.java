package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The parsers of the audit log's files — entry lines, tree heads, JSON — either read their input or refuse it with
 * an IllegalArgumentException naming the problem; no input makes them fail any other way.
 */
class ParserRobustnessTest {

    static final byte[] VALID = validLine();

    static byte[] validLine() {
        AuditRecord record = new AuditRecord(42, Instant.parse("2026-11-29T08:00:00.5Z"), new AuditEntry("li.wei",
                "investigator", "person.view", "P-7K3FM-92QXA", List.of("case-1", "a\"b"), "10.0.0.1",
                Map.of("why", "tab\there", "秘密", "\u0001")));
        byte[] json = EntryCodec.json(record);
        byte[] line = EntryCodec.line(json, Merkle.leafHash(json));
        return java.util.Arrays.copyOf(line, line.length - 1);
    }

    static void readsOrRefuses(Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 3000)
    void entryLinesWithBytesChangedAreReadOrRefused(@ForAll @IntRange(min = 0, max = 400) int at,
            @ForAll byte value, @ForAll @IntRange(min = 0, max = 3) int cut) {
        byte[] line = VALID.clone();
        line[at % line.length] = value;
        int length = line.length - cut;
        readsOrRefuses(() -> EntryCodec.seq(line, 0, length));
        readsOrRefuses(() -> EntryCodec.read(line, 0, length));
    }

    @Property(tries = 2000)
    void arbitraryBytesAreReadOrRefusedAsEntries(@ForAll byte[] bytes) {
        readsOrRefuses(() -> EntryCodec.seq(bytes, 0, bytes.length));
        readsOrRefuses(() -> EntryCodec.read(bytes, 0, bytes.length));
    }

    @Property(tries = 2000)
    void arbitraryTextIsReadOrRefusedAsJsonAndAsATreeHead(@ForAll String text) {
        readsOrRefuses(() -> Json.parse(text));
        readsOrRefuses(() -> SignedTreeHead.parse(text));
        readsOrRefuses(() -> Json.parse("{\"a\":" + text + "}"));
        readsOrRefuses(() -> SignedTreeHead.parse("{\"root\":\"" + text + "\",\"signature\":\"\",\"size\":1,"
                + "\"time\":\"" + text + "\"}"));
    }

    @Property(tries = 1000)
    void truncatedEntryJsonIsRefused(@ForAll @IntRange(min = 66, max = 300) int length) {
        int n = Math.min(length, VALID.length - 1);
        readsOrRefuses(() -> EntryCodec.seq(VALID, 0, n));
        String json = new String(VALID, 65, n - 65, StandardCharsets.UTF_8);
        readsOrRefuses(() -> EntryCodec.parse(json));
    }
}
