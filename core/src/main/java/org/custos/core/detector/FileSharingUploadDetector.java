package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.WebVisit;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code file-sharing-upload} when a person's uploads to cloud storage or file-transfer sites today are a
 * first ever (after the warm-up) or far above their usual.
 */
final class FileSharingUploadDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("file-sharing-upload", Category.EXFILTRATION,
            "Uploads to file-sharing sites, new or far above the person's usual.", 12);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.HTTP);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount count, Person person, SignalSink sink) {
        WebVisit visit = (WebVisit) event;
        if (visit.action() != WebVisit.Action.UPLOAD
                || !person.org().vocabulary().isFileSharing(person.org().domainOf(visit), visit.url())) {
            return;
        }
        count.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(count, person, 1, "uploads to file-sharing sites", 1, 3, true);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why() + "; e.g. " + visit.url()));
        }
    }
}
