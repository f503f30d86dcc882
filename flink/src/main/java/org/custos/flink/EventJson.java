package org.custos.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.text.OneLine;

/**
 * EventJson is Custos' event format on a message bus: one JSON object per event, with {@code "kind"} (an
 * {@link EventKind} label: {@code logon}, {@code device}, {@code file}, {@code email}, {@code http}, {@code print},
 * {@code badge}, {@code custody}, {@code personnel}) and one field per component of the kind's core record, named as
 * the component: {@code id}, {@code time} (ISO-8601 instant), {@code user}, {@code host}, then the kind's own
 * fields; enum values by name ({@code "LOGON"}), lists as arrays of strings. See {@code docs/flink.md}.
 *
 * <p>Reading checks the whole object and reports every problem at once, one per field, in one
 * {@link IllegalArgumentException} message.
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> BY_LABEL = new HashMap<>();
    private static final Map<Class<?>, String> LABELS = new HashMap<>();
    private static final Map<Class<?>, Shape> SHAPES = new HashMap<>();

    /* A kind's record components and canonical constructor, looked up once: reflection per message is slow. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor) {
    }

    static {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            String label = labelOf(type);
            BY_LABEL.put(label, type);
            LABELS.put(type, label);
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                SHAPES.put(type, new Shape(components, type.getDeclaredConstructor(types)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private EventJson() {
    }

    private static String labelOf(Class<?> type) {
        for (EventKind kind : EventKind.values()) {
            String simple = type.getSimpleName().toLowerCase(Locale.ROOT);
            if (simple.startsWith(kind.label()) || (kind == EventKind.HTTP && simple.equals("webvisit"))
                    || (kind == EventKind.BADGE && simple.equals("badgeswipe"))) {
                return kind.label();
            }
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The JSON line (without the line break) of an event. */
    public static String write(Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", LABELS.get(event.getClass()));
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                node.putNull(c.getName());
            } else if (value instanceof List<?> list) {
                ArrayNode array = node.putArray(c.getName());
                list.forEach(v -> array.add(String.valueOf(v)));
            } else if (value instanceof Number || value instanceof Boolean) {
                node.set(c.getName(), JSON.valueToTree(value));
            } else if (value instanceof Enum<?> e) {
                node.put(c.getName(), e.name());
            } else {
                node.put(c.getName(), value.toString());
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one JSON line into an event.
     *
     * @throws IllegalArgumentException naming every missing or malformed field
     */
    public static Event read(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new IllegalArgumentException("field 'kind': missing; expected one of " + BY_LABEL.keySet());
        }
        Class<?> type = BY_LABEL.get(kindNode.asText());
        if (type == null) {
            throw new IllegalArgumentException("field 'kind': unknown '" + OneLine.shown(kindNode.asText())
                    + "'; expected one of " + BY_LABEL.keySet());
        }
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        Object[] args = new Object[components.length];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i], node.get(components[i].getName()), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(OneLine.shown(kindNode.asText() + ": " + String.join("; ", problems)));
        }
        try {
            return (Event) shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(OneLine.shown(kindNode.asText() + ": " + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(RecordComponent c, JsonNode v, List<String> problems) {
        String name = c.getName();
        Class<?> t = c.getType();
        if (v == null || v.isNull()) {
            if (t.isPrimitive()) {
                problems.add("field '" + name + "': missing");
                return t == boolean.class ? Boolean.FALSE : t == double.class ? 0.0 : t == long.class ? 0L : 0;
            }
            problems.add("field '" + name + "': missing");
            return null;
        }
        if (t == String.class) {
            if (!v.isTextual()) {
                problems.add("field '" + name + "': expected a string, got " + v.getNodeType());
            }
            return v.asText();
        } else if (t == Instant.class) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                problems.add("field '" + name + "': expected an ISO-8601 instant such as 2010-01-04T08:15:00Z, got '"
                        + v.asText() + "'");
                return null;
            }
        } else if (t == long.class || t == int.class) {
            if (!v.isIntegralNumber() || (t == int.class ? !v.canConvertToInt() : !v.canConvertToLong())) {
                problems.add("field '" + name + "': expected an integer, got '" + v.asText() + "'");
                return t == long.class ? (Object) 0L : (Object) 0;
            }
            return t == long.class ? (Object) v.asLong() : (Object) v.asInt();
        } else if (t == double.class) {
            if (!v.isNumber()) {
                problems.add("field '" + name + "': expected a number, got '" + v.asText() + "'");
                return 0.0;
            }
            return v.asDouble();
        } else if (t == boolean.class) {
            if (!v.isBoolean()) {
                problems.add("field '" + name + "': expected true or false, got '" + v.asText() + "'");
                return false;
            }
            return v.asBoolean();
        } else if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(v.asText())) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (Object constant : t.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            problems.add("field '" + name + "': unknown '" + v.asText() + "'; expected one of " + names);
            return null;
        } else if (t == List.class) {
            if (!v.isArray()) {
                problems.add("field '" + name + "': expected an array of strings");
                return List.of();
            }
            List<String> list = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    problems.add("field '" + name + "': expected strings only, got " + e.getNodeType());
                }
                list.add(e.asText());
            }
            return list;
        }
        problems.add("field '" + name + "': unsupported type " + t.getSimpleName());
        return null;
    }
}
