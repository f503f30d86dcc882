package org.custos.core.detector;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Logon;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code other-pc-logon} the first time a person logs on to a machine that belongs to someone else (a host
 * another account uses far more than anyone, learned from logons). Logging on to one's supervisor's machine
 * weighs half again. The weight falls with each other person's machine already used, so administrators and people
 * who roam between machines by role settle quickly; after 64 other people's machines it raises nothing more.
 */
final class OtherPcLogonDetector implements Detector<OtherPcLogonDetector.State> {

    static final Indicator INDICATOR = new Indicator("other-pc-logon", Category.ACCESS,
            "A first logon to a machine that belongs to someone else.", 10);
    private static final int MAX_REMEMBERED = 64;

    /** Hashes of the other people's hosts already used (bounded), and how many there were. */
    static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int[] hosts = new int[4];
        int size;
        int distinct;

        boolean addHost(String host) {
            int h = host.hashCode();
            for (int i = 0; i < size; i++) {
                if (hosts[i] == h) {
                    return false;
                }
            }
            if (size == MAX_REMEMBERED) {
                return false;
            }
            distinct++;
            if (size == hosts.length) {
                hosts = Arrays.copyOf(hosts, size * 2);
            }
            hosts[size++] = h;
            return true;
        }
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
        String owner = person.org().hosts().owner(logon.host());
        if (owner == null || owner.equals(person.user())) {
            return;
        }
        int before = state.distinct;
        if (!state.addHost(logon.host()) || !person.hasBaseline()) {
            return;
        }
        boolean supervisor = person.org().organization().supervisorOn(person.user(), person.date())
                .map(owner::equals).orElse(false);
        double factor = (supervisor ? 1.5 : 1.0) / (1 + before / 3.0);
        sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * factor, List.of(event.id()),
                "first logon to " + logon.host() + ", the machine of " + (supervisor ? "their supervisor " : "")
                        + owner + "; " + before + " other people's machines used before"));
    }
}
