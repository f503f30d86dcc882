package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.Event;

/** BadgeRows reads Custos' {@code badge.csv} rows ({@code In}/{@code Out}) as {@link BadgeSwipe} events at a site. */
final class BadgeRows implements RowMapper {

    private static final BadgeSwipe.Direction[] DIRECTIONS = {BadgeSwipe.Direction.IN, BadgeSwipe.Direction.OUT};

    private final int site;
    private final int door;
    private final int direction;

    BadgeRows(Header header) {
        site = header.index("site");
        door = header.index("door");
        direction = header.index("direction");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        int way = row.choice(direction, "In", "Out");
        row.verify();
        return new BadgeSwipe(id, time, user, row.name(site), row.name(door), DIRECTIONS[way]);
    }
}
