package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;

/** LogonRows reads {@code logon.csv} rows ({@code Logon}/{@code Logoff}) as {@link Logon} events; never remote. */
final class LogonRows implements RowMapper {

    private static final Logon.Action[] ACTIONS = {Logon.Action.LOGON, Logon.Action.LOGOFF};

    private final int pc;
    private final int activity;

    LogonRows(Header header) {
        pc = header.index("pc");
        activity = header.index("activity");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        int action = row.choice(activity, "Logon", "Logoff");
        row.verify();
        return new Logon(id, time, user, row.name(pc), ACTIONS[action], false);
    }
}
