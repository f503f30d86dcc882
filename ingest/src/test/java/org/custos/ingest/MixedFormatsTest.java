package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixedFormatsTest {

    @TempDir
    Path dir;

    @Test
    void readsCertOcsfAndEcsFilesOfOneDirectoryAsOneStreamAndDeadLettersBadRecords() throws Exception {
        Files.writeString(dir.resolve("logon.csv"), """
                id,date,user,pc,activity
                {L1},01/04/2010 07:00:00,ACM2278,PC-1,Logon
                """);
        Files.writeString(dir.resolve("edr.jsonl"), """
                {"class_uid":3002,"activity_id":1,"time":1262590200000,"metadata":{"uid":"o1"},"user":{"name":"ACM2278"},"dst_endpoint":{"hostname":"PC-1"}}
                {"class_uid":3002,"activity_id":1,"time":1262590
                {"class_uid":4001,"activity_id":1,"time":1262590200000,"metadata":{"uid":"o3"}}
                {"class_uid":1001,"activity_id":3,"time":1262595600000,"metadata":{"uid":"o4"},"actor":{"user":{"name":"ACM2278"}},"file":{"path":"C:\\\\x"},"unmapped":{"content":"\\u001b[31m"}}
                """);
        Files.writeString(dir.resolve("siem.ndjson"), """
                {"@timestamp":"2010-01-04T07:45:00Z","event":{"id":"e1","category":["web"]},"user":{"name":"ACM2278"},"host":{"name":"PC-1"},"url":{"full":"http://a.example/"}}
                {"@timestamp":"2010-01-04T07:46:00Z","event":{"id":"e2","category":["web"],"unknown_modifier":1},"user":{"name":"ACM2278"}}
                {"@timestamp":"2010-01-04T07:47:00Z","event":{"id":"e3","category":["file"]},"user":{"name":"ACM2278"},"file":{"path":"x"}}
                """);
        Files.writeString(dir.resolve("notes.json"), "[1, 2]\n");
        Files.writeString(dir.resolve("access.log"), "x\n");
        Path letters = dir.resolve("dead.csv");
        List<Event> events = new ArrayList<>();
        List<String> notices;
        try (DeadLetters dead = DeadLetters.to(letters); CertDirectory input = CertDirectory.open(dir, dead)) {
            input.forEachEvent(events::add);
            notices = input.notices();
            assertThat(input.fileStats()).containsEntry("edr.jsonl", new FileStats("edr.jsonl", "ocsf", 2, 1))
                    .containsEntry("siem.ndjson", new FileStats("siem.ndjson", "ecs", 1, 2))
                    .containsEntry("logon.csv", new FileStats("logon.csv", "r4.2/r6.x", 1, 0));
        }

        assertThat(events).extracting(Event::id).containsExactly("{L1}", "o1", "e1", "o4");
        assertThat(notices).contains("notes.json: first record is neither OCSF (class_uid), ECS (@timestamp) nor a "
                + "Custos feed (feed); skipped", "access.log: a log file, not read by analyze; for a web access log run 'custos harvest'");
        String dead = Files.readString(letters);
        assertThat(dead).contains("edr.jsonl,2,invalid JSON at column 49: Unexpected end-of-input: expected close marker for Object,");
        assertThat(dead).doesNotContain("edr.jsonl,3,");
        assertThat(notices).contains("edr.jsonl: 1 records of kinds Custos has no event for, skipped (class_uid 4001 "
                + "(Network Activity): 1)");
        assertThat(dead).contains("siem.ndjson,2,url.full: missing or empty");
        assertThat(dead).contains("siem.ndjson,3,\"event.type: [] of a file event is not access, creation, change or "
                + "deletion (or event.action copy)\"");
    }

    @Test
    void readsHrCustodyBadgeAndPrintFeedsGivenAsJsonAndTakesDeparturesFromThem() throws Exception {
        Files.writeString(dir.resolve("hr.jsonl"), """
                {"feed":"personnel","id":"p1","time":"2010-03-01T00:00:00Z","user":"ACM2278","event":"departure","details":"left"}
                {"feed":"custody","id":"c1","time":"2010-02-01T09:00:00Z","user":"ACM2278","serial":"TS-1","item":"Plan","action":"checkout","location":"HQ"}
                {"feed":"badge","id":"b1","time":"2010-02-01T18:00:00Z","user":"ACM2278","site":"HQ","door":"Gate","direction":"Out"}
                {"feed":"print","id":"r1","time":"2010-02-01T17:00:00Z","user":"ACM2278","pc":"PC-1","printer":"P","document":"x.pdf","pages":-3}
                {"feed":"payroll","id":"z","time":"2010-02-01T17:00:00Z","user":"ACM2278"}
                """);
        Files.createDirectories(dir.resolve("LDAP"));
        Files.writeString(dir.resolve("LDAP/2010-01.csv"), "employee_name,user_id\nAda Lovelace,ACM2278\n");
        List<Event> events = new ArrayList<>();
        Path letters = dir.resolve("dead.csv");
        try (DeadLetters dead = DeadLetters.to(letters); CertDirectory input = CertDirectory.open(dir, dead)) {
            input.forEachEvent(events::add);
            assertThat(input.organization().employment("ACM2278").orElseThrow().end())
                    .contains(java.time.LocalDate.of(2010, 3, 1));
            assertThat(input.fileStats().get("hr.jsonl")).isEqualTo(new FileStats("hr.jsonl", "custos-json", 3, 2));
        }
        assertThat(events).extracting(Event::id).containsExactly("p1", "c1", "b1");
        assertThat(Files.readString(letters)).contains("hr.jsonl,4,pages: -3 is not a whole number >= 0")
                .contains("hr.jsonl,5,\"feed: 'payroll' is not one of personnel, custody, badge, print\"");
    }

    @Test
    void aForcedFormatReadsEveryJsonFileAsThatFormat() throws Exception {
        Files.writeString(dir.resolve("a.json"), """
                {"@timestamp":"2010-01-04T07:45:00Z","event":{"id":"e1","category":["web"]},"user":{"name":"u"},"url":{"full":"http://a/"}}
                """);
        try (CertDirectory input = CertDirectory.open(dir, DeadLetters.discard(), InputFormat.OCSF)) {
            List<Event> events = new ArrayList<>();
            input.forEachEvent(events::add);
            assertThat(events).isEmpty();
            assertThat(input.fileStats().get("a.json")).isEqualTo(new FileStats("a.json", "ocsf", 0, 1));
        }
        try (CertDirectory input = CertDirectory.open(dir, DeadLetters.discard(), InputFormat.ECS)) {
            List<Event> events = new ArrayList<>();
            input.forEachEvent(events::add);
            assertThat(events).hasSize(1);
        }
    }
}
