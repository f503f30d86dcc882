package org.custos.flink;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventJsonSchema reads Kafka messages in Custos' JSON event format ({@link EventJson}) into {@link KafkaMessage}s:
 * a valid event, or a rejected message with its topic, partition, offset and every reason it is not one (not UTF-8,
 * no value, not JSON, a missing or malformed field). A bad message never stops the job and is never dropped
 * unseen: the job sends it to the dead letters and logs the first {@value #LOGGED} of each reader.
 */
final class EventJsonSchema implements KafkaRecordDeserializationSchema<KafkaMessage> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventJsonSchema.class);
    static final int LOGGED = 100;

    private transient long rejected;
    private transient CharsetDecoder utf8;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaMessage> out) {
        out.collect(read(record.topic(), record.partition(), record.offset(), record.value()));
    }

    /** Reads one message value, from the given place in a topic, into an event or a rejection. */
    KafkaMessage read(String topic, int partition, long offset, byte[] value) {
        String reason;
        if (value == null) {
            reason = "no value (a tombstone); expected a JSON event";
        } else {
            if (utf8 == null) {
                utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            try {
                String text = utf8.decode(ByteBuffer.wrap(value)).toString();
                return new KafkaMessage.Read(EventJson.read(text), partition, offset);
            } catch (CharacterCodingException e) {
                reason = "not UTF-8 text";
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
        }
        String raw = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        KafkaMessage.Rejected r = new KafkaMessage.Rejected(topic, partition, offset, reason, raw);
        if (rejected++ < LOGGED) {
            LOG.warn("Kafka message {} offset {} rejected ({} so far by this reader): {}", r.source(), offset,
                    rejected, reason);
        }
        return r;
    }

    @Override
    public TypeInformation<KafkaMessage> getProducedType() {
        return KafkaMessage.TYPE;
    }
}
