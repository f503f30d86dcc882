package org.custos.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.custos.core.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventJsonSchema reads Kafka message values in Custos' JSON event format ({@link EventJson}). A message that is not
 * a valid event is logged with its reason (the first {@value #LOGGED} of each reader) and skipped: one bad message
 * never stops the job.
 */
final class EventJsonSchema implements DeserializationSchema<Event> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventJsonSchema.class);
    static final int LOGGED = 100;

    private transient long rejected;

    @Override
    public Event deserialize(byte[] message) {
        try {
            return EventJson.read(new String(message, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            if (rejected++ < LOGGED) {
                LOG.warn("Kafka message rejected ({} so far): {}", rejected, e.getMessage());
            }
            return null;
        }
    }

    @Override
    public boolean isEndOfStream(Event next) {
        return false;
    }

    @Override
    public TypeInformation<Event> getProducedType() {
        return CustosJob.EVENT_TYPE;
    }
}
