package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.Event;
import org.custos.core.event.PersonnelChange;

/**
 * PersonnelRows reads Custos' {@code personnel.csv} rows as {@link PersonnelChange} events; the event column holds
 * a feed name of {@link PersonnelChange.Kind} ({@code hire}, {@code court-defaulter}, ...). They have no host.
 */
final class PersonnelRows implements RowMapper {

    private final int event;
    private final int details;

    PersonnelRows(Header header) {
        event = header.index("event");
        details = header.index("details");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        PersonnelChange.Kind kind = null;
        try {
            kind = PersonnelChange.Kind.ofFeedName(row.text(event));
        } catch (IllegalArgumentException e) {
            row.note(event, e.getMessage());
        }
        row.verify();
        return new PersonnelChange(id, time, user, "", kind, row.text(details));
    }
}
