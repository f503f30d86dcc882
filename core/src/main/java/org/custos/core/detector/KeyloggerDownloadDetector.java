package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.FileActivity;
import org.custos.core.event.WebVisit;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code keylogger-download} when a person downloads or browses keystroke-logging tools, or handles a file
 * named like one. A download weighs fully, a page visit or a file 60 %. At most once a day.
 */
final class KeyloggerDownloadDetector implements Detector<KeyloggerDownloadDetector.State> {

    static final Indicator INDICATOR = new Indicator("keylogger-download", Category.CONCERNING_BEHAVIOUR,
            "Downloading or handling keystroke-logging tools.", 25);

    /** The last day the indicator was raised. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long lastDay = Long.MIN_VALUE;
    }

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.HTTP, EventKind.FILE);
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public void observe(Event event, State state, Person person, SignalSink sink) {
        if (state.lastDay == person.today()) {
            return;
        }
        Vocabulary words = person.org().vocabulary();
        double factor;
        String what;
        if (event instanceof WebVisit visit) {
            if (!words.mentionsKeylogger(visit.url(), visit.content())) {
                return;
            }
            factor = visit.action() == WebVisit.Action.DOWNLOAD ? 1.0 : 0.6;
            what = (visit.action() == WebVisit.Action.DOWNLOAD ? "downloaded from " : "visited ") + visit.url();
        } else {
            FileActivity file = (FileActivity) event;
            if (!words.mentionsKeylogger(file.path(), "")) {
                return;
            }
            factor = 0.6;
            what = "handled file " + file.path();
        }
        state.lastDay = person.today();
        sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * factor,
                List.of(event.id()), "keystroke-logging tool: " + what));
    }
}
