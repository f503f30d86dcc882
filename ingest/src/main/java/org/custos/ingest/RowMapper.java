package org.custos.ingest;

import org.custos.core.event.Event;

/** A RowMapper turns one well-shaped row of an activity file into an event, or rejects it with the reason. */
interface RowMapper {

    /** The event the row describes; throws naming every bad field. */
    Event map(Row row) throws RejectedRow;
}
