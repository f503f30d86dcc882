package org.custos.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.custos.core.event.Event;

/**
 * EventTimeOrder puts the events of every partition of a Kafka topic into one order before the {@link Sequencer}
 * (parallelism 1): event time, then partition, then offset. It holds each event until the watermark passes its
 * time, so the order no longer depends on how fast each partition was read, and the organization-wide facts the
 * sequencer attaches (whose machine a host is, who holds an original) are those of event-time order, as in
 * {@code custos analyze} over time-ordered files. An event that arrives after the watermark passed its time is
 * passed on at once, out of order, and the detectors count it as such.
 *
 * <p>It holds what the partitions have delivered beyond the slowest partition's watermark: on a live topic about
 * the out-of-orderness bound's worth of events; in a replay, also how far the fastest reader runs ahead. The held
 * events are checkpointed; after a restore the source resumes from the offsets of the same checkpoint, so each
 * event is passed on once.
 */
final class EventTimeOrder extends AbstractStreamOperator<Event>
        implements OneInputStreamOperator<KafkaMessage, Event> {

    private static final long serialVersionUID = 1L;

    private static final Comparator<KafkaMessage.Read> ORDER = Comparator
            .<KafkaMessage.Read>comparingLong(r -> r.event().time().toEpochMilli())
            .thenComparingInt(KafkaMessage.Read::partition).thenComparingLong(KafkaMessage.Read::offset);

    private transient PriorityQueue<KafkaMessage.Read> held;
    private transient ListState<KafkaMessage> checkpointed;
    private transient long watermark;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointed = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("held-events", KafkaMessage.TYPE));
        held = new PriorityQueue<>(ORDER);
        watermark = Long.MIN_VALUE;
        if (context.isRestored()) {
            for (KafkaMessage m : checkpointed.get()) {
                held.add((KafkaMessage.Read) m);
            }
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<KafkaMessage> copy = new ArrayList<>(held);
        checkpointed.update(copy);
    }

    @Override
    public void processElement(StreamRecord<KafkaMessage> element) {
        KafkaMessage.Read read = (KafkaMessage.Read) element.getValue();
        if (read.event().time().toEpochMilli() <= watermark) {
            emit(read);
        } else {
            held.add(read);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        while (!held.isEmpty() && held.peek().event().time().toEpochMilli() <= mark.getTimestamp()) {
            emit(held.poll());
        }
        watermark = Math.max(watermark, mark.getTimestamp());
        super.processWatermark(mark);
    }

    private void emit(KafkaMessage.Read read) {
        output.collect(new StreamRecord<>(read.event(), read.event().time().toEpochMilli()));
    }
}
