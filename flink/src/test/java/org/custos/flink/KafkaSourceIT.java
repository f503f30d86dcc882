package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.PersonOutcome;
import org.custos.core.event.Event;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka source end to end: a simulated organization's events, one JSON message each, in a topic of a real
 * broker ({@link KafkaBroker}), read by the job on the MiniCluster, against {@code custos analyze} over the files.
 */
class KafkaSourceIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Messages that are not events, each with the start of the reason the dead-letter file must give. */
    private static final List<String[]> BAD = List.of(
            new String[] {"{\"kind\":\"logon\",\"id\":\"{B1}\",\"time\":\"yesterday\",\"user\":\"X\",\"host\":\"PC-1\","
                    + "\"action\":\"LOGON\",\"remote\":false}",
                "logon: field 'time': expected an ISO-8601 instant"},
            new String[] {"this is, not \"JSON\"", "not JSON: "},
            new String[] {"{\"kind\":\"teleport\",\"id\":\"{B2}\"}", "field 'kind': unknown 'teleport'"},
            new String[] {null, "no value (a tombstone)"},
            new String[] {"\u00ff\u00fe", "not UTF-8 text"});

    @TempDir
    static Path work;

    static KafkaBroker broker;
    static Path input;
    static Analysis cli;
    static List<Event> events = new ArrayList<>();

    @BeforeAll
    static void startBrokerSimulateAndAnalyze() throws Exception {
        broker = KafkaBroker.start();
        input = Reference.simulate(work.resolve("org"), 30, 60, 7);
        cli = Reference.analyze(input);
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            dir.forEachEvent(events::add);
        }
        broker.createTopic("events-1", 1);
        broker.produce("events-1", messages(0));
        broker.createTopic("events-2", 2);
        broker.produce("events-2", messages(null));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** Every event as a message keyed by its person, with the bad messages among them at fixed places. */
    private static List<KafkaBroker.Message> messages(Integer partition) {
        List<KafkaBroker.Message> out = new ArrayList<>();
        int every = events.size() / BAD.size();
        for (int i = 0; i < events.size(); i++) {
            if (i % every == 1 && i / every < BAD.size()) {
                out.add(bad(BAD.get(i / every)[0], partition));
            }
            Event e = events.get(i);
            out.add(new KafkaBroker.Message(partition, e.user().getBytes(StandardCharsets.UTF_8),
                    EventJson.write(e).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static KafkaBroker.Message bad(String value, Integer partition) {
        byte[] bytes = value == null ? null : value.equals("\u00ff\u00fe") ? new byte[] {(byte) 0xff, (byte) 0xfe}
                : value.getBytes(StandardCharsets.UTF_8);
        return new KafkaBroker.Message(partition, "bad".getBytes(StandardCharsets.UTF_8), bytes);
    }

    @Test
    void oneOrderedPartitionGivesExactlyTheCliResultsAndDeadLettersEveryBadMessage() throws Exception {
        Path out = work.resolve("out-1");
        Path rejected = work.resolve("dead-letters-1.csv");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CustosJob.define(env, new CustosJob.Kafka(broker.bootstrap(), "events-1", "custos-1", true, rejected),
                JobSettings.defaults(input), new JsonLinesSink(out));
        env.execute("custos kafka 1 partition");

        assertThat(cli.alerts()).as("the simulated organization raises alerts").isNotEmpty();
        Reference.assertWroteExactly(cli, out);

        List<String> letters = Files.readAllLines(rejected);
        assertThat(letters.get(0)).isEqualTo(DeadLetters.HEADER);
        assertThat(KafkaDeadLetters.count(rejected)).isEqualTo(BAD.size());
        int every = events.size() / BAD.size();
        for (int b = 0; b < BAD.size(); b++) {
            String place = "events-1-0," + ((long) b * every + 1 + b) + ",";
            String reason = BAD.get(b)[1];
            assertThat(letters).as("bad message %d", b).anySatisfy(line -> assertThat(line).startsWith(place)
                    .contains(reason));
        }
    }

    @Test
    void twoPartitionsAtParallelismTwoAreMergedInEventTimeOrderAndGiveExactlyTheCliResults() throws Exception {
        assertThat(broker.endOffsets("events-2", 2)).as("both partitions hold events").allMatch(n -> n > 1000)
                .satisfies(n -> assertThat(n.get(0) + n.get(1)).isEqualTo(events.size() + BAD.size()));
        Path out = work.resolve("out-2");
        Path rejected = work.resolve("dead-letters-2.csv");
        JobSettings settings = JobSettings.defaults(input);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CustosJob.Kafka topic = new CustosJob.Kafka(broker.bootstrap(), "events-2", "custos-2", true, rejected);
        DataStream<Event> events = KafkaInput.events(env, topic, settings, CustosJob.KAFKA_IDLENESS);
        CustosJob.define(events, settings, new JsonLinesSink(out));
        CloseableIterator<String> fromKafka = signals(events, settings).collectAsync();
        CloseableIterator<String> fromFiles = signals(env.fromSource(new DirectorySource(input, null),
                CustosJob.watermarks(settings), "directory", CustosJob.EVENT_TYPE).setParallelism(1), settings)
                .collectAsync();
        env.execute("custos kafka 2 partitions");

        JsonNode summary = JSON.readTree(Files.readAllLines(out.resolve("summary.jsonl")).get(0));
        assertThat(summary.get("events").asLong()).as("every event counted once").isEqualTo(cli.events());
        assertThat(summary.get("duplicates").asLong()).as("no event counted twice").isEqualTo(cli.duplicates());
        Map<String, Long> eventsByPerson = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("people.jsonl"))) {
            JsonNode p = JSON.readTree(line);
            eventsByPerson.put(p.get("user").asText(), p.get("events").asLong());
        }
        Map<String, Long> expectedByPerson = new TreeMap<>();
        for (PersonOutcome o : cli.people()) {
            expectedByPerson.put(o.user(), o.events());
        }
        assertThat(eventsByPerson).as("each person's events").isEqualTo(expectedByPerson);

        Map<String, List<String>> kafkaSignals = byPerson(fromKafka);
        Map<String, List<String>> fileSignals = byPerson(fromFiles);
        assertThat(fileSignals.values().stream().mapToLong(List::size).sum()).isEqualTo(cli.signals());
        assertThat(kafkaSignals).as("each person's raw signals, in order").isEqualTo(fileSignals);

        Reference.assertWroteExactly(cli, out);
        assertThat(KafkaDeadLetters.count(rejected)).isEqualTo(BAD.size());
    }

    /** Fails the job once, after a checkpoint completed and half the events passed; counts events per start. */
    static final class FailOnceAfterCheckpoint implements MapFunction<Event, Event>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger STARTS = new AtomicInteger();
        static final AtomicLong SEEN_SINCE_START = new AtomicLong();

        private final long failAfter;
        private long seen;
        private boolean started;

        FailOnceAfterCheckpoint(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public Event map(Event event) throws Exception {
            if (!started) {
                started = true;
                STARTS.incrementAndGet();
                SEEN_SINCE_START.set(0);
            }
            SEEN_SINCE_START.incrementAndGet();
            if (++seen % 200 == 0) {
                Thread.sleep(1);
            }
            if (seen >= failAfter && CHECKPOINTED.get() && !FAILED.getAndSet(true)) {
                throw new IllegalStateException("injected failure after " + seen + " events");
            }
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void aFailureMidTopicRestoresOffsetsAndHeldEventsFromTheCheckpointAndWritesEveryFindingOnce() throws Exception {
        Path out = work.resolve("out-restored");
        Path rejected = work.resolve("dead-letters-restored.csv");
        JobSettings settings = JobSettings.defaults(input);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().enableObjectReuse();
        CustosJob.Kafka topic = new CustosJob.Kafka(broker.bootstrap(), "events-2", "custos-restored", true,
                rejected);
        DataStream<Event> read = KafkaInput.events(env, topic, settings, CustosJob.KAFKA_IDLENESS)
                .map(new FailOnceAfterCheckpoint(events.size() / 2), CustosJob.EVENT_TYPE).setParallelism(1);
        CustosJob.define(read, settings, new JsonLinesSink(out));
        env.execute("custos kafka with a failure");

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the injected failure happened").isTrue();
        assertThat(FailOnceAfterCheckpoint.STARTS.get()).as("the job ran again after the failure").isEqualTo(2);
        assertThat(FailOnceAfterCheckpoint.SEEN_SINCE_START.get()).as("after the restart, only what the checkpoint "
                + "had not passed on").isPositive().isLessThan(events.size());
        Reference.assertWroteExactly(cli, out);
        assertThat(Files.readAllLines(rejected)).as("each bad message once").hasSize(BAD.size() + 1);
    }

    /** The raw signals of the job's detection stage, one line each: person, indicator, time and event ids. */
    private static DataStream<String> signals(DataStream<Event> events, JobSettings settings) {
        return events.process(new Sequencer(), Sequenced.TYPE).setParallelism(1)
                .keyBy(s -> s.event().user(), Types.STRING)
                .process(new PersonDetector(settings), Step.TYPE)
                .flatMap((Step step, Collector<String> out) -> {
                    if (step instanceof Step.SignalRaised s) {
                        out.collect(s.user() + " " + s.signal().indicator().id() + " " + s.signal().time() + " "
                                + s.signal().eventIds());
                    }
                }).returns(Types.STRING);
    }

    private static Map<String, List<String>> byPerson(CloseableIterator<String> lines) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (lines) {
            lines.forEachRemaining(l -> out.computeIfAbsent(l.substring(0, l.indexOf(' ')), u -> new ArrayList<>())
                    .add(l));
        }
        return out;
    }

}
