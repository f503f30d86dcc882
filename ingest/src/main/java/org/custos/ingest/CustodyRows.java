package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;

/**
 * CustodyRows reads Custos' {@code custody.csv} rows ({@code CheckOut}, {@code CheckIn}, {@code Transfer},
 * {@code Destroy}) as {@link CustodyMove} events whose host is the location; the serial is required, and the
 * optional {@code project} column (written by {@code custos custody export}) names the item's project.
 */
final class CustodyRows implements RowMapper {

    private static final CustodyMove.Action[] ACTIONS = {
        CustodyMove.Action.CHECK_OUT, CustodyMove.Action.CHECK_IN, CustodyMove.Action.TRANSFER,
        CustodyMove.Action.DESTROY};

    private final int serial;
    private final int item;
    private final int action;
    private final int location;
    private final int project;

    CustodyRows(Header header) {
        serial = header.index("serial");
        item = header.index("item");
        action = header.index("action");
        location = header.index("location");
        project = header.index("project");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        String original = row.required(serial);
        int move = row.choice(action, "CheckOut", "CheckIn", "Transfer", "Destroy");
        row.verify();
        return new CustodyMove(id, time, user, row.name(location), original, row.text(item), ACTIONS[move],
                row.name(project));
    }
}
