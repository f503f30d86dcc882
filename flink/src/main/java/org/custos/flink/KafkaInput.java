package org.custos.flink;

import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.custos.core.event.Event;

/**
 * KafkaInput is the Kafka end of the job: a source over every partition of a topic at the job's parallelism,
 * event-time watermarks per partition, a split of what it reads into the events and the rejected messages, which go
 * to the dead-letter file ({@link KafkaDeadLetters}) when the input names one and are counted in the metric
 * {@value #REJECTED_METRIC} in any case, and the events of all partitions put into event-time order
 * ({@link EventTimeOrder}) for the sequencer.
 */
final class KafkaInput {

    /** The metric (a counter per source subtask) of messages that are not events. */
    static final String REJECTED_METRIC = "custosRejectedMessages";

    private static final OutputTag<KafkaMessage.Rejected> REJECTED =
            new OutputTag<>("rejected", JavaSerialType.of(KafkaMessage.Rejected.class));

    private KafkaInput() {
    }

    /**
     * Adds the source (and the dead-letter sink) to {@code env} and returns the events, with event-time timestamps
     * and watermarks allowing the settings' out-of-orderness; a partition silent for {@code idleness} stops holding
     * the watermark back.
     */
    static DataStream<Event> events(StreamExecutionEnvironment env, CustosJob.Kafka kafka, JobSettings settings,
            java.time.Duration idleness) {
        WatermarkStrategy<KafkaMessage> watermarks = WatermarkStrategy
                .<KafkaMessage>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((message, previous) -> message instanceof KafkaMessage.Read r
                        ? r.event().time().toEpochMilli() : Long.MIN_VALUE)
                .withIdleness(idleness);
        SingleOutputStreamOperator<KafkaMessage> read = env.fromSource(source(kafka), watermarks, "kafka",
                        KafkaMessage.TYPE).uid("custos-kafka-source")
                .process(new Split(), KafkaMessage.TYPE).uid("custos-kafka-split").name("kafka-events");
        if (kafka.deadLetters() != null) {
            read.getSideOutput(REJECTED).sinkTo(new KafkaDeadLetters(kafka.deadLetters())).setParallelism(1)
                    .uid("custos-kafka-dead-letters").name("kafka-dead-letters");
        }
        return read.transform("event-time order", CustosJob.EVENT_TYPE, new EventTimeOrder()).setParallelism(1)
                .uid("custos-kafka-event-time-order");
    }

    private static KafkaSource<KafkaMessage> source(CustosJob.Kafka kafka) {
        Properties client = new Properties();
        client.putAll(kafka.properties());
        // the user's properties first, so that Custos' own settings (KafkaClientConfig.OWNED) are the ones in force
        KafkaSourceBuilder<KafkaMessage> builder = KafkaSource.<KafkaMessage>builder()
                .setProperties(client)
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.topic())
                .setGroupId(kafka.groupId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new EventJsonSchema());
        if (kafka.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Passes events on and rejected messages to the side output, counting them. */
    private static final class Split extends ProcessFunction<KafkaMessage, KafkaMessage> {
        private static final long serialVersionUID = 1L;
        private transient Counter rejected;

        @Override
        public void open(OpenContext context) {
            rejected = getRuntimeContext().getMetricGroup().counter(REJECTED_METRIC);
        }

        @Override
        public void processElement(KafkaMessage message, Context ctx, Collector<KafkaMessage> out) {
            if (message instanceof KafkaMessage.Read) {
                out.collect(message);
            } else if (message instanceof KafkaMessage.Rejected r) {
                rejected.inc();
                ctx.output(REJECTED, r);
            }
        }
    }
}
