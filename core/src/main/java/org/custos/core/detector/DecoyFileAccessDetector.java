package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.FileActivity;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code decoy-file-access} whenever a person touches a decoy file: a honeypot document that no one has a
 * reason to open.
 */
final class DecoyFileAccessDetector implements Detector<Void> {

    static final Indicator INDICATOR = new Indicator("decoy-file-access", Category.COLLECTION,
            "Opening, copying or writing a decoy (honeypot) file.", 25);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.FILE);
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public void observe(Event event, Void state, Person person, SignalSink sink) {
        FileActivity file = (FileActivity) event;
        if (person.org().isDecoy(file.path())) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "decoy file " + file.path() + " (" + file.action().name().toLowerCase(java.util.Locale.ROOT)
                            + " on " + file.host() + ")"));
        }
    }
}
