package org.custos.simulator.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebLogSimulatorTest {

    @TempDir
    Path tmp;

    @Test
    void theSameConfigurationWritesTheSameBytes() throws IOException {
        WebLogConfig config = new WebLogConfig(500, 3, 7, java.time.LocalDate.of(2010, 1, 4), 1, 2, 1);
        WebLogSummary a = WebLogSimulator.run(config, tmp.resolve("a"));
        WebLogSimulator.run(config, tmp.resolve("b"));

        assertThat(Files.mismatch(tmp.resolve("a/weblogs/access.log"), tmp.resolve("b/weblogs/access.log")))
                .isEqualTo(-1);
        assertThat(Files.mismatch(tmp.resolve("a/answers/harvesters.csv"), tmp.resolve("b/answers/harvesters.csv")))
                .isEqualTo(-1);
        assertThat(Files.lines(tmp.resolve("a/weblogs/access.log")).count()).isEqualTo(a.lines());
    }

    @Test
    void writesTimeOrderedCombinedLinesAndAnAnswerKeyOfEveryPlantedClient() throws IOException {
        WebLogSimulator.run(new WebLogConfig(2000, 4, 3, java.time.LocalDate.of(2010, 1, 4), 2, 4, 2),
                tmp.resolve("s"));
        List<String> log = Files.readAllLines(tmp.resolve("s/weblogs/access.log"));
        List<String> key = Files.readAllLines(tmp.resolve("s/answers/harvesters.csv"));

        assertThat(log.get(0)).matches("[0-9.]+ - - \\[04/Jan/2010:\\d\\d:\\d\\d:\\d\\d \\+0000\\] \"GET \\S+ HTTP/1.1\" "
                + "\\d{3} \\d+ \"[^\"]*\" \"[^\"]+\"");
        List<String> stamps = log.stream().map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).toList();
        assertThat(stamps.subList(0, 50)).isSorted();
        assertThat(key.get(0)).isEqualTo(WebLogSimulator.ANSWER_HEADER);
        assertThat(key.stream().filter(l -> l.contains(",fast,"))).hasSize(2);
        assertThat(key.stream().filter(l -> l.contains(",slow,"))).hasSize(4);
        assertThat(key.stream().filter(l -> l.contains(",crawler,"))).hasSize(2);
        assertThat(key.stream().filter(l -> l.contains(",binge,"))).isNotEmpty();
        assertThat(key.stream().filter(l -> l.contains(",slow,")).map(l -> Integer.parseInt(l.split(",")[
                l.split(",").length - 3]))).allMatch(n -> n >= 40);
    }
}
