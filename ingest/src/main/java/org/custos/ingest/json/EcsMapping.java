package org.custos.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;

/**
 * EcsMapping turns Elastic Common Schema (ECS 8.x) event documents into Custos events and back, by
 * {@code event.category}: {@code authentication}, {@code file}, {@code web}, {@code email}, and {@code host} for
 * removable devices. Values ECS has no field for travel in {@code labels}. The table of fields is in
 * docs/input-formats.md, "ECS".
 */
public final class EcsMapping {

    private EcsMapping() {
    }

    /** The Custos event an ECS document describes, or why it describes none. */
    public static Event read(JsonNode r) throws MappingException {
        if (!r.isObject()) {
            throw new MappingException("not a JSON object");
        }
        Instant time = Fields.isoTime(r, "@timestamp");
        String id = Fields.required(r, "event.id");
        String user = Fields.required(r, "user.name");
        String host = Fields.text(r, "host.name", "");
        List<String> categories = Fields.strings(r, "event.category", null);
        List<String> types = Fields.strings(r, "event.type", null);
        String action = Fields.text(r, "event.action", "").toLowerCase(Locale.ROOT);
        String content = Fields.text(r, "labels.content", "");
        if (categories.contains("authentication") || categories.contains("session")) {
            boolean start = types.contains("start") || action.equals("logged-in") || action.equals("logon");
            boolean end = types.contains("end") || action.equals("logged-out") || action.equals("logoff");
            if (start == end) {
                throw new MappingException("event.type: expected start (logon) or end (logoff), found " + types);
            }
            return new Logon(id, time, user, host, start ? Logon.Action.LOGON : Logon.Action.LOGOFF,
                    Fields.flag(r, "labels.remote", false));
        }
        if (categories.contains("file")) {
            FileActivity.Action fileAction;
            if (action.equals("copy") || action.equals("file-copy")) {
                fileAction = FileActivity.Action.COPY;
            } else if (types.contains("deletion")) {
                fileAction = FileActivity.Action.DELETE;
            } else if (types.contains("creation") || types.contains("change")) {
                fileAction = FileActivity.Action.WRITE;
            } else if (types.contains("access")) {
                fileAction = FileActivity.Action.OPEN;
            } else {
                throw new MappingException("event.type: " + types + " of a file event is not access, creation, "
                        + "change or deletion (or event.action copy)");
            }
            return new FileActivity(id, time, user, host, Fields.required(r, "file.path"), fileAction,
                    Fields.flag(r, "labels.to_removable_media", false),
                    Fields.flag(r, "labels.from_removable_media", false), content);
        }
        if (categories.contains("web") || (categories.contains("network") && !Fields.text(r, "url.full", "")
                .isEmpty())) {
            String method = Fields.text(r, "http.request.method", "GET").toUpperCase(Locale.ROOT);
            WebVisit.Action webAction = action.equals("download") || action.equals("file-download")
                    ? WebVisit.Action.DOWNLOAD
                    : method.equals("POST") || method.equals("PUT") ? WebVisit.Action.UPLOAD : WebVisit.Action.VISIT;
            return new WebVisit(id, time, user, host, Fields.required(r, "url.full"), webAction, content);
        }
        if (categories.contains("email")) {
            EmailMessage.Action mail = switch (action) {
                case "send", "sent", "email-sent" -> EmailMessage.Action.SEND;
                case "receive", "received", "view", "email-received" -> EmailMessage.Action.VIEW;
                default -> throw new MappingException("event.action: '" + Fields.shorten(action) + "' of an email "
                        + "event is not send or receive");
            };
            List<String> from = Fields.strings(r, "email.from.address", null);
            long size = Fields.number(r, "labels.size", 0);
            if (size < 0) {
                throw new MappingException("labels.size: " + size + " is below 0");
            }
            List<String> attachments = attachmentNames(Fields.at(r, "email.attachments"));
            return new EmailMessage(id, time, user, host, Fields.strings(r, "email.to.address", null),
                    Fields.strings(r, "email.cc.address", null), Fields.strings(r, "email.bcc.address", null),
                    from.isEmpty() ? "" : from.get(0), mail, size, attachments,
                    (int) Fields.number(r, "labels.attachment_count", attachments.size()), content);
        }
        if (categories.contains("host") || categories.contains("driver")) {
            DeviceUse.Action device = switch (action) {
                case "device-connected", "connected", "mount" -> DeviceUse.Action.CONNECT;
                case "device-disconnected", "disconnected", "unmount" -> DeviceUse.Action.DISCONNECT;
                default -> throw new MappingException("event.action: '" + Fields.shorten(action) + "' of a host "
                        + "event is not device-connected or device-disconnected");
            };
            return new DeviceUse(id, time, user, host, device, Fields.text(r, "labels.file_tree", ""));
        }
        throw MappingException.unsupported("event.category " + categories, "event.category: " + categories
                + " has no Custos event (expected authentication, file, web, email or host)");
    }

