package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.PrintJob;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code print-volume-spike} when the pages a person prints today are far above their usual daily volume,
 * or reach 30 pages for someone who never printed.
 */
final class PrintVolumeSpikeDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("print-volume-spike", Category.COLLECTION,
            "Printed pages far above the person's usual daily volume.", 8);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.PRINT);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount pages, Person person, SignalSink sink) {
        int printed = ((PrintJob) event).pages();
        if (printed == 0) {
            return;
        }
        pages.add(person.today(), printed);
        RateCheck.Outcome outcome = RateCheck.check(pages, person, printed, "pages printed", 30, 20, true);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why()));
        }
    }
}
