package org.custos.core.detector;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.Organization.UnitDepartures;

/**
 * Raises {@code unit-departures} when many of a person's colleagues have just left or are about to: at least 3
 * people and 30 % of their team, or at least 5 people and 15 % of their department, listed in the previous month's
 * directory snapshot and in none of this month's (checked at the person's first logon of each month), or whose
 * last listed month ends within {@value #SOON_DAYS} days (checked at their first logon of each day; in a batch run
 * the directory tells this ahead, as it does for the departure window). Layoffs or an exodus are a pressure on those
 * who stay; this is how the directory alone shows them when no personnel feed reports the layoff. Raised at most
 * once every 90 days. A stressor: context, never a verdict.
 */
final class UnitDeparturesDetector implements Detector<UnitDeparturesDetector.State> {

    static final Indicator INDICATOR = new Indicator("unit-departures", Category.STRESSOR,
            "Many of the person's team or department left last month or leave within six weeks (layoffs, an exodus).",
            6);
    static final int TEAM_MIN = 3;
    static final double TEAM_SHARE = 0.30;
    static final int DEPARTMENT_MIN = 5;
    static final double DEPARTMENT_SHARE = 0.15;
    static final int QUIET_DAYS = 90;
    static final int SOON_DAYS = 45;

    /** The month last checked and the day last raised. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 2L;
        long checkedMonth = Long.MIN_VALUE;
        long checkedDay = Long.MIN_VALUE;
        long raisedDay = Long.MIN_VALUE;
    }

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.LOGON);
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public void observe(Event event, State state, Person person, SignalSink sink) {
        if (state.checkedDay == person.today()) {
            return;
        }
        state.checkedDay = person.today();
        YearMonth month = YearMonth.from(person.date());
        long monthIndex = month.getYear() * 12L + month.getMonthValue();
        boolean newMonth = state.checkedMonth != monthIndex;
        state.checkedMonth = monthIndex;
        if (state.raisedDay != Long.MIN_VALUE && person.today() - state.raisedDay < QUIET_DAYS) {
            return;
        }
        var org = person.org().organization();
        if (newMonth && raise(org.departuresBefore(person.user(), month), event, state, person, sink,
                " left before " + month + " (directory snapshots)")) {
            return;
        }
        raise(org.departuresWithin(person.user(), person.date(), SOON_DAYS), event, state, person, sink,
                " leave within " + SOON_DAYS + " days of " + person.date() + " (their last month in the directory)");
    }

    private static boolean raise(List<UnitDepartures> units, Event event, State state, Person person,
            SignalSink sink, String when) {
        for (UnitDepartures d : units) {
            boolean team = d.level().equals("team");
            int min = team ? TEAM_MIN : DEPARTMENT_MIN;
            double share = team ? TEAM_SHARE : DEPARTMENT_SHARE;
            if (d.left() >= min && d.left() >= share * d.members()) {
                state.raisedDay = person.today();
                sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(),
                        List.of(event.id()), d.left() + " of " + d.members() + " people in the person's " + d.level()
                                + " (" + d.unit() + ")" + when));
                return true;
            }
        }
        return false;
    }
}
