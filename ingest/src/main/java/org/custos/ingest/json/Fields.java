package org.custos.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Fields reads and writes dotted paths ({@code actor.user.name}) of JSON records, with one-line failures. */
final class Fields {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");

    private Fields() {
    }

    /** The node at a dotted path, or a missing node. */
    static JsonNode at(JsonNode record, String path) {
        JsonNode node = record;
        int start = 0;
        while (start <= path.length()) {
            int dot = path.indexOf('.', start);
            String name = path.substring(start, dot < 0 ? path.length() : dot);
            node = node.path(name);
            if (node.isMissingNode() && dot >= 0 && record.has(path)) {
                return record.get(path);
            }
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (node.isMissingNode() && record.has(path)) {
            return record.get(path);
        }
        return node;
    }

    /** The text at a path, or {@code fallback} when absent or null. */
    static String text(JsonNode record, String path, String fallback) {
        JsonNode node = at(record, path);
        return node.isMissingNode() || node.isNull() ? fallback : node.asText();
    }

    /** The non-empty text at the first of the paths that has one. */
    static String required(JsonNode record, String... paths) throws MappingException {
        for (String path : paths) {
            String value = text(record, path, "");
            if (!value.isEmpty()) {
                return value;
            }
        }
        throw new MappingException(String.join(" or ", paths) + ": missing or empty");
    }

    /** The whole number at a path, or {@code fallback} when absent. */
    static long number(JsonNode record, String path, long fallback) throws MappingException {
        JsonNode node = at(record, path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            if (node.isTextual() && WHOLE_NUMBER.matcher(node.asText()).matches()) {
                try {
                    return Long.parseLong(node.asText());
                } catch (NumberFormatException e) {
                    throw new MappingException(path + ": '" + shorten(node.asText()) + "' is out of range");
                }
            }
            throw new MappingException(path + ": '" + shorten(node.toString()) + "' is not a whole number");
        }
        return node.asLong();
    }

    /** The boolean at a path ({@code true}/{@code false}, also as text), or {@code fallback} when absent. */
    static boolean flag(JsonNode record, String path, boolean fallback) throws MappingException {
        JsonNode node = at(record, path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw new MappingException(path + ": '" + shorten(node.toString()) + "' is not true or false");
    }

    /** The strings at a path: an array of strings (or of objects with {@code key}), or one string. */
    static List<String> strings(JsonNode record, String path, String key) {
        JsonNode node = at(record, path);
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                String value = key != null && item.isObject() ? item.path(key).asText("") : item.asText("");
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        } else if (node.isTextual() && !node.asText().isEmpty()) {
            values.add(node.asText());
        }
        return values;
    }

    /** An instant from an ISO-8601 text at a path. */
    static Instant isoTime(JsonNode record, String path) throws MappingException {
        String value = required(record, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new MappingException(path + ": '" + shorten(value) + "' is not an ISO-8601 time");
            }
        }
    }

    /** Sets a dotted path in an object, creating the objects on the way. */
    static void put(ObjectNode record, String path, JsonNode value) {
        ObjectNode node = record;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** Sets a dotted path to a string. */
    static void put(ObjectNode record, String path, String value) {
        put(record, path, JsonNodeFactory.instance.textNode(value));
    }

    /** An array node of strings. */
    static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A value cut to 60 characters for messages. */
    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
