package org.custos.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;

/**
 * EmailRows reads {@code email.csv} rows as {@link EmailMessage} events. Recipients are {@code ;}-separated. An
 * r6.x row says {@code Send} or {@code View} (r5.x's {@code Receive} reads as {@code VIEW}) and lists attachments
 * as {@code path(size)} entries, kept as paths; an r4.2 row is a sent message with only an attachment count.
 */
final class EmailRows implements RowMapper {

    private static final EmailMessage.Action[] ACTIONS = {
        EmailMessage.Action.SEND, EmailMessage.Action.VIEW, EmailMessage.Action.VIEW};

    private final int pc;
    private final int to;
    private final int cc;
    private final int bcc;
    private final int from;
    private final int activity;
    private final int size;
    private final int attachmentList;
    private final int attachmentCount;
    private final int content;

    EmailRows(Header header) {
        pc = header.index("pc");
        to = header.index("to");
        cc = header.index("cc");
        bcc = header.index("bcc");
        from = header.index("from");
        activity = header.index("activity");
        size = header.index("size");
        content = header.index("content");
        int count = header.index("attachment_count");
        if (count < 0 && activity < 0) {
            count = header.index("attachments");
        }
        attachmentCount = count;
        attachmentList = count < 0 ? header.index("attachments") : -1;
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        int action = activity < 0 ? 0 : row.choice(activity, "Send", "View", "Receive");
        long bytes = row.number(size);
        int count = attachmentCount < 0 ? 0 : row.count(attachmentCount);
        row.verify();
        return new EmailMessage(id, time, user, row.name(pc), row.list(to), row.list(cc), row.list(bcc),
                row.text(from), ACTIONS[action], bytes, attachmentPaths(row.list(attachmentList)), count,
                row.text(content));
    }

    /** The attachment entries without their trailing {@code (size)}. */
    static List<String> attachmentPaths(List<String> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        List<String> paths = new ArrayList<>(entries.size());
        for (String entry : entries) {
            paths.add(withoutSize(entry));
        }
        return paths;
    }

    private static String withoutSize(String entry) {
        int open = entry.lastIndexOf('(');
        if (open <= 0 || !entry.endsWith(")") || open == entry.length() - 2) {
            return entry;
        }
        for (int i = open + 1; i < entry.length() - 1; i++) {
            if (!Character.isDigit(entry.charAt(i))) {
                return entry;
            }
        }
        return entry.substring(0, open).trim();
    }
}
