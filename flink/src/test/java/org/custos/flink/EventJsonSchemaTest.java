package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.custos.core.event.Logon;
import org.junit.jupiter.api.Test;

class EventJsonSchemaTest {

    private final EventJsonSchema schema = new EventJsonSchema();

    @Test
    void readsAnEventWithItsPartitionAndOffset() {
        Logon logon = new Logon("{L1}", Instant.parse("2010-01-04T07:12:00Z"), "ABC0001", "PC-1",
                Logon.Action.LOGON, false);
        KafkaMessage m = schema.read("events", 1, 42, EventJson.write(logon).getBytes(StandardCharsets.UTF_8));
        assertThat(m).isEqualTo(new KafkaMessage.Read(logon, 1, 42));
    }

    @Test
    void rejectsATombstoneInsteadOfFailing() {
        assertThat(schema.read("events", 0, 7, null)).isEqualTo(
                new KafkaMessage.Rejected("events", 0, 7, "no value (a tombstone); expected a JSON event", ""));
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        KafkaMessage m = schema.read("events", 0, 8, new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'});
        assertThat(m).isInstanceOfSatisfying(KafkaMessage.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("not UTF-8 text"));
    }

    @Test
    void rejectsAnObjectNamingEveryBadField() {
        KafkaMessage m = schema.read("events", 2, 9,
                "{\"kind\":\"logon\",\"id\":\"{L}\",\"time\":\"soon\",\"user\":\"U\",\"host\":\"PC\",\"remote\":1}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(m).isInstanceOfSatisfying(KafkaMessage.Rejected.class, r -> {
            assertThat(r.source()).isEqualTo("events-2");
            assertThat(r.reason()).contains("field 'time'").contains("field 'action': missing")
                    .contains("field 'remote'");
        });
    }
}
