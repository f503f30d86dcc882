package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.WebVisit;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code leak-site} for every upload to a leak or whistle-blowing publication site, and for visits and
 * downloads there at 40 % weight (sources without an activity column only record visits).
 */
final class LeakSiteDetector implements Detector<Void> {

    static final Indicator INDICATOR = new Indicator("leak-site", Category.EXFILTRATION,
            "Uploading to (or visiting) a leak publication site.", 30);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.HTTP);
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public void observe(Event event, Void state, Person person, SignalSink sink) {
        WebVisit visit = (WebVisit) event;
        if (!person.org().vocabulary().isLeakSite(person.org().domainOf(visit), visit.url())) {
            return;
        }
        boolean upload = visit.action() == WebVisit.Action.UPLOAD;
        sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * (upload ? 1.0 : 0.4),
                List.of(event.id()), (upload ? "uploaded to " : "visited ") + visit.url()));
    }
}
