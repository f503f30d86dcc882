package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDeadLettersTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyOfEveryCompleteRecordAndWhereACutRecordStarts() {
        String file = """
                file,line,reason,raw
                events-0,3,not JSON: x,"a, ""quoted""
                value over two lines"
                events-1,9,"field 'time': bad, really",{"kind":"logon"}
                events-1,10,not JSON,"cut short
                """;
        Set<String> keys = new HashSet<>();
        long complete = KafkaDeadLetters.Records.read(file.getBytes(StandardCharsets.UTF_8), keys);

        assertThat(keys).containsExactlyInAnyOrder(KafkaDeadLetters.Records.key("events-0", "3"),
                KafkaDeadLetters.Records.key("events-1", "9"));
        assertThat(file.substring(0, (int) complete)).endsWith("{\"kind\":\"logon\"}\n");
    }

    @Test
    void countsEachRejectedMessageOnceAndIsZeroWithoutAFile() throws Exception {
        Path csv = dir.resolve("dead-letters.csv");
        assertThat(KafkaDeadLetters.count(csv)).isZero();
        Files.writeString(csv, """
                file,line,reason,raw
                events-0,3,no value (a tombstone); expected a JSON event,
                events-0,4,not UTF-8 text,"?, ?"
                """);
        assertThat(KafkaDeadLetters.count(csv)).isEqualTo(2);
    }

    @Test
    void quotesAFieldWithACommaAQuoteOrALineBreak() {
        assertThat(KafkaDeadLetters.Records.field("plain")).isEqualTo("plain");
        assertThat(KafkaDeadLetters.Records.field("a,\"b\"\nc")).isEqualTo("\"a,\"\"b\"\"\nc\"");
    }
}
