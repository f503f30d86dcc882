package org.custos.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.custos.core.event.Event;

/**
 * A KafkaMessage is one message of a Kafka topic of events as the source read it: an event, or a message that is
 * not one, with its place in the topic and the reason.
 */
sealed interface KafkaMessage {

    /** The Flink type of messages, with a compact serializer. */
    SerializerType<KafkaMessage> TYPE = new SerializerType<>(KafkaMessage.class, new Serializer());

    /**
     * A message that is a valid event.
     *
     * @param event the event
     * @param partition the partition it was read from
     * @param offset its offset in the partition
     */
    record Read(Event event, int partition, long offset) implements KafkaMessage {
    }

    /**
     * A message that is not a valid event.
     *
     * @param topic the topic
     * @param partition the partition
     * @param offset its offset in the partition
     * @param reason why it was rejected, naming every bad field
     * @param raw its value as text (invalid UTF-8 replaced), empty for a message without a value
     */
    record Rejected(String topic, int partition, long offset, String reason, String raw)
            implements KafkaMessage, java.io.Serializable {

        /** Where it came from, as Kafka names a partition: {@code TOPIC-PARTITION}. */
        String source() {
            return topic + "-" + partition;
        }
    }

    /** Writes a tag byte, then the event or the rejected message's fields. */
    final class Serializer extends ImmutableSerializer<KafkaMessage> {

        private static final long serialVersionUID = 1L;

        /** This serializer's own event serializer: reading keeps a buffer, so it serves one thread. */
        private final EventSerializer events = EventSerializer.INSTANCE.duplicate();

        @Override
        public TypeSerializer<KafkaMessage> duplicate() {
            return new Serializer();
        }

        @Override
        public void serialize(KafkaMessage message, DataOutputView out) throws IOException {
            if (message instanceof Read r) {
                out.writeByte(0);
                events.serialize(r.event(), out);
                out.writeInt(r.partition());
                out.writeLong(r.offset());
            } else if (message instanceof Rejected r) {
                out.writeByte(1);
                StringValue.writeString(r.topic(), out);
                out.writeInt(r.partition());
                out.writeLong(r.offset());
                StringValue.writeString(r.reason(), out);
                StringValue.writeString(r.raw(), out);
            }
        }

        @Override
        public KafkaMessage deserialize(DataInputView in) throws IOException {
            byte tag = in.readByte();
            if (tag == 0) {
                return new Read(events.deserialize(in), in.readInt(), in.readLong());
            } else if (tag == 1) {
                return new Rejected(StringValue.readString(in), in.readInt(), in.readLong(),
                        StringValue.readString(in), StringValue.readString(in));
            }
            throw new IOException("not a Kafka message: tag " + tag);
        }

        @Override
        public TypeSerializerSnapshot<KafkaMessage> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The snapshot of the serializer, which has no configuration. */
    final class Snapshot extends SimpleTypeSerializerSnapshot<KafkaMessage> {

        /** For restoring. */
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
