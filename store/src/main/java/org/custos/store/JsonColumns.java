package org.custos.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.Event;
import org.custos.core.risk.Contribution;

/** JsonColumns writes and reads the store's JSON-valued text columns: string lists, contributions, frozen events. */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    static String strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return write(a);
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        read(json).forEach(n -> out.add(n.asText()));
        return out;
    }

    static String contributions(List<Contribution> contributions) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Contribution c : contributions) {
            ObjectNode o = a.addObject();
            o.put("indicator", c.indicator());
            o.put("category", c.category());
            o.put("points", c.points());
            ArrayNode ids = o.putArray("events");
            c.eventIds().forEach(ids::add);
            o.put("eventCount", c.eventCount());
            o.put("first", c.first() == null ? null : c.first().toString());
            o.put("last", c.last() == null ? null : c.last().toString());
            o.put("explanation", c.explanation());
        }
        return write(a);
    }

    static List<Contribution> contributions(String json) {
        List<Contribution> out = new ArrayList<>();
        for (JsonNode o : read(json)) {
            List<String> ids = new ArrayList<>();
            o.get("events").forEach(n -> ids.add(n.asText()));
            out.add(new Contribution(o.get("indicator").asText(), o.get("category").asText(),
                    o.get("points").asDouble(), ids, o.get("eventCount").asInt(), instant(o.get("first")),
                    instant(o.get("last")), o.get("explanation").isNull() ? null : o.get("explanation").asText()));
        }
        return out;
    }

    /**
     * The canonical JSON of frozen events: an array, in the given order, of objects with {@code id}, {@code time}
     * (ISO-8601), {@code user}, {@code host}, {@code kind} and {@code detail} (the stored encoding), keys in that
     * order, no white space, UTF-8.
     */
    static byte[] canonicalEvents(List<Event> events) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Event e : events) {
            ObjectNode o = a.addObject();
            o.put("id", e.id());
            o.put("time", e.time().toString());
            o.put("user", e.user());
            o.put("host", e.host());
            o.put("kind", e.kind().label());
            o.put("detail", EventCodec.detail(e));
        }
        try {
            return MAPPER.writeValueAsBytes(a);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write events as JSON", ex);
        }
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Reason.FAILED, "stored JSON is unreadable: " + e.getOriginalMessage());
        }
    }
}
