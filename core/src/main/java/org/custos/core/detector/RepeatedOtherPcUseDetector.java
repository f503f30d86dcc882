package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Logon;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code repeated-other-pc-use} each day a person comes back to the same machine of someone else, from
 * the third day on, when they first used that machine after their warm-up: taking up the habit of using a
 * colleague's machine is how files are searched without leaving a trace under one's own account. A second machine
 * used since the person's first weeks is their routine and never counts; administrators who visit many machines
 * once each do not raise it; shared machines (without an owner) never count. It follows 16 machines per person;
 * when full it forgets first the least-visited machine taken up late, so a routine machine stays known.
 */
final class RepeatedOtherPcUseDetector implements Detector<RepeatedOtherPcUseDetector.State> {

    static final Indicator INDICATOR = new Indicator("repeated-other-pc-use", Category.ACCESS,
            "Coming back again and again to the same machine of someone else.", 8);
    static final int FIRST_DAY_RAISED = 3;
    private static final int TRACKED = 16;

    /**
     * Per tracked machine: its name's hash, the days visited, the last day visited, and whether the person first
     * used it after their warm-up.
     */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int[] hosts = new int[TRACKED];
        final int[] days = new int[TRACKED];
        final long[] lastDay = new long[TRACKED];
        final boolean[] takenUpLate = new boolean[TRACKED];
        int size;

        /**
         * Counts a visit on {@code day}; returns the number of distinct days visited (negative when the machine was
         * used since the warm-up), or 0 when the day was already counted.
         */
        int visit(String host, long day, boolean afterWarmUp) {
            int h = host.hashCode();
            for (int i = 0; i < size; i++) {
                if (hosts[i] == h) {
                    if (lastDay[i] == day) {
                        return 0;
                    }
                    lastDay[i] = day;
                    days[i]++;
                    return takenUpLate[i] ? days[i] : -days[i];
                }
            }
            int slot = size < TRACKED ? size++ : leastVisited();
            hosts[slot] = h;
            days[slot] = 1;
            lastDay[slot] = day;
            takenUpLate[slot] = afterWarmUp;
            return afterWarmUp ? 1 : -1;
        }

        private int leastVisited() {
            int min = -1;
            for (int i = 0; i < TRACKED; i++) {
                boolean better = min < 0 || takenUpLate[i] && !takenUpLate[min]
                        || takenUpLate[i] == takenUpLate[min] && days[i] < days[min];
                if (better) {
                    min = i;
                }
            }
            return min;
        }
    }

    private static String ordinalSuffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
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
        Logon logon = (Logon) event;
        if (logon.action() != Logon.Action.LOGON) {
            return;
        }
        int days = state.visit(logon.host(), person.today(), person.hasBaseline());
        if (days < FIRST_DAY_RAISED) {
            return;
        }
        String owner = person.org().hosts().owner(logon.host());
        if (owner != null && !owner.equals(person.user())) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight(), List.of(event.id()),
                    "logon to " + logon.host() + ", the machine of " + owner + ", on the " + days
                            + ordinalSuffix(days) + " different day"));
        }
    }
}
