package org.custos.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.junit.jupiter.api.Test;

class EventLineTest {

    @Test
    void readsEveryKindAndWritesItBackTheSame() throws Exception {
        List<String> lines = List.of(
                """
                {"kind":"logon","id":"{X1}","time":"2010-01-02T06:49:00Z","user":"ACM2278","host":"PC-1","action":"logoff","remote":true}""",
                """
                {"kind":"device","id":"d","time":"2010-01-02T06:49:00Z","user":"u","host":"h","action":"connect","fileTree":"R:\\\\"}""",
                """
                {"kind":"file","id":"f","time":"2010-01-02T06:49:00Z","user":"u","host":"h","path":"R:\\\\plan.docx","action":"copy","toRemovable":true,"fromRemovable":false,"content":"x"}""",
                """
                {"kind":"email","id":"e","time":"2010-01-02T06:49:00Z","user":"u","host":"h","to":["a@x"],"cc":[],"bcc":["b@y"],"from":"u@x","action":"send","size":120,"attachments":["plan.pdf"],"attachmentCount":1,"content":""}""",
                """
                {"kind":"http","id":"w","time":"2010-01-02T06:49:00Z","user":"u","host":"h","url":"https://wikileaks.org/","action":"upload","content":""}""",
                """
                {"kind":"print","id":"p","time":"2010-01-02T06:49:00Z","user":"u","host":"h","printer":"P1","document":"plan.pdf","pages":40}""",
                """
                {"kind":"badge","id":"b","time":"2010-01-02T06:49:00Z","user":"u","host":"h","door":"Main","direction":"out"}""",
                """
                {"kind":"custody","id":"c","time":"2010-01-02T06:49:00Z","user":"u","host":"h","serial":"SN-1","item":"Plan","action":"check-out"}""");
        for (String line : lines) {
            Event e = EventLine.parse(line);
            assertThat(EventLine.parse(EventLine.write(e))).isEqualTo(e);
        }
        FileActivity f = (FileActivity) EventLine.parse(lines.get(2));
        assertThat(f.path()).isEqualTo("R:\\plan.docx");
        assertThat(f.toRemovable()).isTrue();
        assertThat(f.time()).isEqualTo(Instant.parse("2010-01-02T06:49:00Z"));
        EmailMessage m = (EmailMessage) EventLine.parse(lines.get(3));
        assertThat(m.bcc()).containsExactly("b@y");
        assertThat(m.attachmentCount()).isEqualTo(1);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":\"logon\",\"id\":\"1\",\"user\":\"u\"}"))
                .hasMessage("field 'time' is required");
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":\"logon\",\"id\":\"1\",\"user\":\"u\",\"time\":\"yesterday\"}"))
                .hasMessageStartingWith("field 'time': expected an ISO-8601 instant");
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":\"logon\",\"id\":\"1\",\"user\":\"u\","
                + "\"time\":\"2010-01-02T06:49:00Z\",\"action\":\"jump\"}"))
                .hasMessage("field 'action': expected one of logon, logoff; got 'jump'");
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":\"print\",\"id\":\"1\",\"user\":\"u\","
                + "\"time\":\"2010-01-02T06:49:00Z\",\"pages\":-3}"))
                .hasMessage("field 'pages' must be a whole number >= 0");
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":\"telepathy\",\"id\":\"1\",\"user\":\"u\","
                + "\"time\":\"2010-01-02T06:49:00Z\"}")).hasMessageStartingWith("field 'kind': expected one of");
        assertThatThrownBy(() -> EventLine.parse("[1]")).hasMessage("expected a JSON object");
        assertThatThrownBy(() -> EventLine.parse("{\"kind\":")).hasMessageStartingWith("malformed JSON at column");
    }

    @Test
    void jsonNestedBeyondTheParsersLimitIsABadLineNotACrash() {
        // found by fuzzing: Jackson refuses nesting deeper than 1,000 with no location, and reading the column threw
        assertThatThrownBy(() -> EventLine.parse("[".repeat(1001)))
                .isInstanceOf(EventLine.BadLine.class)
                .hasMessageStartingWith("malformed JSON: ")
                .hasMessageContaining("nesting depth");
    }

    @FuzzTest(maxDuration = "10s")
    void anyLineIsAnEventOrABadLineNeverAnotherFailure(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        try {
            Event e = EventLine.parse(line);
            assertThat(EventLine.parse(EventLine.write(e))).isEqualTo(e);
        } catch (EventLine.BadLine expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
