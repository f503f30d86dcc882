package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJsonTest {

    @Test
    void readsALogonWrittenByHand() {
        Event e = EventJson.read("""
                {"kind":"logon","id":"{X1}","time":"2010-01-04T07:12:00Z","user":"ABC0001","host":"PC-1",\
                "action":"logon","remote":false}""");
        assertThat(e.kind()).isEqualTo(EventKind.LOGON);
        assertThat(e.user()).isEqualTo("ABC0001");
        assertThat(e.time()).hasToString("2010-01-04T07:12:00Z");
    }

    @Test
    void namesEveryBadFieldAtOnceOnOneLine() {
        assertThatThrownBy(() -> EventJson.read("""
                {"kind":"logon","id":"{X1}","time":"yesterday","user":3,"action":"LOGOUT_NOW"}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logon: field 'time': expected an ISO-8601 instant such as 2010-01-04T08:15:00Z, got "
                        + "'yesterday'; field 'user': expected a string, got NUMBER; field 'host': missing; "
                        + "field 'action': unknown 'LOGOUT_NOW'; expected one of [LOGON, LOGOFF]; "
                        + "field 'remote': missing");
    }

    @Test
    void refusesAnUnknownKindAndNonJson() {
        assertThatThrownBy(() -> EventJson.read("{\"kind\":\"fax\"}")).hasMessageStartingWith("field 'kind': unknown 'fax'");
        assertThatThrownBy(() -> EventJson.read("logon,2010")).hasMessageStartingWith("not JSON");
    }

    @Test
    void aRefusalQuotingALineBreakStaysOnOneLine() {
        // found by EventJsonFuzzTest: an unknown kind with a line break in it made a two-line message
        assertThatThrownBy(() -> EventJson.read("{\"kind\":\"x\\nx\"}"))
                .hasMessageStartingWith("field 'kind': unknown 'x\\u000ax'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> EventJson.read("{\"kind\":\"logon\",\"id\":\"a\\nb\"}"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void everyEventOfASimulatedOrganizationRoundTrips(@TempDir Path tmp) throws Exception {
        Path dir = Reference.simulate(tmp.resolve("org"), 30, 60, 3);
        List<Event> events = new ArrayList<>();
        try (CertDirectory input = CertDirectory.open(dir, DeadLetters.discard())) {
            input.forEachEvent(events::add);
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (Event e : events) {
            assertThat(EventJson.read(EventJson.write(e))).isEqualTo(e);
            kinds.add(e.kind());
        }
        assertThat(kinds).containsExactlyInAnyOrder(EventKind.values());
    }

    @Test
    void aKafkaJobCanBeDefinedWithoutABroker(@TempDir Path tmp) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CustosJob.define(env, new CustosJob.Kafka("localhost:9", "custos-events", "custos", true),
                JobSettings.defaults(tmp), new JsonLinesSink(tmp.resolve("out")));
        assertThat(env.getExecutionPlan()).contains("kafka").contains("sequencer").contains("detectors")
                .contains("scoring");
    }
}
