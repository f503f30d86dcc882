package org.custos.flink;

import java.io.Serializable;
import org.custos.core.detector.Signal;

/**
 * A Step is what the keyed detection stage tells the organization-wide scoring stage about one event of one person,
 * in the calls {@link org.custos.core.engine.Scoring} expects; steps of one event share its sequence number and are
 * ordered by {@link #part()}.
 */
sealed interface Step extends Serializable {

    /** The Flink type of steps, with its compact serializer. */
    SerializerType<Step> TYPE = new SerializerType<>(Step.class, new StepSerializer());

    /** The sequence number of the event this step belongs to. */
    long seq();

    /** The order of this step among the steps of its event. */
    int part();

    /** The person's first event: count them in their peer group. */
    record PersonSeen(long seq, String user, String peerGroup, boolean listed) implements Step {
        @Override
        public int part() {
            return 0;
        }
    }

    /** The person's first event of a new local day. */
    record DayStarted(long seq, String user, long day) implements Step {
        @Override
        public int part() {
            return 1;
        }
    }

    /** A raw signal, the {@code part - 2}-th of its event. */
    record SignalRaised(long seq, int part, String user, Signal signal) implements Step {
    }

    /** The person's counts at the end of the input. */
    record PersonTotal(long seq, String user, long events, long outOfOrder, long duplicates) implements Step {
        @Override
        public int part() {
            return 0;
        }
    }
}