    private static List<String> attachmentNames(JsonNode attachments) {
        List<String> names = new java.util.ArrayList<>();
        if (attachments.isArray()) {
            for (JsonNode a : attachments) {
                String name = a.path("file").path("name").asText("");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The ECS document of a Custos event; only the kinds {@link #read} reads can be written. */
    public static ObjectNode write(Event event) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        r.put("@timestamp", event.time().toString());
        Fields.put(r, "event.id", event.id());
        Fields.put(r, "event.kind", "event");
        Fields.put(r, "user.name", event.user());
        Fields.put(r, "host.name", event.host());
        Fields.put(r, "ecs.version", "8.11.0");
        if (event instanceof Logon l) {
            Fields.put(r, "event.category", Fields.array(List.of("authentication")));
            Fields.put(r, "event.type", Fields.array(List.of(l.action() == Logon.Action.LOGON ? "start" : "end")));
            Fields.put(r, "event.action", l.action() == Logon.Action.LOGON ? "logged-in" : "logged-out");
            Fields.put(r, "labels.remote", Boolean.toString(l.remote()));
        } else if (event instanceof FileActivity a) {
            Fields.put(r, "event.category", Fields.array(List.of("file")));
            String type = switch (a.action()) {
                case OPEN -> "access";
                case WRITE -> "change";
                case DELETE -> "deletion";
                case COPY -> "creation";
            };
            Fields.put(r, "event.type", Fields.array(List.of(type)));
            if (a.action() == FileActivity.Action.COPY) {
                Fields.put(r, "event.action", "copy");
            }
            Fields.put(r, "file.path", a.path());
            Fields.put(r, "labels.to_removable_media", Boolean.toString(a.toRemovable()));
            Fields.put(r, "labels.from_removable_media", Boolean.toString(a.fromRemovable()));
            content(r, a.content());
        } else if (event instanceof WebVisit w) {
            Fields.put(r, "event.category", Fields.array(List.of("web")));
            Fields.put(r, "url.full", w.url());
            Fields.put(r, "http.request.method", w.action() == WebVisit.Action.UPLOAD ? "POST" : "GET");
            if (w.action() == WebVisit.Action.DOWNLOAD) {
                Fields.put(r, "event.action", "download");
            }
            content(r, w.content());
        } else if (event instanceof EmailMessage m) {
            Fields.put(r, "event.category", Fields.array(List.of("email")));
            Fields.put(r, "event.action", m.action() == EmailMessage.Action.SEND ? "send" : "receive");
            Fields.put(r, "email.from.address", Fields.array(m.from().isEmpty() ? List.of() : List.of(m.from())));
            Fields.put(r, "email.to.address", Fields.array(m.to()));
            Fields.put(r, "email.cc.address", Fields.array(m.cc()));
            Fields.put(r, "email.bcc.address", Fields.array(m.bcc()));
            ArrayNode attachments = f.arrayNode();
            for (String name : m.attachments()) {
                attachments.addObject().putObject("file").put("name", name);
            }
            Fields.put(r, "email.attachments", attachments);
            Fields.put(r, "labels.size", Long.toString(m.size()));
            Fields.put(r, "labels.attachment_count", Integer.toString(m.attachmentCount()));
            content(r, m.content());
        } else if (event instanceof DeviceUse d) {
            Fields.put(r, "event.category", Fields.array(List.of("host")));
            Fields.put(r, "event.action", d.action() == DeviceUse.Action.CONNECT ? "device-connected"
                    : "device-disconnected");
            Fields.put(r, "labels.file_tree", d.fileTree());
        } else {
            throw new IllegalArgumentException("no ECS mapping for a " + event.kind().label() + " event");
        }
        return r;
    }

    private static void content(ObjectNode r, String content) {
        if (!content.isEmpty()) {
            Fields.put(r, "labels.content", content);
        }
    }
}
