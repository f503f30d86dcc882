package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.Event;
import org.custos.core.event.WebVisit;

/**
 * WebRows reads {@code http.csv} rows as {@link WebVisit} events: r6.x rows say {@code WWW Visit},
 * {@code WWW Download} or {@code WWW Upload}; r4.2 rows are visits.
 */
final class WebRows implements RowMapper {

    private static final WebVisit.Action[] ACTIONS = {
        WebVisit.Action.VISIT, WebVisit.Action.DOWNLOAD, WebVisit.Action.UPLOAD};

    private final int pc;
    private final int url;
    private final int activity;
    private final int content;

    WebRows(Header header) {
        pc = header.index("pc");
        url = header.index("url");
        activity = header.index("activity");
        content = header.index("content");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        String address = row.required(url);
        int action = activity < 0 ? 0 : row.choice(activity, "WWW Visit", "WWW Download", "WWW Upload");
        row.verify();
        return new WebVisit(id, time, user, row.name(pc), address, ACTIONS[action], row.text(content));
    }
}
