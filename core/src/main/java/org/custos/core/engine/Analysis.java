package org.custos.core.engine;

import java.util.List;
import org.custos.core.alert.Alert;

/**
 * An Analysis is the outcome of running the engine over a stream: every person seen, ranked by peak risk, and
 * the alerts raised in event-time order.
 *
 * @param people every person with at least one event, highest peak score first
 * @param alerts the alerts, oldest first
 * @param events the number of events analyzed
 * @param signals the number of signals raised
 * @param outOfOrder the number of events older than the latest event already seen for the same person
 * @param unlistedPeople the number of people with events who appear in no directory snapshot (their baselines have
 *     no peer group and departures cannot be known for them)
 * @param duplicates the number of events skipped because they repeated one of their person's recent events
 * @param heldBackAlerts the number of threshold crossings not alerted because the alert budget's allowance was spent
 */
public record Analysis(List<PersonOutcome> people, List<Alert> alerts, long events, long signals, long outOfOrder,
        long unlistedPeople, long duplicates, long heldBackAlerts) {

    /** Copies the lists. */
    public Analysis {
        people = List.copyOf(people);
        alerts = List.copyOf(alerts);
    }
}
