package org.custos.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;

/**
 * OcsfMapping turns Open Cybersecurity Schema Framework (OCSF 1.x) event records into Custos events and back:
 * File System Activity (1001, with Mount/Unmount as removable-device use), Authentication (3002), HTTP Activity
 * (4002) and Email Activity (4009). The table of fields is in docs/input-formats.md, "OCSF".
 */
public final class OcsfMapping {

    /** The OCSF schema version written into {@code metadata.version}. */
    public static final String VERSION = "1.3.0";

    static final int FILE_SYSTEM = 1001;
    static final int AUTHENTICATION = 3002;
    static final int NETWORK = 4001;
    static final int HTTP = 4002;
    static final int EMAIL = 4009;

    private OcsfMapping() {
    }

    /** The Custos event an OCSF record describes, or why it describes none. */
    public static Event read(JsonNode r) throws MappingException {
        if (!r.isObject()) {
            throw new MappingException("not a JSON object");
        }
        long classUid = Fields.number(r, "class_uid", -1);
        if (classUid < 0) {
            throw new MappingException("class_uid: missing; not an OCSF event");
        }
        long activity = Fields.number(r, "activity_id", -1);
        if (activity < 0) {
            throw new MappingException("activity_id: missing");
        }
        String id = Fields.required(r, "metadata.uid");
        long millis = Fields.number(r, "time", Long.MIN_VALUE);
        if (millis == Long.MIN_VALUE) {
            throw new MappingException("time: missing");
        }
        Instant time = Instant.ofEpochMilli(millis);
        String content = Fields.text(r, "unmapped.content", "");
        switch ((int) classUid) {
            case FILE_SYSTEM -> {
                String user = Fields.required(r, "actor.user.name");
                String host = Fields.text(r, "device.hostname", "");
                if (activity == 12 || activity == 13) {
                    return new DeviceUse(id, time, user, host, activity == 12 ? DeviceUse.Action.CONNECT
                            : DeviceUse.Action.DISCONNECT, Fields.text(r, "unmapped.file_tree",
                                    Fields.text(r, "file.path", "")));
                }
                FileActivity.Action action = switch ((int) activity) {
                    case 2, 14 -> FileActivity.Action.OPEN;
                    case 1, 3 -> FileActivity.Action.WRITE;
                    case 4 -> FileActivity.Action.DELETE;
                    case 99 -> {
                        if (!Fields.text(r, "activity_name", "").equalsIgnoreCase("copy")) {
                            throw new MappingException("activity_name: '" + Fields.shorten(Fields.text(r,
                                    "activity_name", "")) + "' with activity_id 99 is not Copy");
                        }
                        yield FileActivity.Action.COPY;
                    }
                    default -> throw new MappingException("activity_id: " + activity + " of File System Activity is"
                            + " not one of 1 Create, 2 Read, 3 Update, 4 Delete, 12 Mount, 13 Unmount, 14 Open, 99 "
                            + "Copy");
                };
                return new FileActivity(id, time, user, host, Fields.required(r, "file.path"), action,
                        Fields.flag(r, "unmapped.to_removable_media", false),
                        Fields.flag(r, "unmapped.from_removable_media", false), content);
            }
            case AUTHENTICATION -> {
                if (activity != 1 && activity != 2) {
                    throw new MappingException("activity_id: " + activity + " of Authentication is not 1 Logon or 2 "
                            + "Logoff");
                }
                return new Logon(id, time, Fields.required(r, "user.name", "actor.user.name"),
                        Fields.text(r, "dst_endpoint.hostname", Fields.text(r, "device.hostname", "")),
                        activity == 1 ? Logon.Action.LOGON : Logon.Action.LOGOFF, Fields.flag(r, "is_remote", false));
            }
            case HTTP -> {
                WebVisit.Action action = switch ((int) activity) {
                    case 3 -> Fields.at(r, "file").isObject() ? WebVisit.Action.DOWNLOAD : WebVisit.Action.VISIT;
                    case 6, 7 -> WebVisit.Action.UPLOAD;
                    default -> throw new MappingException("activity_id: " + activity + " of HTTP Activity is not one"
                            + " of 3 Get, 6 Post, 7 Put");
                };
                return new WebVisit(id, time, Fields.required(r, "actor.user.name"),
                        Fields.text(r, "src_endpoint.hostname", Fields.text(r, "device.hostname", "")),
                        Fields.required(r, "http_request.url.url_string"), action, content);
            }
            case EMAIL -> {
                if (activity != 1 && activity != 2) {
                    throw new MappingException("activity_id: " + activity + " of Email Activity is not 1 Send or 2 "
                            + "Receive");
                }
                long size = Fields.number(r, "email.size", 0);
                if (size < 0) {
                    throw new MappingException("email.size: " + size + " is below 0");
                }
                List<String> attachments = Fields.strings(r, "unmapped.attachments", null);
                int count = (int) Fields.number(r, "unmapped.attachment_count", attachments.size());
                return new EmailMessage(id, time, Fields.required(r, "actor.user.name"),
                        Fields.text(r, "device.hostname", ""), Fields.strings(r, "email.to", null),
                        Fields.strings(r, "email.cc", null), Fields.strings(r, "email.bcc", null),
                        Fields.text(r, "email.from", ""), activity == 1 ? EmailMessage.Action.SEND
                                : EmailMessage.Action.VIEW, size, attachments, count, content);
            }
            case NETWORK -> throw MappingException.unsupported("class_uid 4001 (Network Activity)", "class_uid: 4001 "
                    + "Network Activity has no Custos event (only HTTP Activity 4002 is read)");
            default -> throw MappingException.unsupported("class_uid " + classUid, "class_uid: " + classUid + " is "
                    + "not one Custos reads (1001 File System, 3002 Authentication, 4002 HTTP, 4009 Email)");
        }
    }

