package org.custos.core.event;

import java.time.Instant;

/**
 * An Event is one observed action of one person at one instant on one host, as read from a source.
 *
 * <p>Every event has a stable id (the source's own id where it has one), the instant it happened,
 * the person ({@code user}, the account id) and the host (a PC, a door, a location). The kinds form a
 * closed set so that detectors can switch over them exhaustively.
 */
public sealed interface Event
        permits Logon, DeviceUse, FileActivity, EmailMessage, WebVisit, PrintJob, BadgeSwipe,
                CustodyMove, PersonnelChange {

    /** The stable id of this event, unique within its source. */
    String id();

    /** The instant the event happened (event time, never processing time). */
    Instant time();

    /** The account id of the person who acted. */
    String user();

    /** The host the event happened on: a PC, a door, a location; empty when the source has none. */
    String host();

    /** The kind of this event. */
    EventKind kind();
}
