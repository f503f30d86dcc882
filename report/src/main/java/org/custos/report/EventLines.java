package org.custos.report;

import java.util.Locale;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;

/**
 * EventLines says in one line what an event was, without its time or person: for case timelines (which show the
 * host in a column of its own) and, with the host, for the dashboard's person page and evidence lists.
 */
public final class EventLines {

    private EventLines() {
    }

    /** One line describing the event, without its host. */
    public static String describe(Event event) {
        return describe(event, false);
    }

    /** One line describing the event; {@code withHost} adds the machine it happened on, where it has one. */
    public static String describe(Event event, boolean withHost) {
        if (event instanceof Logon l) {
            return lower(l.action()) + (l.remote() ? " (remote)" : "") + on(withHost, l.host());
        } else if (event instanceof DeviceUse d) {
            return "removable device " + lower(d.action()) + on(withHost, d.host())
                    + (blank(d.fileTree()) ? "" : " (" + d.fileTree() + ")");
        } else if (event instanceof FileActivity f) {
            return "file " + lower(f.action()) + " " + f.path() + (f.toRemovable() ? " to removable media" : "")
                    + (f.fromRemovable() ? " from removable media" : "") + on(withHost, f.host());
        } else if (event instanceof EmailMessage m) {
            return "e-mail " + lower(m.action()) + " from " + m.from() + " to " + String.join(", ", m.to())
                    + (m.attachmentCount() > 0 ? " with " + m.attachmentCount() + " attachment(s)"
                    + (m.attachments().isEmpty() ? "" : ": " + String.join(", ", m.attachments())) : "");
        } else if (event instanceof WebVisit w) {
            return "web " + lower(w.action()) + " " + w.url();
        } else if (event instanceof PrintJob p) {
            return "printed " + p.pages() + " page(s) of " + p.document() + " on " + p.printer();
        } else if (event instanceof BadgeSwipe b) {
            return "badge " + lower(b.direction()) + " at " + b.door();
        } else if (event instanceof CustodyMove c) {
            return "custody " + lower(c.action()) + " of original " + c.serial()
                    + (blank(c.item()) ? "" : " (" + c.item() + ")");
        } else if (event instanceof PersonnelChange p) {
            return "personnel: " + lower(p.change()) + (blank(p.details()) ? "" : ": " + p.details());
        }
        throw new IllegalArgumentException("unknown event kind " + event.kind());
    }

    private static String on(boolean withHost, String host) {
        return withHost && !blank(host) ? " on " + host : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lower(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
