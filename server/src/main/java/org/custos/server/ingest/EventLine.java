package org.custos.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;
import org.custos.server.web.Json;

/**
 * EventLine is Custos' own event format as one JSON object per line: the common fields {@code kind}, {@code id},
 * {@code time} (ISO-8601 instant), {@code user}, {@code host}, then the fields of the kind, named as in the core
 * event records, enum values in lower case with '-' for '_' (docs/api.md lists them).
 */
public final class EventLine {

    /** A line that is not a valid event: what is wrong, naming the field. */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    private EventLine() {
    }

    /** The event a line holds; a BadLine naming the field when it holds none. */
    public static Event parse(String line) throws BadLine {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            // a limit such as the nesting depth is broken with no location (found by fuzzing: 1,001 '[')
            throw new BadLine("malformed JSON" + (e.getLocation() == null ? "" : " at column "
                    + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("expected a JSON object");
        }
        String kind = text(node, "kind", true);
        String id = text(node, "id", true);
        String user = text(node, "user", true);
        String host = text(node, "host", false);
        Instant time;
        try {
            time = Instant.parse(text(node, "time", true));
        } catch (DateTimeParseException e) {
            throw new BadLine("field 'time': expected an ISO-8601 instant such as 2010-01-02T06:49:00Z, got '"
                    + cut(node.get("time").asText()) + "'");
        }
        try {
            return switch (kind) {
                case "logon" -> new Logon(id, time, user, host, e(Logon.Action.class, node, "action", true),
                        bool(node, "remote"));
                case "device" -> new DeviceUse(id, time, user, host, e(DeviceUse.Action.class, node, "action", true),
                        text(node, "fileTree", false));
                case "file" -> new FileActivity(id, time, user, host, text(node, "path", true),
                        e(FileActivity.Action.class, node, "action", true), bool(node, "toRemovable"),
                        bool(node, "fromRemovable"), text(node, "content", false));
                case "email" -> {
                    List<String> attachments = list(node, "attachments");
                    yield new EmailMessage(id, time, user, host, list(node, "to"), list(node, "cc"),
                            list(node, "bcc"), text(node, "from", false),
                            e(EmailMessage.Action.class, node, "action", true), number(node, "size"), attachments,
                            node.has("attachmentCount") ? (int) number(node, "attachmentCount") : attachments.size(),
                            text(node, "content", false));
                }
                case "http" -> new WebVisit(id, time, user, host, text(node, "url", true),
                        e(WebVisit.Action.class, node, "action", true), text(node, "content", false));
                case "print" -> new PrintJob(id, time, user, host, text(node, "printer", false),
                        text(node, "document", false), (int) number(node, "pages"));
                case "badge" -> new BadgeSwipe(id, time, user, host, text(node, "door", true),
                        e(BadgeSwipe.Direction.class, node, "direction", true));
                case "custody" -> new CustodyMove(id, time, user, host, text(node, "serial", true),
                        text(node, "item", false), e(CustodyMove.Action.class, node, "action", true));
                case "personnel" -> new PersonnelChange(id, time, user, host,
                        e(PersonnelChange.Kind.class, node, "change", true), text(node, "details", false));
                default -> throw new BadLine("field 'kind': expected one of logon, device, file, email, http, print, "
                        + "badge, custody, personnel; got '" + cut(kind) + "'");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadLine("invalid " + kind + " event: " + e.getMessage());
        }
    }

    /** The event as one line of the format (no line break). */
    public static String write(Event event) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", event.kind().label());
        n.put("id", event.id());
        n.put("time", event.time().toString());
        n.put("user", event.user());
        n.put("host", event.host() == null ? "" : event.host());
        if (event instanceof Logon l) {
            n.put("action", name(l.action()));
            n.put("remote", l.remote());
        } else if (event instanceof DeviceUse d) {
            n.put("action", name(d.action()));
            n.put("fileTree", d.fileTree());
        } else if (event instanceof FileActivity f) {
            n.put("path", f.path());
            n.put("action", name(f.action()));
            n.put("toRemovable", f.toRemovable());
            n.put("fromRemovable", f.fromRemovable());
            n.put("content", f.content());
        } else if (event instanceof EmailMessage m) {
            array(n, "to", m.to());
            array(n, "cc", m.cc());
            array(n, "bcc", m.bcc());
            n.put("from", m.from());
            n.put("action", name(m.action()));
            n.put("size", m.size());
            array(n, "attachments", m.attachments());
            n.put("attachmentCount", m.attachmentCount());
            n.put("content", m.content());
        } else if (event instanceof WebVisit w) {
            n.put("url", w.url());
            n.put("action", name(w.action()));
            n.put("content", w.content());
        } else if (event instanceof PrintJob p) {
            n.put("printer", p.printer());
            n.put("document", p.document());
            n.put("pages", p.pages());
        } else if (event instanceof BadgeSwipe b) {
            n.put("door", b.door());
            n.put("direction", name(b.direction()));
        } else if (event instanceof CustodyMove c) {
            n.put("serial", c.serial());
            n.put("item", c.item());
            n.put("action", name(c.action()));
        } else if (event instanceof PersonnelChange p) {
            n.put("change", name(p.change()));
            n.put("details", p.details());
        }
        return n.toString();
    }

    private static void array(ObjectNode n, String field, List<String> values) {
        ArrayNode a = n.putArray(field);
        if (values != null) {
            values.forEach(a::add);
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String text(JsonNode node, String field, boolean required) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadLine("field '" + field + "' is required");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new BadLine("field '" + field + "' must be a string");
        }
        if (required && v.asText().isEmpty()) {
            throw new BadLine("field '" + field + "' must not be empty");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadLine("field '" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static long number(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new BadLine("field '" + field + "' must be a whole number >= 0");
        }
        return v.asLong();
    }

    private static List<String> list(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadLine("field '" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (!item.isTextual()) {
                throw new BadLine("field '" + field + "' must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E e(Class<E> type, JsonNode node, String field, boolean required)
            throws BadLine {
        String v = text(node, field, required);
        for (E c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(v.replace('-', '_'))) {
                return c;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E c : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(name(c));
        }
        throw new BadLine("field '" + field + "': expected one of " + allowed + "; got '" + cut(v) + "'");
    }
}
