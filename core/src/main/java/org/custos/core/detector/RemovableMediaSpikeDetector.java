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
 * Raises {@code removable-media-spike} when a person who uses removable drives connects them far more often today
 * than on their usual days (see {@link RateCheck}); first-ever use is {@code removable-media-first-use}'s.
 */
final class RemovableMediaSpikeDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("removable-media-spike", Category.COLLECTION,
            "Removable drive connections far above the person's usual daily rate.", 12);

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
        count.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(count, person, 1, "removable-drive connections", 1, 3, false);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why()));
        }
    }
}
