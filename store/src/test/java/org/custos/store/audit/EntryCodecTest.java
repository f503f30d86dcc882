package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The entry line format: what the writer produces, the strict canonical check reads back, and nothing else. */
class EntryCodecTest {

    static byte[] line(AuditRecord record) {
        byte[] json = EntryCodec.json(record);
        byte[] line = EntryCodec.line(json, Merkle.leafHash(json));
        return java.util.Arrays.copyOf(line, line.length - 1);
    }

    static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> "秘密机密绝密".charAt(random.nextInt(6));
                case 4 -> "\uD83D\uDD12";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return s.toString();
    }

    @Test
    void theCanonicalCheckAcceptsEveryLineTheWriterProducesAndReadsItBack() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Map<String, String> details = new HashMap<>();
            for (int d = random.nextInt(4); d > 0; d--) {
                details.put(randomText(random), randomText(random));
            }
            List<String> objects = new ArrayList<>();
            for (int o = random.nextInt(3); o > 0; o--) {
                objects.add(randomText(random));
            }
            AuditEntry entry = new AuditEntry("a" + randomText(random), "r" + randomText(random),
                    "x" + randomText(random), random.nextBoolean() ? null : "s" + randomText(random), objects,
                    "f" + randomText(random), details);
            AuditRecord record = new AuditRecord(i * 1_000_003L, Instant.ofEpochSecond(1_800_000_000L + i,
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)), entry);
            byte[] line = line(record);
            assertThat(EntryCodec.seq(line, 0, line.length)).isEqualTo(record.index());
            assertThat(EntryCodec.read(line, 0, line.length)).isEqualTo(record);
        }
    }

    @Test
    void theCanonicalCheckRefusesTheSameEntryWithWhiteSpaceOrKeysMoved() {
        String json = """
                {"action":"case.view","actor":"li","details":{},"from":"local","objects":[],"role":"admin",\
                "seq":4,"subject":null,"time":"2026-11-29T08:00:00Z"}""";
        byte[] good = (hex(json) + " " + json).getBytes(StandardCharsets.UTF_8);
        assertThat(EntryCodec.seq(good, 0, good.length)).isEqualTo(4);
        String spaced = json.replace("\"seq\":4", "\"seq\": 4");
        byte[] bad = (hex(spaced) + " " + spaced).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EntryCodec.seq(bad, 0, bad.length))
                .hasMessage("not canonical entry JSON at character 98: expected a non-negative integer without "
                        + "leading zeros");
        String moved = json.replace("\"action\":\"case.view\",\"actor\":\"li\"",
                "\"actor\":\"li\",\"action\":\"case.view\"");
        byte[] bad2 = (hex(moved) + " " + moved).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EntryCodec.seq(bad2, 0, bad2.length))
                .hasMessage("not canonical entry JSON at character 1: expected {\"action\":");
    }

    static String hex(String json) {
        return java.util.HexFormat.of().formatHex(Merkle.leafHash(json.getBytes(StandardCharsets.UTF_8)));
    }
}
