package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the audit log's parsers — entry lines (from a valid line with bytes changed, or from any bytes), the
 * canonical JSON and signed tree heads: each input is read or refused with an IllegalArgumentException that says
 * why, never anything else. Without JAZZER_FUZZ it runs its seeds as a regression test
 * (src/test/resources/.../AuditEntryFuzzTestInputs); for a real run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl store -am test -Dtest='AuditEntryFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditEntryFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void entryLinesAndHeadsAreReadOrRefused(FuzzedDataProvider data) {
        byte[] line = ParserRobustnessTest.VALID.clone();
        int changes = data.consumeInt(0, 4);
        for (int i = 0; i < changes; i++) {
            line[data.consumeInt(0, line.length - 1)] = data.consumeByte();
        }
        int length = line.length - data.consumeInt(0, line.length);
        readsOrRefuses(() -> EntryCodec.seq(line, 0, length));
        readsOrRefuses(() -> EntryCodec.read(line, 0, length));
        byte[] raw = data.consumeBytes(4096);
        readsOrRefuses(() -> EntryCodec.read(raw, 0, raw.length));
        String text = data.consumeRemainingAsString();
        readsOrRefuses(() -> Json.parse(text));
        readsOrRefuses(() -> SignedTreeHead.parse(text));
        readsOrRefuses(() -> EntryCodec.parse(new String(raw, StandardCharsets.UTF_8)));
    }

    private static void readsOrRefuses(Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
