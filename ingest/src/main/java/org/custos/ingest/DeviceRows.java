package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.Event;

/** DeviceRows reads {@code device.csv} rows ({@code Connect}/{@code Disconnect}) as {@link DeviceUse} events. */
final class DeviceRows implements RowMapper {

    private static final DeviceUse.Action[] ACTIONS = {DeviceUse.Action.CONNECT, DeviceUse.Action.DISCONNECT};

    private final int pc;
    private final int fileTree;
    private final int activity;

    DeviceRows(Header header) {
        pc = header.index("pc");
        fileTree = header.index("file_tree");
        activity = header.index("activity");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        int action = row.choice(activity, "Connect", "Disconnect");
        row.verify();
        return new DeviceUse(id, time, user, row.name(pc), ACTIONS[action], row.text(fileTree));
    }
}
