package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.cli.CommandRun;
import org.custos.flink.KafkaBroker;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos flink-job} reading a real Kafka topic (a broker in this JVM), against {@code custos analyze} over
 * the files the topic was filled from.
 */
class FlinkKafkaCommandIT {

    @TempDir
    static Path work;

    static KafkaBroker broker;
    static AnalyzedOrganization organization;
    static Path input;

    @BeforeAll
    static void fillATopicAndAnalyzeTheFiles() throws Exception {
        broker = KafkaBroker.start();
        organization = AnalyzedOrganization.simulate(work, 30, 60, 5);
        input = organization.input();
        List<KafkaBroker.Message> messages = new ArrayList<>();
        messages.add(AnalyzedOrganization.message("nobody", "{\"kind\":\"logon\"}"));
        messages.addAll(organization.messages());
        messages.add(AnalyzedOrganization.message("nobody", "not an event"));
        broker.createTopic("custos-events", 2);
        broker.produce("custos-events", messages);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readsABoundedTopicAtParallelismTwoIntoTheAlertsAndScoresOfAnalyze() throws Exception {
        Path out = work.resolve("flink-out");
        CommandRun run = CommandRun.of("flink-job", "--kafka-bootstrap", broker.bootstrap(), "--kafka-topic",
                "custos-events", "--kafka-bounded", "--reference", input.toString(), "--sink", "jsonl:" + out,
                "--parallelism", "2", "--checkpoint-interval", "1");
        assertThat(run.code()).as(run.err()).isZero();
        Path deadLetters = out.resolve("dead-letters.csv");
        assertThat(run.out()).contains("finished")
                .contains("2 rejected Kafka messages in " + deadLetters.toAbsolutePath());

        organization.assertSinkHoldsTheReport(out);

        List<String> letters = Files.readAllLines(deadLetters);
        assertThat(letters).hasSize(3);
        assertThat(letters.get(0)).isEqualTo(DeadLetters.HEADER);
        assertThat(letters.subList(1, 3)).anySatisfy(l -> assertThat(l).contains("field 'id': missing"))
                .anySatisfy(l -> assertThat(l).contains("not JSON").endsWith(",not an event"))
                .allSatisfy(l -> assertThat(l).startsWith("custos-events-"));
    }

    @Test
    void refusesKafkaWithoutAReferenceDirectoryInOneLine() {
        CommandRun run = CommandRun.of("flink-job", "--kafka-bootstrap", "127.0.0.1:9", "--kafka-topic", "t",
                "--sink", "jsonl:" + work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains("--reference").doesNotContain("\n");
    }
}
