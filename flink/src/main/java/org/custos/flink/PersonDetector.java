package org.custos.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Signal;
import org.custos.core.engine.Detection;
import org.custos.core.engine.PersonTrack;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;

/**
 * PersonDetector is the keyed stage of the job (keyed by person): it runs core's {@link Detection} over each
 * person's events with the person's {@link PersonTrack} in Flink keyed state, and passes what each event found (a
 * new person, a new day, raw signals) on to scoring as {@link Step}s. Before each event it gives its task's
 * organization context the organization-wide facts the {@link Sequencer} attached to the event, so detectors read
 * exactly what they would in one engine. At the end of the input (the final watermark) it reports each person's
 * counts and clears their state.
 */
final class PersonDetector extends KeyedProcessFunction<String, Sequenced, Step> {

    private static final long serialVersionUID = 1L;

    /** What the job keeps per person: core's track and this stage's counts. */
    static final class Kept implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final PersonTrack track;
        long outOfOrder;
        long duplicates;

        Kept(PersonTrack track) {
            this.track = track;
        }
    }

    private final JobSettings settings;
    private transient Detection detection;
    private transient boolean directoryEmpty;
    private transient ValueState<Kept> kept;

    PersonDetector(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        OrgContext org = settings.openContext();
        detection = new Detection(settings.registry(), org);
        directoryEmpty = org.organization().isEmpty();
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("person", JavaSerialType.of(Kept.class)));
    }

    @Override
    public void processElement(Sequenced in, Context ctx, Collector<Step> out) throws Exception {
        Event event = in.event();
        Kept k = kept.value();
        if (k == null) {
            k = new Kept(detection.newTrack(event));
            out.collect(new Step.PersonSeen(in.seq(), event.user(), k.track.peerGroup(),
                    directoryEmpty || detection.listed(event.user())));
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (in.duplicate()) {
            k.duplicates++;
            kept.update(k);
            return;
        }
        OrgContext org = detection.org();
        if (event instanceof Logon logon) {
            org.hosts().assign(logon.host(), in.hostOwner());
        }
        org.custody().assign(event.user(), in.holdings());
        long seq = in.seq();
        boolean late = detection.step(k.track, event, new Detection.Steps() {
            private int part = 2;

            @Override
            public void dayStarted(String user, long day) {
                out.collect(new Step.DayStarted(seq, user, day));
            }

            @Override
            public void signal(String user, Signal signal) {
                out.collect(new Step.SignalRaised(seq, part++, user, signal));
            }
        });
        if (late) {
            k.outOfOrder++;
        }
        kept.update(k);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Step> out) throws Exception {
        Kept k = kept.value();
        if (k != null) {
            out.collect(new Step.PersonTotal(Long.MAX_VALUE, ctx.getCurrentKey(), k.track.events(), k.outOfOrder,
                    k.duplicates));
            kept.clear();
        }
    }
}
