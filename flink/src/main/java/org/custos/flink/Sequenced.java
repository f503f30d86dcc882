package org.custos.flink;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.custos.core.detector.CustodyLedger.Holding;
import org.custos.core.event.Event;

/**
 * A Sequenced event is an event with its place in the organization-wide order and the organization-wide facts its
 * detectors read, as they stood just before it: the owner of its host (for a logon) and what its person held.
 *
 * @param seq the event's position in the order the {@link Sequencer} saw events (the CLI's order for files)
 * @param event the event
 * @param hostOwner the owner of a logon's host before this logon was counted; null when none or not a logon
 * @param holdings the originals the person held before this event; empty when none
 * @param duplicate true when the event repeats one of its person's recent events (it is counted, not analyzed)
 */
record Sequenced(long seq, Event event, String hostOwner, List<Holding> holdings, boolean duplicate) {

    /** The Flink type, with its compact serializer. */
    static final SerializerType<Sequenced> TYPE = new SerializerType<>(Sequenced.class, new Serializer());

    /** Writes the sequence number, the event, the owner and the holdings. */
    static final class Serializer extends ImmutableSerializer<Sequenced> {

        private static final long serialVersionUID = 1L;

        private final EventSerializer events = EventSerializer.INSTANCE.duplicate();
        private final WireStrings strings = new WireStrings();

        @Override
        public TypeSerializer<Sequenced> duplicate() {
            return new Serializer();
        }

        @Override
        public void serialize(Sequenced s, DataOutputView out) throws IOException {
            out.writeLong(s.seq);
            events.serialize(s.event, out);
            WireStrings.write(s.hostOwner, out);
            out.writeInt(s.holdings.size());
            for (Holding h : s.holdings) {
                WireStrings.write(h.serial(), out);
                WireStrings.write(h.item(), out);
                WireStrings.write(h.holder(), out);
                out.writeLong(h.since().getEpochSecond());
                out.writeInt(h.since().getNano());
                WireStrings.write(h.moveId(), out);
            }
            out.writeBoolean(s.duplicate);
        }

        @Override
        public Sequenced deserialize(DataInputView in) throws IOException {
            long seq = in.readLong();
            Event event = events.deserialize(in);
            String owner = strings.readName(in);
            int n = in.readInt();
            List<Holding> holdings = n == 0 ? List.of() : new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                holdings.add(new Holding(strings.read(in), strings.read(in),
                        strings.read(in), Instant.ofEpochSecond(in.readLong(), in.readInt()),
                        strings.read(in)));
            }
            return new Sequenced(seq, event, owner, holdings, in.readBoolean());
        }


        @Override
        public TypeSerializerSnapshot<Sequenced> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The snapshot of the (stateless) serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Sequenced> {

        /** For restoring. */
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
