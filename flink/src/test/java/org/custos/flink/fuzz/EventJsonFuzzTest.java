package org.custos.flink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.custos.core.event.Event;
import org.custos.flink.EventJson;

/**
 * Fuzz test of Custos' JSON event format, which the Kafka source reads: any line is either an event that writes
 * back to JSON and reads again as the same event, or refused with a one-line {@link IllegalArgumentException}. Seeds
 * in {@code src/test/resources/.../EventJsonFuzzTestInputs/}. To fuzz for longer:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl flink -am test -Dtest='EventJsonFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class EventJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void read(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        Event event;
        try {
            event = EventJson.read(line);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
    }
}
