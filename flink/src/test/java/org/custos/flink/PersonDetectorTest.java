package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.custos.core.event.Logon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonDetectorTest {

    @TempDir
    Path org;

    private static Sequenced logon(long seq, String user, String time, String host) {
        return new Sequenced(seq, new Logon("{L" + seq + "}", Instant.parse(time), user, host, Logon.Action.LOGON,
                false), null, List.of(), false);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Sequenced, Step> harness() throws Exception {
        Files.createDirectories(org.resolve("LDAP"));
        Files.writeString(org.resolve("LDAP/2010-01.csv"), """
                employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor,clearance
                Regina Yolanda Harris,RYH3994,Regina.Y.Harris@dtaa.com,President,,1,1 - Administration,1 - Executive,1 - Office,,
                Caroline Jack Quinn,CJQ3968,Caroline.J.Quinn@dtaa.com,Manager,,1,1 - Administration,3 - IT,1 - ITSupport,Regina Yolanda Harris,secret
                """);
        KeyedOneInputStreamOperatorTestHarness<String, Sequenced, Step> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PersonDetector(JobSettings.defaults(org))),
                        s -> s.event().user(), Types.STRING);
        h.setup(Step.TYPE.createSerializer(new SerializerConfigImpl()));
        h.open();
        return h;
    }

    @Test
    @SuppressWarnings("try")
    void keepsOneTrackAndOneEndTimerPerPersonAndReportsTheirDays() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Sequenced, Step> h = harness()) {
            h.processElement(logon(0, "RYH3994", "2010-01-04T07:12:09Z", "PC-1"), 1);
            h.processElement(logon(1, "CJQ3968", "2010-01-04T07:30:00Z", "PC-2"), 2);
            h.processElement(logon(2, "RYH3994", "2010-01-05T07:10:00Z", "PC-1"), 3);

            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            assertThat(h.numEventTimeTimers()).isEqualTo(2);
            assertThat(h.extractOutputValues()).containsExactly(
                    new Step.PersonSeen(0, "RYH3994", "President", true),
                    new Step.DayStarted(0, "RYH3994", 14613),
                    new Step.PersonSeen(1, "CJQ3968", "Manager", true),
                    new Step.DayStarted(1, "CJQ3968", 14613),
                    new Step.DayStarted(2, "RYH3994", 14614));
        }
    }

    @Test
    @SuppressWarnings("try")
    void reportsEachPersonsCountsAndClearsStateAndTimersAtTheEndOfInput() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Sequenced, Step> h = harness()) {
            h.processElement(logon(0, "RYH3994", "2010-01-04T07:12:09Z", "PC-1"), 1);
            h.processElement(new Sequenced(1, logon(0, "RYH3994", "2010-01-04T07:12:09Z", "PC-1").event(), null,
                    List.of(), true), 1);
            h.processElement(logon(2, "CJQ3968", "2010-01-04T07:30:00Z", "PC-2"), 2);

            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.extractOutputValues()).filteredOn(s -> s instanceof Step.PersonTotal).containsExactlyInAnyOrder(
                    new Step.PersonTotal(Long.MAX_VALUE, "RYH3994", 1, 0, 1),
                    new Step.PersonTotal(Long.MAX_VALUE, "CJQ3968", 1, 0, 0));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }
}