    /** The OCSF record of a Custos event; only the kinds {@link #read} reads can be written. */
    public static ObjectNode write(Event event) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        int classUid;
        int activity;
        String activityName;
        if (event instanceof FileActivity f) {
            classUid = FILE_SYSTEM;
            switch (f.action()) {
                case OPEN -> {
                    activity = 14;
                    activityName = "Open";
                }
                case WRITE -> {
                    activity = 3;
                    activityName = "Update";
                }
                case DELETE -> {
                    activity = 4;
                    activityName = "Delete";
                }
                default -> {
                    activity = 99;
                    activityName = "Copy";
                }
            }
            Fields.put(r, "file.path", f.path());
            Fields.put(r, "file.name", f.path().substring(Math.max(f.path().lastIndexOf('\\'),
                    f.path().lastIndexOf('/')) + 1));
            Fields.put(r, "unmapped.to_removable_media", JsonNodeFactory.instance.booleanNode(f.toRemovable()));
            Fields.put(r, "unmapped.from_removable_media",
                    JsonNodeFactory.instance.booleanNode(f.fromRemovable()));
            content(r, f.content());
        } else if (event instanceof DeviceUse d) {
            classUid = FILE_SYSTEM;
            activity = d.action() == DeviceUse.Action.CONNECT ? 12 : 13;
            activityName = d.action() == DeviceUse.Action.CONNECT ? "Mount" : "Unmount";
            Fields.put(r, "file.path", d.fileTree().split(";", -1)[0]);
            Fields.put(r, "file.name", "");
            Fields.put(r, "unmapped.file_tree", d.fileTree());
        } else if (event instanceof Logon l) {
            classUid = AUTHENTICATION;
            activity = l.action() == Logon.Action.LOGON ? 1 : 2;
            activityName = l.action() == Logon.Action.LOGON ? "Logon" : "Logoff";
            Fields.put(r, "user.name", l.user());
            Fields.put(r, "dst_endpoint.hostname", l.host());
            r.put("is_remote", l.remote());
        } else if (event instanceof WebVisit w) {
            classUid = HTTP;
            activity = w.action() == WebVisit.Action.UPLOAD ? 6 : 3;
            activityName = w.action() == WebVisit.Action.UPLOAD ? "Post" : "Get";
            Fields.put(r, "http_request.url.url_string", w.url());
            Fields.put(r, "http_request.http_method", w.action() == WebVisit.Action.UPLOAD ? "POST" : "GET");
            if (w.action() == WebVisit.Action.DOWNLOAD) {
                Fields.put(r, "file.name", w.url().substring(w.url().lastIndexOf('/') + 1));
            }
            Fields.put(r, "src_endpoint.hostname", w.host());
            content(r, w.content());
        } else if (event instanceof EmailMessage m) {
            classUid = EMAIL;
            activity = m.action() == EmailMessage.Action.SEND ? 1 : 2;
            activityName = m.action() == EmailMessage.Action.SEND ? "Send" : "Receive";
            Fields.put(r, "email.from", m.from());
            Fields.put(r, "email.to", Fields.array(m.to()));
            Fields.put(r, "email.cc", Fields.array(m.cc()));
            Fields.put(r, "email.bcc", Fields.array(m.bcc()));
            Fields.put(r, "email.size", JsonNodeFactory.instance.numberNode(m.size()));
            Fields.put(r, "unmapped.attachments", Fields.array(m.attachments()));
            Fields.put(r, "unmapped.attachment_count", JsonNodeFactory.instance.numberNode(m.attachmentCount()));
            content(r, m.content());
        } else {
            throw new IllegalArgumentException("no OCSF class for a " + event.kind().label() + " event");
        }
        r.put("class_uid", classUid);
        r.put("category_uid", classUid / 1000);
        r.put("activity_id", activity);
        r.put("activity_name", activityName);
        r.put("type_uid", classUid * 100L + activity);
        r.put("severity_id", 1);
        r.put("time", event.time().toEpochMilli());
        Fields.put(r, "metadata.uid", event.id());
        Fields.put(r, "metadata.version", VERSION);
        Fields.put(r, "metadata.product.name", "Custos");
        if (!(event instanceof Logon)) {
            Fields.put(r, "actor.user.name", event.user());
            Fields.put(r, "device.hostname", event.host());
        }
        return r;
    }

    private static void content(ObjectNode r, String content) {
        if (!content.isEmpty()) {
            Fields.put(r, "unmapped.content", content);
        }
    }
}
