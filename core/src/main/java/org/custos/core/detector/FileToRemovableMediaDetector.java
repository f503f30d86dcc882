package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.FileActivity;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code file-to-removable-media} when the files a person writes or copies to removable media today are a
 * first ever (after the warm-up) or far above their usual daily count.
 */
final class FileToRemovableMediaDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("file-to-removable-media", Category.EXFILTRATION,
            "Files copied to removable media, new or far above the person's usual.", 10);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.FILE);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount count, Person person, SignalSink sink) {
        FileActivity file = (FileActivity) event;
        if (!file.toRemovable() || file.action() == FileActivity.Action.DELETE) {
            return;
        }
        count.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(count, person, 1, "files copied to removable media", 1, 5, true);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why() + "; e.g. " + file.path()));
        }
    }
}
