package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code removable-media-first-use} the first time, after the warm-up, that a person who has never used
 * removable media connects a drive.
 */
final class RemovableMediaFirstUseDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("removable-media-first-use", Category.COLLECTION,
            "A first-ever removable drive connection by someone who never used one.", 15);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.DEVICE);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount count, Person person, SignalSink sink) {
        if (((DeviceUse) event).action() != DeviceUse.Action.CONNECT) {
            return;
        }
        int today = count.add(person.today(), 1);
        if (today == 1 && count.neverBefore() && person.hasBaseline()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "first removable drive connected (on " + event.host() + ") in " + person.activeDaysBefore()
                            + " active days"));
        }
    }
}
