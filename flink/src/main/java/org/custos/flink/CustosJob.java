package org.custos.flink;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.core.event.Event;

/**
 * CustosJob defines the Custos detectors as an Apache Flink job: events from a source, through the organization-wide
 * {@link Sequencer} (parallelism 1), the {@link PersonDetector} keyed by person (the job's parallelism), and the
 * organization-wide {@link ScoringOperator} (parallelism 1), to a sink of {@link Finding}s. For the same input its
 * alerts, daily scores and people's results equal those of {@code custos analyze}, at any parallelism (see
 * {@code docs/adr/0004-flink-job.md}).
 */
public final class CustosJob {

    /** How long a Kafka partition may be silent before the watermark moves on without it. */
    static final java.time.Duration KAFKA_IDLENESS = java.time.Duration.ofMinutes(1);

    /** The Flink type of events. */
    static final SerializerType<Event> EVENT_TYPE = new SerializerType<>(Event.class, EventSerializer.INSTANCE);

    /** Where the job's events come from. */
    public sealed interface Input {
    }

    /**
     * An input directory in any layout {@code custos analyze} reads, read once (a bounded job).
     *
     * @param directory the directory
     * @param deadLetters where rows that cannot be read go; null to drop them
     */
    public record Directory(Path directory, Path deadLetters) implements Input {
        /** Checks the directory is given. */
        public Directory {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /**
     * A Kafka topic of JSON-lines events in Custos' format ({@link EventJson}).
     *
     * @param bootstrapServers the brokers, {@code host:port,...}
     * @param topic the topic
     * @param groupId the consumer group
     * @param bounded true to stop at the offsets that are latest when the job starts (a replay), false to run on
     * @param deadLetters the CSV file where messages that are not events go ({@link KafkaDeadLetters}); null to only
     *     log and count them
     * @param properties further Kafka consumer properties (TLS, SASL, tuning; see {@link KafkaClientConfig}), none
     *     of the keys Custos owns ({@link KafkaClientConfig#OWNED}); their values may be secrets and are never
     *     printed ({@link #toString()} shows the keys only)
     */
    public record Kafka(String bootstrapServers, String topic, String groupId, boolean bounded, Path deadLetters,
            Map<String, String> properties) implements Input {
        /** Checks every field but the dead-letter file is given and the properties leave Custos' keys alone. */
        public Kafka {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(groupId, "groupId");
            properties = properties == null ? Map.of() : Map.copyOf(properties);
            List<String> problems = KafkaClientConfig.problems(properties, "Kafka properties");
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        /** A topic read with no client properties beyond the brokers and the group (a PLAINTEXT listener). */
        public Kafka(String bootstrapServers, String topic, String groupId, boolean bounded, Path deadLetters) {
            this(bootstrapServers, topic, groupId, bounded, deadLetters, Map.of());
        }

        /** A topic whose rejected messages are only logged and counted. */
        public Kafka(String bootstrapServers, String topic, String groupId, boolean bounded) {
            this(bootstrapServers, topic, groupId, bounded, null);
        }

        /** The same topic with rejected messages going to {@code file}. */
        public Kafka withDeadLetters(Path file) {
            return new Kafka(bootstrapServers, topic, groupId, bounded, file, properties);
        }

        /** The input with the property values hidden. */
        @Override
        public String toString() {
            return "Kafka[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", groupId=" + groupId
                    + ", bounded=" + bounded + ", deadLetters=" + deadLetters + ", properties="
                    + KafkaClientConfig.describe(properties) + "]";
        }
    }

    private CustosJob() {
    }

    /** Adds the job, from {@code input} to {@code sink}, to an environment. */
    public static void define(StreamExecutionEnvironment env, Input input, JobSettings settings,
            Sink<Finding> sink) {
        env.getConfig().enableObjectReuse();
        WatermarkStrategy<Event> watermarks = watermarks(settings);
        DataStream<Event> events;
        if (input instanceof Directory d) {
            events = env.fromSource(new DirectorySource(d.directory(), d.deadLetters()), watermarks, "directory",
                    EVENT_TYPE).setParallelism(1).uid("custos-directory-source");
        } else {
            // a partition with no traffic must not hold back scoring for everyone
            events = KafkaInput.events(env, (Kafka) input, settings, KAFKA_IDLENESS);
        }
        define(events, settings, sink);
    }

    /** The job from a stream of events that already carries event-time timestamps and watermarks. */
    public static void define(DataStream<Event> events, JobSettings settings, Sink<Finding> sink) {
        events.process(new Sequencer(), Sequenced.TYPE).setParallelism(1).uid("custos-sequencer").name("sequencer")
                .keyBy(s -> s.event().user(), org.apache.flink.api.common.typeinfo.Types.STRING)
                .process(new PersonDetector(settings), Step.TYPE).uid("custos-person-detector").name("detectors")
                .transform("scoring", Finding.TYPE, new ScoringOperator(settings)).setParallelism(1)
                .uid("custos-scoring")
                .sinkTo(sink).setParallelism(1).uid("custos-sink").name("findings");
    }

    /** Event time from each event, allowing the settings' out-of-orderness. */
    public static WatermarkStrategy<Event> watermarks(JobSettings settings) {
        return WatermarkStrategy.<Event>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((event, previous) -> event.time().toEpochMilli());
    }
}
