package org.custos.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;
import org.junit.jupiter.api.Test;

class JsonMappingRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OCSF_SAMPLES = """
            {"class_uid":3002,"activity_id":1,"time":1262592000000,"metadata":{"uid":"a1","version":"1.3.0"},"user":{"name":"ACM2278"},"dst_endpoint":{"hostname":"PC-6377"},"is_remote":true}
            {"class_uid":3002,"activity_id":2,"time":1262595600000,"metadata":{"uid":"a2"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"}}
            {"class_uid":1001,"activity_id":99,"activity_name":"Copy","time":1262592060000,"metadata":{"uid":"f1"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"},"file":{"path":"R:\\\\plans\\\\x.pdf","name":"x.pdf"},"unmapped":{"to_removable_media":true,"content":"25-50-44-46 plan"}}
            {"class_uid":1001,"activity_id":2,"time":1262592070000,"metadata":{"uid":"f2"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"},"file":{"path":"C:\\\\a.doc"}}
            {"class_uid":1001,"activity_id":12,"activity_name":"Mount","time":1262592050000,"metadata":{"uid":"d1"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"},"file":{"path":"R:\\\\"},"unmapped":{"file_tree":"R:\\\\;R:\\\\Docs"}}
            {"class_uid":4002,"activity_id":6,"time":1262592080000,"metadata":{"uid":"h1"},"actor":{"user":{"name":"ACM2278"}},"src_endpoint":{"hostname":"PC-6377"},"http_request":{"url":{"url_string":"http://wikileaks.org/upload"},"http_method":"POST"}}
            {"class_uid":4002,"activity_id":3,"time":1262592090000,"metadata":{"uid":"h2"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"},"http_request":{"url":{"url_string":"http://example.com/tool.exe"}},"file":{"name":"tool.exe"}}
            {"class_uid":4009,"activity_id":1,"time":1262592100000,"metadata":{"uid":"e1"},"actor":{"user":{"name":"ACM2278"}},"device":{"hostname":"PC-6377"},"email":{"from":"a@dtaa.com","to":["b@gmail.com"],"cc":["c@dtaa.com"],"size":20480},"unmapped":{"attachments":["C:\\\\plan.pdf"]}}
            """;

    private static final String ECS_SAMPLES = """
            {"@timestamp":"2010-01-04T08:00:00Z","event":{"id":"a1","category":["authentication"],"type":["start"]},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"labels":{"remote":"true"}}
            {"@timestamp":"2010-01-04T09:00:00.000Z","event":{"id":"a2","category":"authentication","action":"logged-out"},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"}}
            {"@timestamp":"2010-01-04T08:01:00+00:00","event":{"id":"f1","category":["file"],"type":["creation"],"action":"copy"},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"file":{"path":"R:\\\\plans\\\\x.pdf"},"labels":{"to_removable_media":"true"}}
            {"@timestamp":"2010-01-04T08:01:10Z","event":{"id":"f2","category":["file"],"type":["deletion"]},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"file":{"path":"C:\\\\a.doc"}}
            {"@timestamp":"2010-01-04T08:00:50Z","event":{"id":"d1","category":["host"],"action":"device-connected"},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"labels":{"file_tree":"R:\\\\"}}
            {"@timestamp":"2010-01-04T08:01:20Z","event":{"id":"h1","category":["web"],"action":"download"},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"url":{"full":"http://example.com/tool.exe"}}
            {"@timestamp":"2010-01-04T08:01:30Z","event":{"id":"h2","category":["network","web"]},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"url":{"full":"http://dropbox.com/up"},"http":{"request":{"method":"put"}}}
            {"@timestamp":"2010-01-04T08:01:40Z","event":{"id":"e1","category":["email"],"action":"send"},"user":{"name":"ACM2278"},"host":{"name":"PC-6377"},"email":{"from":{"address":["a@dtaa.com"]},"to":{"address":["b@gmail.com","d@x.org"]},"attachments":[{"file":{"name":"plan.pdf"}}]},"labels":{"size":"1024"}}
            """;

    private static final Instant T = Instant.parse("2010-01-04T08:00:00Z");

    private static List<Event> read(JsonFormat format, String lines) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String line : lines.strip().split("\n")) {
            events.add(format.read(JSON.readTree(line)));
        }
        return events;
    }

    @Test
    void ocsfSamplesBecomeTheExpectedEvents() throws Exception {
        assertThat(read(JsonFormat.OCSF, OCSF_SAMPLES)).containsExactly(
                new Logon("a1", T, "ACM2278", "PC-6377", Logon.Action.LOGON, true),
                new Logon("a2", T.plusSeconds(3600), "ACM2278", "PC-6377", Logon.Action.LOGOFF, false),
                new FileActivity("f1", T.plusSeconds(60), "ACM2278", "PC-6377", "R:\\plans\\x.pdf",
                        FileActivity.Action.COPY, true, false, "25-50-44-46 plan"),
                new FileActivity("f2", T.plusSeconds(70), "ACM2278", "PC-6377", "C:\\a.doc",
                        FileActivity.Action.OPEN, false, false, ""),
                new DeviceUse("d1", T.plusSeconds(50), "ACM2278", "PC-6377", DeviceUse.Action.CONNECT,
                        "R:\\;R:\\Docs"),
                new WebVisit("h1", T.plusSeconds(80), "ACM2278", "PC-6377", "http://wikileaks.org/upload",
                        WebVisit.Action.UPLOAD, ""),
                new WebVisit("h2", T.plusSeconds(90), "ACM2278", "PC-6377", "http://example.com/tool.exe",
                        WebVisit.Action.DOWNLOAD, ""),
                new EmailMessage("e1", T.plusSeconds(100), "ACM2278", "PC-6377", List.of("b@gmail.com"),
                        List.of("c@dtaa.com"), List.of(), "a@dtaa.com", EmailMessage.Action.SEND, 20480,
                        List.of("C:\\plan.pdf"), 1, ""));
    }

    @Test
    void ecsSamplesBecomeTheExpectedEvents() throws Exception {
        assertThat(read(JsonFormat.ECS, ECS_SAMPLES)).containsExactly(
                new Logon("a1", T, "ACM2278", "PC-6377", Logon.Action.LOGON, true),
                new Logon("a2", T.plusSeconds(3600), "ACM2278", "PC-6377", Logon.Action.LOGOFF, false),
                new FileActivity("f1", T.plusSeconds(60), "ACM2278", "PC-6377", "R:\\plans\\x.pdf",
                        FileActivity.Action.COPY, true, false, ""),
                new FileActivity("f2", T.plusSeconds(70), "ACM2278", "PC-6377", "C:\\a.doc",
                        FileActivity.Action.DELETE, false, false, ""),
                new DeviceUse("d1", T.plusSeconds(50), "ACM2278", "PC-6377", DeviceUse.Action.CONNECT, "R:\\"),
                new WebVisit("h1", T.plusSeconds(80), "ACM2278", "PC-6377", "http://example.com/tool.exe",
                        WebVisit.Action.DOWNLOAD, ""),
                new WebVisit("h2", T.plusSeconds(90), "ACM2278", "PC-6377", "http://dropbox.com/up",
                        WebVisit.Action.UPLOAD, ""),
                new EmailMessage("e1", T.plusSeconds(100), "ACM2278", "PC-6377", List.of("b@gmail.com", "d@x.org"),
                        List.of(), List.of(), "a@dtaa.com", EmailMessage.Action.SEND, 1024, List.of("plan.pdf"), 1,
                        ""));
    }

    @Test
    void everySampleRoundTripsThroughBothFormatsToTheSameEvents() throws Exception {
        List<Event> all = new ArrayList<>(read(JsonFormat.OCSF, OCSF_SAMPLES));
        all.addAll(read(JsonFormat.ECS, ECS_SAMPLES));
        for (Event event : all) {
            JsonNode ocsf = JSON.readTree(JSON.writeValueAsString(OcsfMapping.write(event)));
            JsonNode ecs = JSON.readTree(JSON.writeValueAsString(EcsMapping.write(event)));
            assertThat(OcsfMapping.read(ocsf)).as("OCSF of %s", event).isEqualTo(event);
            assertThat(EcsMapping.read(ecs)).as("ECS of %s", event).isEqualTo(event);
            assertThat(JsonFormat.detect(ocsf)).contains(JsonFormat.OCSF);
            assertThat(JsonFormat.detect(ecs)).contains(JsonFormat.ECS);
        }
    }

    @Test
    void custosFeedRecordsRoundTripToTheSameEvents() throws Exception {
        List<Event> events = read(JsonFormat.CUSTOS, """
                {"feed":"personnel","id":"p1","time":"2010-01-04T08:00:00Z","user":"u","event":"court-defaulter","details":"listed"}
                {"feed":"custody","id":"c1","time":"2010-01-04T08:00:00Z","user":"u","serial":"TS-1","item":"Plan","action":"CheckIn","location":"Vault"}
                {"feed":"badge","id":"b1","time":"2010-01-04T08:00:00Z","user":"u","site":"HQ","door":"Gate","direction":"in"}
                {"feed":"print","id":"r1","time":"2010-01-04T08:00:00Z","user":"u","pc":"PC-1","printer":"P2","document":"d.pdf","pages":12}
                """);
        assertThat(events).containsExactly(
                new org.custos.core.event.PersonnelChange("p1", T, "u", "",
                        org.custos.core.event.PersonnelChange.Kind.ofFeedName("court-defaulter"), "listed"),
                new org.custos.core.event.CustodyMove("c1", T, "u", "Vault", "TS-1", "Plan",
                        org.custos.core.event.CustodyMove.Action.CHECK_IN),
                new org.custos.core.event.BadgeSwipe("b1", T, "u", "HQ", "Gate",
                        org.custos.core.event.BadgeSwipe.Direction.IN),
                new org.custos.core.event.PrintJob("r1", T, "u", "PC-1", "P2", "d.pdf", 12));
        for (Event event : events) {
            JsonNode written = JSON.readTree(JSON.writeValueAsString(CustosFeedMapping.write(event)));
            assertThat(CustosFeedMapping.read(written)).isEqualTo(event);
            assertThat(JsonFormat.detect(written)).contains(JsonFormat.CUSTOS);
        }
    }

    @Test
    void namesTheFieldOfARecordThatDescribesNoEvent() throws Exception {
        assertThatThrownBy(() -> OcsfMapping.read(JSON.readTree("""
                {"class_uid":4001,"activity_id":1,"time":1,"metadata":{"uid":"n"}}""")))
                .hasMessage("class_uid: 4001 Network Activity has no Custos event (only HTTP Activity 4002 is read)");
        assertThatThrownBy(() -> OcsfMapping.read(JSON.readTree("""
                {"class_uid":1001,"activity_id":5,"time":1,"metadata":{"uid":"n"},"actor":{"user":{"name":"u"}}}""")))
                .hasMessageStartingWith("activity_id: 5 of File System Activity is not one of");
        assertThatThrownBy(() -> OcsfMapping.read(JSON.readTree("""
                {"class_uid":3002,"activity_id":1,"time":"soon","metadata":{"uid":"n"}}""")))
                .hasMessage("time: '\"soon\"' is not a whole number");
        assertThatThrownBy(() -> EcsMapping.read(JSON.readTree("""
                {"@timestamp":"yesterday","event":{"id":"x"}}""")))
                .hasMessage("@timestamp: 'yesterday' is not an ISO-8601 time");
        assertThatThrownBy(() -> EcsMapping.read(JSON.readTree("""
                {"@timestamp":"2010-01-04T08:00:00Z","event":{"id":"x","category":["process"]},"user":{"name":"u"}}""")))
                .hasMessageStartingWith("event.category: [process] has no Custos event");
        assertThatThrownBy(() -> EcsMapping.read(JSON.readTree("""
                {"@timestamp":"2010-01-04T08:00:00Z","event":{"id":"x","category":["file"]}}""")))
                .hasMessage("user.name: missing or empty");
    }
}
