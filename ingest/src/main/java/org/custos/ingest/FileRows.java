package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;

/**
 * FileRows reads {@code file.csv} rows as {@link FileActivity} events. An r6.x row names its activity and its
 * removable-media flags; an r4.2 row has neither, and every r4.2 row records a copy to removable media, so it
 * becomes {@code COPY} with {@code toRemovable} true.
 */
final class FileRows implements RowMapper {

    private static final FileActivity.Action[] ACTIONS = {
        FileActivity.Action.OPEN, FileActivity.Action.WRITE, FileActivity.Action.COPY, FileActivity.Action.DELETE};

    private final int pc;
    private final int filename;
    private final int activity;
    private final int toRemovable;
    private final int fromRemovable;
    private final int content;

    FileRows(Header header) {
        pc = header.index("pc");
        filename = header.index("filename");
        activity = header.index("activity");
        toRemovable = header.index("to_removable_media");
        fromRemovable = header.index("from_removable_media");
        content = header.index("content");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        String path = row.required(filename);
        if (activity < 0) {
            row.verify();
            return new FileActivity(id, time, user, row.name(pc), path, FileActivity.Action.COPY, true, false,
                    row.text(content));
        }
        int action = row.choice(activity, "File Open", "File Write", "File Copy", "File Delete");
        boolean to = row.flag(toRemovable);
        boolean from = row.flag(fromRemovable);
        row.verify();
        return new FileActivity(id, time, user, row.name(pc), path, ACTIONS[action], to, from, row.text(content));
    }
}
