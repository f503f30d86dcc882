package org.custos.flink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.custos.core.alert.Alert;
import org.custos.core.engine.PersonOutcome;
import org.custos.core.engine.Scoring;

/**
 * The ScoringOperator is the job's organization-wide scoring stage (parallelism 1): it holds the steps of the keyed
 * stage until the watermark passes their event time, then feeds them to core's {@link Scoring} in event-time order,
 * ties broken by the events' sequence numbers, which is the order one engine would have made the same calls in. It
 * emits alerts and end-of-day scores as they are decided, and, at the end of the input, each person's result and
 * the run's summary.
 *
 * <p>Its load is the steps, not the events: a step for a person's first event, one per person per active day, and
 * one per signal. Its state (scoring and the held steps) is checkpointed whole, in Java's serialized form. A step
 * that arrives after the watermark passed its time is scored at the next watermark, after the ones already scored.
 */
final class ScoringOperator extends AbstractStreamOperator<Finding> implements OneInputStreamOperator<Step, Finding> {

    private static final long serialVersionUID = 1L;

    private record Held(long time, Step step) implements java.io.Serializable {
    }

    private static final Comparator<Held> ORDER = Comparator.comparingLong(Held::time)
            .thenComparingLong(h -> h.step().seq()).thenComparingInt(h -> h.step().part());

    private static final class Progress implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        Scoring scoring;
        final ArrayList<Held> held = new ArrayList<>();
        final HashMap<String, Step.PersonTotal> totals = new HashMap<>();
        long alerts;
        boolean finished;
    }

    private final JobSettings settings;
    private transient Progress progress;
    private transient PriorityQueue<Held> queue;
    private transient ListState<byte[]> checkpointed;

    ScoringOperator(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("scoring", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        progress = null;
        if (context.isRestored()) {
            for (byte[] bytes : checkpointed.get()) {
                if (progress != null) {
                    throw new IllegalStateException("scoring runs at parallelism 1; found more than one state");
                }
                progress = (Progress) JavaSerialType.fromBytes(bytes);
            }
        }
        if (progress == null) {
            progress = new Progress();
            progress.scoring = new Scoring(settings.registry().indicators(), settings.model(), settings.budget());
        }
        queue = new PriorityQueue<>(ORDER);
        queue.addAll(progress.held);
        progress.held.clear();
        progress.scoring.listen(new Scoring.Listener() {
            @Override
            public void alert(Alert alert) {
                progress.alerts++;
                emit(new Finding.AlertRaised(alert));
            }

            @Override
            public void dayScored(String user, long day, double score, String movers) {
                // the score at the precision of the engine's daily series, so both give the same figures
                emit(new Finding.DailyScore(user, LocalDate.ofEpochDay(day), (float) score, movers));
            }
        });
    }

    private void emit(Finding finding) {
        output.collect(new StreamRecord<>(finding));
    }

    @Override
    public void processElement(StreamRecord<Step> element) {
        queue.add(new Held(element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE, element.getValue()));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        while (!queue.isEmpty() && queue.peek().time() <= mark.getTimestamp()) {
            apply(queue.poll().step());
        }
        if (mark.getTimestamp() == Long.MAX_VALUE && !progress.finished) {
            finishRun();
        }
        super.processWatermark(mark);
    }

    private void apply(Step step) {
        Scoring scoring = progress.scoring;
        if (step instanceof Step.PersonSeen s) {
            scoring.personSeen(s.user(), s.peerGroup(), s.listed());
        } else if (step instanceof Step.DayStarted d) {
            scoring.dayStarted(d.user(), d.day());
        } else if (step instanceof Step.SignalRaised r) {
            scoring.signal(r.user(), r.signal());
        } else if (step instanceof Step.PersonTotal t) {
            progress.totals.put(t.user(), t);
        }
    }

    private void finishRun() {
        progress.finished = true;
        Scoring scoring = progress.scoring;
        List<PersonOutcome> outcomes = scoring.finish(user -> {
            Step.PersonTotal t = progress.totals.get(user);
            return t == null ? 0 : t.events();
        });
        int rank = 0;
        for (PersonOutcome o : outcomes) {
            emit(new Finding.PersonResult(++rank, o.user(), o.events(), o.peak()));
        }
        long events = 0;
        long outOfOrder = 0;
        long duplicates = 0;
        for (Step.PersonTotal t : progress.totals.values()) {
            events += t.events();
            outOfOrder += t.outOfOrder();
            duplicates += t.duplicates();
        }
        emit(new Finding.Summary(scoring.people(), events, scoring.signals(), outOfOrder, duplicates,
                scoring.unlisted(), scoring.heldBack(), progress.alerts));
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        progress.held.addAll(queue);
        try {
            checkpointed.update(List.of(JavaSerialType.toBytes(progress)));
        } finally {
            progress.held.clear();
        }
    }
}
