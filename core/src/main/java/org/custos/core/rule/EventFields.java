package org.custos.core.rule;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;

/**
 * EventFields names the fields of each event kind that a detection rule may test, and reads them from an event as
 * text (several values for lists such as recipients). Names are matched ignoring case. docs/sigma.md has the table,
 * with the Sigma taxonomy names that map to each.
 */
public final class EventFields {

    private static final Map<String, Function<Event, List<String>>> COMMON = Map.of(
            "user", e -> List.of(e.user()),
            "host", e -> List.of(e.host()),
            "id", e -> List.of(e.id()));

    private static final Map<EventKind, Map<String, Function<Event, List<String>>>> BY_KIND = Map.of(
            EventKind.LOGON, Map.of(
                    "action", e -> List.of(((Logon) e).action().name()),
                    "remote", e -> List.of(Boolean.toString(((Logon) e).remote()))),
            EventKind.DEVICE, Map.of(
                    "action", e -> List.of(((DeviceUse) e).action().name()),
                    "file_tree", e -> List.of(((DeviceUse) e).fileTree())),
            EventKind.FILE, Map.of(
                    "path", e -> List.of(((FileActivity) e).path()),
                    "action", e -> List.of(((FileActivity) e).action().name()),
                    "to_removable", e -> List.of(Boolean.toString(((FileActivity) e).toRemovable())),
                    "from_removable", e -> List.of(Boolean.toString(((FileActivity) e).fromRemovable())),
                    "content", e -> List.of(((FileActivity) e).content())),
            EventKind.HTTP, Map.of(
                    "url", e -> List.of(((WebVisit) e).url()),
                    "domain", e -> List.of(((WebVisit) e).domain()),
                    "action", e -> List.of(((WebVisit) e).action().name()),
                    "content", e -> List.of(((WebVisit) e).content())),
            EventKind.EMAIL, Map.of(
                    "from", e -> List.of(((EmailMessage) e).from()),
                    "recipient", e -> ((EmailMessage) e).recipients(),
                    "attachment", e -> ((EmailMessage) e).attachments(),
                    "attachment_count", e -> List.of(Integer.toString(((EmailMessage) e).attachmentCount())),
                    "size", e -> List.of(Long.toString(((EmailMessage) e).size())),
                    "action", e -> List.of(((EmailMessage) e).action().name()),
                    "content", e -> List.of(((EmailMessage) e).content())),
            EventKind.PRINT, Map.of(
                    "printer", e -> List.of(((PrintJob) e).printer()),
                    "document", e -> List.of(((PrintJob) e).document()),
                    "pages", e -> List.of(Integer.toString(((PrintJob) e).pages()))),
            EventKind.BADGE, Map.of(
                    "door", e -> List.of(((BadgeSwipe) e).door()),
                    "direction", e -> List.of(((BadgeSwipe) e).direction().name())));

    private EventFields() {
    }

    /** The reader of a field of a kind, by its Custos name in any case; empty when the kind has no such field. */
    public static Optional<Function<Event, List<String>>> field(EventKind kind, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Function<Event, List<String>> common = COMMON.get(key);
        if (common != null) {
            return Optional.of(common);
        }
        return Optional.ofNullable(BY_KIND.getOrDefault(kind, Map.of()).get(key));
    }

    /** The names of a kind's fields, sorted. */
    public static Set<String> names(EventKind kind) {
        Set<String> names = new TreeSet<>(COMMON.keySet());
        names.addAll(BY_KIND.getOrDefault(kind, Map.of()).keySet());
        return names;
    }
}
