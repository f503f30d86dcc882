package org.custos.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;

/**
 * EventCodec turns an event's kind-specific fields into one text column ({@code detail}) and back, so that one
 * narrow table holds every kind and a timeline is one range scan.
 */
final class EventCodec {

    /*
     * Fields are separated by U+001F; a list is its size followed by its items, separated by U+001D. A backslash,
     * U+001F, U+001D, U+001C and U+001E inside a value are escaped as \\, \s, \l, \c and \r, so a detail never holds
     * a raw U+001C or U+001E (the embedded store's timeline uses them as separators). Instants are stored as epoch microseconds beside
     * the detail, so sub-microsecond precision is dropped.
     */

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001d';

    private EventCodec() {
    }

    /** The kind label stored in the {@code kind} column. */
    static String kind(Event e) {
        return e.kind().label();
    }

    /** The encoded kind-specific fields of an event. */
    static String detail(Event e) {
        StringBuilder b = new StringBuilder(64);
        switch (e.kind()) {
            case LOGON -> {
                Logon l = (Logon) e;
                fields(b, l.action().name(), bool(l.remote()));
            }
            case DEVICE -> {
                DeviceUse d = (DeviceUse) e;
                fields(b, d.action().name(), d.fileTree());
            }
            case FILE -> {
                FileActivity f = (FileActivity) e;
                fields(b, f.path(), f.action().name(), bool(f.toRemovable()), bool(f.fromRemovable()), f.content());
            }
            case EMAIL -> {
                EmailMessage m = (EmailMessage) e;
                list(b, m.to());
                b.append(FIELD);
                list(b, m.cc());
                b.append(FIELD);
                list(b, m.bcc());
                b.append(FIELD);
                fields(b, m.from(), m.action().name(), Long.toString(m.size()));
                b.append(FIELD);
                list(b, m.attachments());
                b.append(FIELD);
                fields(b, Integer.toString(m.attachmentCount()), m.content());
            }
            case HTTP -> {
                WebVisit w = (WebVisit) e;
                fields(b, w.url(), w.action().name(), w.content());
            }
            case PRINT -> {
                PrintJob p = (PrintJob) e;
                fields(b, p.printer(), p.document(), Integer.toString(p.pages()));
            }
            case BADGE -> {
                BadgeSwipe s = (BadgeSwipe) e;
                fields(b, s.door(), s.direction().name());
            }
            case CUSTODY -> {
                CustodyMove c = (CustodyMove) e;
                fields(b, c.serial(), c.item(), c.action().name());
            }
            case PERSONNEL -> {
                PersonnelChange p = (PersonnelChange) e;
                fields(b, p.change().name(), p.details());
            }
        }
        return b.toString();
    }

    /** The event with the given stored columns. */
    static Event decode(String id, long micros, String user, String host, String kind, String detail) {
        Instant time = instant(micros);
        List<String> f = split(detail);
        return switch (kindOf(kind)) {
            case LOGON -> new Logon(id, time, user, host, Logon.Action.valueOf(u(f.get(0))), u(f.get(1)).equals("1"));
            case DEVICE -> new DeviceUse(id, time, user, host, DeviceUse.Action.valueOf(u(f.get(0))), u(f.get(1)));
            case FILE -> new FileActivity(id, time, user, host, u(f.get(0)), FileActivity.Action.valueOf(u(f.get(1))),
                    u(f.get(2)).equals("1"), u(f.get(3)).equals("1"), u(f.get(4)));
            case EMAIL -> new EmailMessage(id, time, user, host, items(f.get(0)), items(f.get(1)), items(f.get(2)),
                    u(f.get(3)), EmailMessage.Action.valueOf(u(f.get(4))), Long.parseLong(u(f.get(5))), items(f.get(6)),
                    Integer.parseInt(u(f.get(7))), u(f.get(8)));
            case HTTP -> new WebVisit(id, time, user, host, u(f.get(0)), WebVisit.Action.valueOf(u(f.get(1))), u(f.get(2)));
            case PRINT -> new PrintJob(id, time, user, host, u(f.get(0)), u(f.get(1)), Integer.parseInt(u(f.get(2))));
            case BADGE -> new BadgeSwipe(id, time, user, host, u(f.get(0)), BadgeSwipe.Direction.valueOf(u(f.get(1))));
            case CUSTODY -> new CustodyMove(id, time, user, host, u(f.get(0)), u(f.get(1)),
                    CustodyMove.Action.valueOf(u(f.get(2))));
            case PERSONNEL -> new PersonnelChange(id, time, user, host, PersonnelChange.Kind.valueOf(u(f.get(0))),
                    u(f.get(1)));
        };
    }

    /** Epoch microseconds of an instant. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** The instant of epoch microseconds. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static EventKind kindOf(String label) {
        for (EventKind k : EventKind.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new StoreException(StoreException.Reason.FAILED, "stored event has unknown kind '" + label + "'");
    }

    private static String bool(boolean b) {
        return b ? "1" : "0";
    }

    private static void fields(StringBuilder b, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(FIELD);
            }
            escape(b, values[i]);
        }
    }

    private static void list(StringBuilder b, List<String> values) {
        b.append(values.size());
        for (String v : values) {
            b.append(ITEM);
            escape(b, v);
        }
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case FIELD -> b.append("\\s");
                case ITEM -> b.append("\\l");
                case '\u001c' -> b.append("\\c");
                case '\u001e' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    /** Splits on unescaped field separators; the parts stay escaped. */
    private static List<String> split(String detail) {
        List<String> out = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == FIELD) {
                out.add(detail.substring(start, i));
                start = i + 1;
            }
        }
        out.add(detail.substring(start));
        return out;
    }

    private static List<String> items(String encoded) {
        int sep = encoded.indexOf(ITEM);
        int n = Integer.parseInt(sep < 0 ? encoded : encoded.substring(0, sep));
        List<String> out = new ArrayList<>(n);
        int start = sep + 1;
        for (int i = start; n > 0 && i <= encoded.length(); i++) {
            if (i == encoded.length() || encoded.charAt(i) == ITEM) {
                out.add(unescape(encoded.substring(start, i)));
                start = i + 1;
            } else if (encoded.charAt(i) == '\\') {
                i++;
            }
        }
        return out;
    }

    private static String u(String s) {
        return unescape(s);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 's' ? FIELD : n == 'l' ? ITEM : n == 'c' ? '\u001c' : n == 'r' ? '\u001e' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
