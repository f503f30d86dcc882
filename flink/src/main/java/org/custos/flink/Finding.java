package org.custos.flink;

import java.io.Serializable;
import java.time.LocalDate;
import org.custos.core.alert.Alert;
import org.custos.core.risk.RiskScore;

/**
 * A Finding is what the job writes to its sink: an alert, a person's end-of-day score, a person's result at the end
 * of the input, or the run's summary. Each has a key, unique per run, so a sink can write it idempotently: writing
 * the same finding twice (after a restore from a checkpoint) leaves one copy.
 */
public sealed interface Finding extends Serializable {

    /** The Flink type of findings. */
    SerializerType<Finding> TYPE = JavaSerialType.of(Finding.class);

    /** The key that identifies this finding within a run. */
    String key();

    /**
     * An alert raised.
     *
     * @param alert the alert (its id is the key)
     */
    record AlertRaised(Alert alert) implements Finding {
        @Override
        public String key() {
            return "alert/" + alert.id();
        }
    }

    /**
     * A person's score at the end of a local day.
     *
     * @param user the person
     * @param day the local day
     * @param score the score, 0-100
     * @param movers the indicators that fired that day, joined by ", ", or null
     */
    record DailyScore(String user, LocalDate day, double score, String movers) implements Finding {
        @Override
        public String key() {
            return "day/" + user + "/" + day;
        }
    }

    /**
     * A person's result at the end of the input.
     *
     * @param rank the person's place, 1 for the highest peak score (ties by user id)
     * @param user the person
     * @param events the number of their events analyzed
     * @param peak their highest score with its contributions
     */
    record PersonResult(int rank, String user, long events, RiskScore peak) implements Finding {
        @Override
        public String key() {
            return "person/" + user;
        }
    }

    /**
     * What the whole run analyzed, at the end of the input.
     *
     * @param people the number of people with at least one event
     * @param events the number of events analyzed (duplicates excluded)
     * @param signals the number of signals scored
     * @param outOfOrder events older than their person's latest one
     * @param duplicates events skipped as repeats of one of their person's recent events
     * @param unlistedPeople people with events in no directory snapshot
     * @param heldBackAlerts threshold crossings not alerted because the alert budget's allowance was spent
     * @param alerts the number of alerts raised
     */
    record Summary(long people, long events, long signals, long outOfOrder, long duplicates, long unlistedPeople,
            long heldBackAlerts, long alerts) implements Finding {
        @Override
        public String key() {
            return "summary";
        }
    }
}
