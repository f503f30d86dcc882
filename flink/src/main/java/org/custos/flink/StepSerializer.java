package org.custos.flink;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * StepSerializer writes the {@link Step}s the keyed stage sends to scoring: a byte for the kind of step, then its
 * fields, a signal's indicator in full. It replaces Java serialization (with each record's class descriptors and a
 * deflater of its own), which cost tens of microseconds a step on the wire between the keyed stage and scoring at
 * parallelism 2 or more. Reading keeps the indicators already read, so an instance serves one thread.
 */
final class StepSerializer extends ImmutableSerializer<Step> {

    private static final long serialVersionUID = 1L;

    private static final Category[] CATEGORIES = Category.values();

    private final WireStrings strings = new WireStrings();
    private transient Map<String, Indicator> indicators;

    @Override
    public StepSerializer duplicate() {
        return new StepSerializer();
    }

    @Override
    public void serialize(Step step, DataOutputView out) throws IOException {
        if (step instanceof Step.PersonSeen s) {
            out.writeByte(0);
            out.writeLong(s.seq());
            WireStrings.write(s.user(), out);
            WireStrings.write(s.peerGroup(), out);
            out.writeBoolean(s.listed());
        } else if (step instanceof Step.DayStarted d) {
            out.writeByte(1);
            out.writeLong(d.seq());
            WireStrings.write(d.user(), out);
            out.writeLong(d.day());
        } else if (step instanceof Step.SignalRaised r) {
            out.writeByte(2);
            out.writeLong(r.seq());
            out.writeInt(r.part());
            WireStrings.write(r.user(), out);
            write(r.signal(), out);
        } else if (step instanceof Step.PersonTotal t) {
            out.writeByte(3);
            out.writeLong(t.seq());
            WireStrings.write(t.user(), out);
            out.writeLong(t.events());
            out.writeLong(t.outOfOrder());
            out.writeLong(t.duplicates());
        } else {
            throw new IllegalArgumentException("not a step: " + step);
        }
    }

    private static void write(Signal signal, DataOutputView out) throws IOException {
        WireStrings.write(signal.user(), out);
        Indicator indicator = signal.indicator();
        WireStrings.write(indicator.id(), out);
        out.writeByte(indicator.category().ordinal());
        WireStrings.write(indicator.summary(), out);
        out.writeDouble(indicator.weight());
        out.writeBoolean(indicator.alertsAlone());
        out.writeLong(signal.time().getEpochSecond());
        out.writeInt(signal.time().getNano());
        out.writeDouble(signal.weight());
        out.writeInt(signal.eventIds().size());
        for (String id : signal.eventIds()) {
            WireStrings.write(id, out);
        }
        WireStrings.write(signal.explanation(), out);
    }

    @Override
    public Step deserialize(DataInputView in) throws IOException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 0 -> new Step.PersonSeen(in.readLong(), strings.read(in), strings.read(in), in.readBoolean());
            case 1 -> new Step.DayStarted(in.readLong(), strings.read(in), in.readLong());
            case 2 -> new Step.SignalRaised(in.readLong(), in.readInt(), strings.read(in), readSignal(in));
            case 3 -> new Step.PersonTotal(in.readLong(), strings.read(in), in.readLong(), in.readLong(),
                    in.readLong());
            default -> throw new IOException("unknown step kind " + kind);
        };
    }

    private Signal readSignal(DataInputView in) throws IOException {
        String user = strings.read(in);
        Indicator indicator = readIndicator(in);
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        double weight = in.readDouble();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative event id count " + n);
        }
        List<String> ids = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            ids.add(strings.read(in));
        }
        return new Signal(user, indicator, time, weight, ids, strings.read(in));
    }

    /* The same indicator instance for the same fields: there are a few dozen, and a new one checks its id. */
    private Indicator readIndicator(DataInputView in) throws IOException {
        String id = strings.read(in);
        int category = in.readUnsignedByte();
        if (category >= CATEGORIES.length) {
            throw new IOException("unknown indicator category " + category);
        }
        String summary = strings.read(in);
        double weight = in.readDouble();
        boolean alertsAlone = in.readBoolean();
        if (indicators == null) {
            indicators = new HashMap<>();
        }
        Indicator known = indicators.get(id);
        if (known != null && known.category() == CATEGORIES[category] && known.summary().equals(summary)
                && Double.compare(known.weight(), weight) == 0 && known.alertsAlone() == alertsAlone) {
            return known;
        }
        Indicator indicator = new Indicator(id, CATEGORIES[category], summary, weight, alertsAlone);
        indicators.put(id, indicator);
        return indicator;
    }


    @Override
    public TypeSerializerSnapshot<Step> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot of the serializer, which has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Step> {

        /** For restoring. */
        public Snapshot() {
            super(StepSerializer::new);
        }
    }
}
