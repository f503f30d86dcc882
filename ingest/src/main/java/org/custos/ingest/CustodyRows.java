package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;

/**
 * CustodyRows reads Custos' {@code custody.csv} rows ({@code CheckOut}, {@code CheckIn}, {@code Transfer},
 * {@code Destroy}) as {@link CustodyMove} events whose host is the location; the serial is required.
 */
final class CustodyRows implements RowMapper {

    private static final CustodyMove.Action[] ACTIONS = {
        CustodyMove.Action.CHECK_OUT, CustodyMove.Action.CHECK_IN, CustodyMove.Action.TRANSFER,
        CustodyMove.Action.DESTROY};

    private final int serial;
    private final int item;
    private final int action;
    private final int location;

    CustodyRows(Header header) {
        serial = header.index("serial");
        item = header.index("item");
        action = header.index("action");
        location = header.index("location");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        String original = row.required(serial);
        int move = row.choice(action, "CheckOut", "CheckIn", "Transfer", "Destroy");
        row.verify();
        return new CustodyMove(id, time, user, row.name(location), original, row.text(item), ACTIONS[move]);
    }
}
