package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;
import org.junit.jupiter.api.Test;

class EventTimeOrderTest {

    private static KafkaMessage.Read logon(String id, String time, int partition, long offset) {
        return new KafkaMessage.Read(new Logon(id, Instant.parse(time), "U" + partition, "PC-" + partition,
                Logon.Action.LOGON, false), partition, offset);
    }

    private static OneInputStreamOperatorTestHarness<KafkaMessage, Event> harness() throws Exception {
        OneInputStreamOperatorTestHarness<KafkaMessage, Event> h =
                new OneInputStreamOperatorTestHarness<>(new EventTimeOrder());
        h.setup(CustosJob.EVENT_TYPE.createSerializer(new SerializerConfigImpl()));
        return h;
    }

    private static List<String> ids(OneInputStreamOperatorTestHarness<KafkaMessage, Event> h) {
        return h.extractOutputValues().stream().map(Event::id).toList();
    }

    @Test
    @SuppressWarnings("try")
    void passesEventsOnInEventTimeThenPartitionThenOffsetOrderAsTheWatermarkPassesThem() throws Exception {
        try (OneInputStreamOperatorTestHarness<KafkaMessage, Event> h = harness()) {
            h.open();
            h.processElement(logon("{B1}", "2010-01-04T09:00:00Z", 1, 0), 0);
            h.processElement(logon("{B2}", "2010-01-04T10:00:00Z", 1, 1), 0);
            h.processElement(logon("{A1}", "2010-01-04T08:00:00Z", 0, 0), 0);
            h.processElement(logon("{A2}", "2010-01-04T10:00:00Z", 0, 1), 0);
            assertThat(ids(h)).as("nothing before the watermark").isEmpty();

            h.processWatermark(Instant.parse("2010-01-04T09:30:00Z").toEpochMilli());
            assertThat(ids(h)).containsExactly("{A1}", "{B1}");

            h.processWatermark(Long.MAX_VALUE);
            assertThat(ids(h)).as("a tie in time goes by partition").containsExactly("{A1}", "{B1}", "{A2}", "{B2}");
        }
    }

    @Test
    @SuppressWarnings("try")
    void passesALateEventOnAtOnce() throws Exception {
        try (OneInputStreamOperatorTestHarness<KafkaMessage, Event> h = harness()) {
            h.open();
            h.processWatermark(Instant.parse("2010-01-04T12:00:00Z").toEpochMilli());
            h.processElement(logon("{L}", "2010-01-04T11:00:00Z", 0, 7), 0);
            assertThat(ids(h)).containsExactly("{L}");
        }
    }

    @Test
    @SuppressWarnings("try")
    void keepsTheEventsItHoldsInItsCheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<KafkaMessage, Event> h = harness()) {
            h.open();
            h.processElement(logon("{B1}", "2010-01-04T09:00:00Z", 1, 0), 0);
            h.processElement(logon("{A1}", "2010-01-04T08:00:00Z", 0, 0), 0);
            snapshot = h.snapshot(1, 1);
        }
        try (OneInputStreamOperatorTestHarness<KafkaMessage, Event> h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(logon("{A2}", "2010-01-04T08:30:00Z", 0, 1), 0);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(ids(h)).containsExactly("{A1}", "{A2}", "{B1}");
        }
    }
}
