package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.custos.core.engine.Analysis;
import org.custos.core.event.Event;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in its production mode: an unbounded Kafka source on a live topic, checkpoints on, findings in the
 * JSON-lines sink. A simulated organization's events arrive in two batches while the job runs; after each, the sink
 * must hold exactly what the watermark has let through, each finding once and each equal to one of
 * {@code custos analyze}'s over all the events.
 *
 * <p>The watermark after a batch is the smallest, over the topic's partitions, of the latest event time produced to
 * it, less the out-of-orderness and a millisecond (Flink's bounded out-of-orderness). A partition silent for
 * {@link CustosJob#KAFKA_IDLENESS} would stop counting; here both partitions get events in each batch, and when
 * both fall silent the watermark stays where it is (idle inputs do not move it on).
 */
class LiveKafkaIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String TOPIC = "live-events";
    private static final int PARTITIONS = 2;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int SHORT_IDLENESS_SECONDS = 5;
    /** How long the broker is down in the outage test: ten checkpoint intervals, well short of idleness. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @TempDir
    static Path work;

    static KafkaBroker broker;
    static Path input;
    static Analysis cli;
    static List<Event> events = new ArrayList<>();
    static JobSettings settings;

    @BeforeAll
    static void startBrokerSimulateAndAnalyze() throws Exception {
        broker = KafkaBroker.start();
        input = Reference.simulate(work.resolve("org"), 30, 60, 7);
        cli = Reference.analyze(input);
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            dir.forEachEvent(events::add);
        }
        settings = JobSettings.defaults(input);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static int partition(Event e) {
        return Math.floorMod(e.user().hashCode(), PARTITIONS);
    }

    private static List<KafkaBroker.Message> messages(List<Event> events) {
        List<KafkaBroker.Message> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(new KafkaBroker.Message(partition(e), e.user().getBytes(StandardCharsets.UTF_8),
                    EventJson.write(e).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The job's watermark once it has read {@code produced}: the slowest partition's latest time less the bound. */
    private static Instant watermark(List<Event> produced, Duration outOfOrderness) {
        Map<Integer, Instant> latest = new HashMap<>();
        for (Event e : produced) {
            latest.merge(partition(e), e.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
        assertThat(latest).as("both partitions have events").hasSize(PARTITIONS);
        Instant slowest = latest.values().stream().min(Instant::compareTo).orElseThrow();
        return slowest.minus(outOfOrderness).minusMillis(1);
    }

    @Test
    void aLiveJobWritesEachFindingOnceWhenTheWatermarkPassesItAndNothingAheadOfIt() throws Exception {
        // mid-morning of a working day, when people are at work: some have started the day, some not yet
        Instant cut = events.get(0).time().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(Duration.ofDays(30)).plus(Duration.ofHours(10));
        int split = 0;
        while (split < events.size() && events.get(split).time().isBefore(cut)) {
            split++;
        }
        List<Event> first = events.subList(0, split);
        Instant afterFirst = watermark(first, settings.outOfOrderness());
        Instant afterBoth = watermark(events, settings.outOfOrderness());
        Map<JsonLinesSink.Kind, List<String>> expectedFirst = Reference.findingsUpTo(cli, first, afterFirst,
                settings.zone());
        Map<JsonLinesSink.Kind, List<String>> expectedBoth = Reference.findingsUpTo(cli, events, afterBoth,
                settings.zone());
        Map<JsonLinesSink.Kind, List<String>> all = Reference.findings(cli);
        assertThat(expectedFirst.get(JsonLinesSink.Kind.ALERT)).as("alerts in the first batch").isNotEmpty();
        assertThat(expectedBoth.get(JsonLinesSink.Kind.ALERT)).as("alerts in the second batch")
                .hasSizeGreaterThan(expectedFirst.get(JsonLinesSink.Kind.ALERT).size());

        long beforeTheWatermarksDay = all.get(JsonLinesSink.Kind.DAILY_SCORE).stream()
                .filter(line -> day(line).isBefore(LocalDate.ofInstant(afterFirst, settings.zone()))).count();
        assertThat(expectedFirst.get(JsonLinesSink.Kind.DAILY_SCORE)).as("a person's day is scored when their next "
                + "day starts, not when the watermark passes the day's end: someone's last day is still open")
                .hasSizeLessThan((int) beforeTheWatermarksDay);

        Path out = work.resolve("out");
        Path deadLetters = work.resolve("dead-letters.csv");
        broker.createTopic(TOPIC, PARTITIONS);
        JobClient job = startLiveJob(TOPIC, "custos-live", deadLetters, out, "custos live");
        try {
            broker.produce(TOPIC, messages(first));
            long firstProduced = System.nanoTime();
            Map<JsonLinesSink.Kind, List<String>> afterFirstBatch = await(out, expectedFirst, job);
            assertEqual(afterFirstBatch, expectedFirst, "after the first batch");
            assertThat(Duration.ofNanos(System.nanoTime() - firstProduced))
                    .as("the first batch's findings came before the partitions went idle (else the second "
                            + "batch's partitions could wake up one by one and its events arrive late)")
                    .isLessThan(CustosJob.KAFKA_IDLENESS);

            broker.produce(TOPIC, messages(events.subList(split, events.size())));
            await(out, expectedBoth, job);
            assertThat(job.getJobStatus().get()).as("a live job runs on").isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
            awaitCancelled(job);
        }

        Map<JsonLinesSink.Kind, List<String>> written = Reference.written(out);
        assertEqual(written, expectedBoth, "when cancelled");
        for (JsonLinesSink.Kind kind : List.of(JsonLinesSink.Kind.ALERT, JsonLinesSink.Kind.DAILY_SCORE)) {
            assertThat(all.get(kind)).as("every %s is one of analyze's", kind.file).containsAll(written.get(kind));
        }
        assertThat(all.get(JsonLinesSink.Kind.DAILY_SCORE)).as("days still open at the watermark")
                .hasSizeGreaterThan(written.get(JsonLinesSink.Kind.DAILY_SCORE).size());
        assertThat(Reference.keys(out)).as("each finding once").doesNotHaveDuplicates();
        assertThat(KafkaDeadLetters.count(deadLetters)).isZero();
    }

    /**
     * Starts the job as it runs in production: parallelism 2, checkpoints every 500 ms, the unbounded Kafka source
     * on {@code topic}, findings to a JSON-lines sink in {@code out}.
     */
    private static JobClient startLiveJob(String topic, String group, Path deadLetters, Path out, String name)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
        CustosJob.define(env, new CustosJob.Kafka(broker.bootstrap(), topic, group, false, deadLetters), settings,
                new JsonLinesSink(out));
        return env.executeAsync(name);
    }

    /**
     * A broker outage while a live job reads: the first half of the events is produced and its findings are in the
     * sink; then the broker stops (a controlled shutdown; its log is kept) for longer than several checkpoint
     * intervals, and starts again on the same address; then the second half is produced. The job runs on through
     * the outage (its Kafka consumers retry; checkpoints go on, the offsets are Flink's state, and committing them
     * to Kafka is only for monitoring), and the sink ends with exactly the findings the watermark allows, each once:
     * nothing read before the outage is lost or read twice.
     */
    @Test
    void aBrokerOutageWhileTheJobReadsLosesAndDoublesNothing() throws Exception {
        String topic = "live-through-an-outage";
        int split = events.size() / 2;
        List<Event> first = events.subList(0, split);
        Map<JsonLinesSink.Kind, List<String>> expectedFirst = Reference.findingsUpTo(cli, first,
                watermark(first, settings.outOfOrderness()), settings.zone());
        Map<JsonLinesSink.Kind, List<String>> expectedBoth = Reference.findingsUpTo(cli, events,
                watermark(events, settings.outOfOrderness()), settings.zone());
        assertThat(expectedFirst.get(JsonLinesSink.Kind.ALERT)).as("alerts before the outage").isNotEmpty();
        assertThat(expectedBoth.get(JsonLinesSink.Kind.ALERT)).as("alerts after it")
                .hasSizeGreaterThan(expectedFirst.get(JsonLinesSink.Kind.ALERT).size());

        broker.createTopic(topic, PARTITIONS);
        Path out = work.resolve("out-outage");
        Path deadLetters = work.resolve("dead-letters-outage.csv");
        JobClient job = startLiveJob(topic, "custos-outage", deadLetters, out, "custos live, broker outage");
        try {
            broker.produce(topic, messages(first));
            assertEqual(await(out, expectedFirst, job), expectedFirst, "before the outage");

            broker.stop();
            long stopped = System.nanoTime();
            assertThatThrownBy(() -> KafkaTopicCheck.partitions(new CustosJob.Kafka(broker.bootstrap(), topic,
                    "custos-probe", true), Duration.ofSeconds(2))).as("the broker is down")
                    .hasMessageContaining("no answer in 2 s");
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis()));
            assertThat(job.getJobStatus().get()).as("the job runs on while the broker is down")
                    .isEqualTo(JobStatus.RUNNING);
            broker.restart();

            broker.produce(topic, messages(events.subList(split, events.size())));
            await(out, expectedBoth, job);
            assertThat(job.getJobStatus().get()).as("a live job runs on").isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
            awaitCancelled(job);
        }
        assertEqual(Reference.written(out), expectedBoth, "when cancelled");
        assertThat(Reference.keys(out)).as("each finding once").doesNotHaveDuplicates();
        assertThat(KafkaDeadLetters.count(deadLetters)).isZero();
    }

    /**
     * A topic with a third partition that never gets an event: it holds the watermark back until it has been silent
     * for the idleness timeout (here {@value #SHORT_IDLENESS_SECONDS} s instead of the job's minute, through the same
     * {@link KafkaInput#events} the job uses), then the other two decide it, and the findings are those of their
     * watermark.
     */
    @Test
    void anEmptyPartitionStopsHoldingTheWatermarkBackOnceIdle() throws Exception {
        String topic = "live-with-an-empty-partition";
        broker.createTopic(topic, PARTITIONS + 1);
        Instant watermark = watermark(events, settings.outOfOrderness());
        Map<JsonLinesSink.Kind, List<String>> expected = Reference.findingsUpTo(cli, events, watermark,
                settings.zone());
        assertThat(expected.get(JsonLinesSink.Kind.ALERT)).isNotEmpty();

        Path out = work.resolve("out-idle");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().enableObjectReuse();
        CustosJob.Kafka kafka = new CustosJob.Kafka(broker.bootstrap(), topic, "custos-idle", false,
                work.resolve("dead-letters-idle.csv"));
        CustosJob.define(KafkaInput.events(env, kafka, settings, Duration.ofSeconds(SHORT_IDLENESS_SECONDS)),
                settings, new JsonLinesSink(out));
        JobClient job = env.executeAsync("custos live, one partition empty");
        try {
            broker.produce(topic, messages(events));
            await(out, expected, job);
        } finally {
            job.cancel().get();
            awaitCancelled(job);
        }
        assertThat(broker.endOffsets(topic, PARTITIONS + 1).get(PARTITIONS)).as("the third partition is empty")
                .isZero();
        assertEqual(Reference.written(out), expected, "when cancelled");
        assertThat(Reference.keys(out)).as("each finding once").doesNotHaveDuplicates();
    }

    private static LocalDate day(String dailyScoreLine) {
        try {
            return LocalDate.parse(JSON.readTree(dailyScoreLine).get("day").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertEqual(Map<JsonLinesSink.Kind, List<String>> actual,
            Map<JsonLinesSink.Kind, List<String>> expected, String when) {
        for (JsonLinesSink.Kind kind : JsonLinesSink.Kind.values()) {
            assertThat(actual.get(kind)).as("%s %s", kind.file, when).containsExactlyElementsOf(expected.get(kind));
        }
    }

    /**
     * The sink's findings once they include every expected alert and daily score, or when {@link #WAIT} has passed
     * (the assertions then name what is missing); fails at once if the job stopped.
     */
    private static Map<JsonLinesSink.Kind, List<String>> await(Path out, Map<JsonLinesSink.Kind, List<String>> expected,
            JobClient job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<JsonLinesSink.Kind, List<String>> written = Map.of();
        while (System.nanoTime() < deadline) {
            assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("the job stopped").isFalse();
            if (Files.exists(out.resolve(JsonLinesSink.Kind.SUMMARY.file))) {
                try {
                    written = Reference.written(out);
                    if (written.get(JsonLinesSink.Kind.ALERT).containsAll(expected.get(JsonLinesSink.Kind.ALERT))
                            && written.get(JsonLinesSink.Kind.DAILY_SCORE)
                                    .containsAll(expected.get(JsonLinesSink.Kind.DAILY_SCORE))) {
                        return written;
                    }
                } catch (java.io.IOException e) {
                    // a line being written; read again
                }
            }
            Thread.sleep(250);
        }
        return written;
    }

    private static void awaitCancelled(JobClient job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!job.getJobStatus().get().isGloballyTerminalState() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
