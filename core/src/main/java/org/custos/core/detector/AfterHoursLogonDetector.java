package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Logon;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code after-hours-logon} when a person logs on outside working hours (or on a weekend) and that is
 * unusual for them: the first time ever after the warm-up (full weight and a half), or on a day when after-hours
 * logons have been rarer than one day in twenty (weight falling as they become more usual). People who habitually
 * work late never raise it. At most once a day.
 */
final class AfterHoursLogonDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("after-hours-logon", Category.CONCERNING_BEHAVIOUR,
            "A logon outside working hours by someone who rarely or never works then.", 8);
    private static final double USUAL_RATE = 0.05;

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.LOGON);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount afterHours, Person person, SignalSink sink) {
        Logon logon = (Logon) event;
        if (logon.action() != Logon.Action.LOGON || !person.org().hours().isAfterHours(event.time())) {
            return;
        }
        int today = afterHours.add(person.today(), 1);
        if (today != 1 || !person.hasBaseline()) {
            return;
        }
        int days = person.activeDaysBefore();
        String when = person.local(event.time()).toString().replace('T', ' ');
        if (afterHours.neverBefore()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * 1.5,
                    List.of(event.id()), "first after-hours logon (" + when + ") in " + days + " active days"));
            return;
        }
        double rate = afterHours.dayRate(days);
        if (rate < USUAL_RATE) {
            double factor = Math.max(0.3, 1 - rate / USUAL_RATE);
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * factor,
                    List.of(event.id()), String.format(java.util.Locale.ROOT, "after-hours logon (%s); only %d of %d past active days had one",
                            when, afterHours.daysWithCount(), days)));
        }
    }
}
