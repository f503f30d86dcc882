package org.custos.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.custos.core.detector.CustodyLedger;
import org.custos.core.detector.HostDirectory;
import org.custos.core.engine.RecentEvents;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;

/**
 * The Sequencer is the job's one organization-wide pass over every event (parallelism 1): it numbers events in the
 * order it sees them, recognizes a person's repeated events, and keeps the organization-wide facts detectors read
 * (whose machine each host is, who holds each original), attaching to each event those facts as they stood just
 * before it. It does for each event exactly what the {@link org.custos.core.engine.Engine} does around its
 * detectors, and no more, so it is cheap: a few hash-map operations an event.
 */
final class Sequencer extends ProcessFunction<Event, Sequenced> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private static final class Facts implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long next;
        final HostDirectory hosts = new HostDirectory();
        final CustodyLedger custody = new CustodyLedger();
        final HashMap<String, RecentEvents> recent = new HashMap<>();
    }

    private transient Facts facts;
    private transient ListState<byte[]> checkpointed;

    @Override
    public void processElement(Event event, Context ctx, Collector<Sequenced> out) {
        long seq = facts.next++;
        RecentEvents recent = facts.recent.computeIfAbsent(event.user(), u -> new RecentEvents());
        if (recent.seen(event)) {
            out.collect(new Sequenced(seq, event, null, List.of(), true));
            return;
        }
        String owner = event instanceof Logon logon ? facts.hosts.owner(logon.host()) : null;
        List<CustodyLedger.Holding> held = facts.custody.holdsAny(event.user()) ? facts.custody.heldBy(event.user())
                : List.of();
        out.collect(new Sequenced(seq, event, owner, held, false));
        if (event instanceof Logon logon && logon.action() == Logon.Action.LOGON) {
            facts.hosts.observeLogon(logon.host(), logon.user());
        } else if (event instanceof CustodyMove move) {
            facts.custody.apply(move);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.update(List.of(JavaSerialType.toBytes(facts)));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("organization-facts", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        facts = new Facts();
        if (context.isRestored()) {
            List<byte[]> restored = new ArrayList<>();
            checkpointed.get().forEach(restored::add);
            if (restored.size() > 1) {
                throw new IllegalStateException("the sequencer runs at parallelism 1; found " + restored.size()
                        + " states to restore");
            }
            if (!restored.isEmpty()) {
                facts = (Facts) JavaSerialType.fromBytes(restored.get(0));
            }
        }
    }
}
