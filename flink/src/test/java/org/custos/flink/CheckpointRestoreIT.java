package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.custos.core.engine.Analysis;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRestoreIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Fails the job once, mid-stream, after a checkpoint completed; slows reading so checkpoints happen. */
    static final class FailOnceAfterCheckpoint implements MapFunction<Event, Event>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger STARTS = new AtomicInteger();
        static volatile long failedAt;
        static final java.util.concurrent.atomic.AtomicLong SEEN_SINCE_START = new java.util.concurrent.atomic.AtomicLong();
        static volatile int keysWrittenBeforeFailure;

        private final long failAfter;
        private final String out;
        private long seen;
        private boolean started;

        FailOnceAfterCheckpoint(long failAfter, Path out) {
            this.failAfter = failAfter;
            this.out = out.toString();
        }

        @Override
        public Event map(Event event) throws Exception {
            if (!started) {
                started = true;
                STARTS.incrementAndGet();
                SEEN_SINCE_START.set(0);
            }
            SEEN_SINCE_START.incrementAndGet();
            seen++;
            if (seen % 200 == 0) {
                Thread.sleep(1);
            }
            if (seen >= failAfter && CHECKPOINTED.get() && !FAILED.getAndSet(true)) {
                failedAt = seen;
                keysWrittenBeforeFailure = Reference.keys(Path.of(out)).size();
                throw new IllegalStateException("injected failure after " + seen + " events");
            }
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @TempDir
    Path work;

    @Test
    void restoresFromTheLastCheckpointWithTheSameResultAndNoDuplicates() throws Exception {
        Path input = Reference.simulate(work.resolve("org"), 60, 60, 11);
        Analysis cli = Reference.analyze(input);
        Path out = work.resolve("out");

        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        JobSettings settings = JobSettings.defaults(input);
        env.getConfig().enableObjectReuse();
        DataStream<Event> events = env.fromSource(new DirectorySource(input, null), CustosJob.watermarks(settings),
                        "directory", CustosJob.EVENT_TYPE).setParallelism(1)
                .map(new FailOnceAfterCheckpoint(cli.events() / 2, out), CustosJob.EVENT_TYPE).setParallelism(1);
        CustosJob.define(events, settings, new JsonLinesSink(out));
        env.execute("custos with a failure");

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the injected failure happened").isTrue();
        assertThat(FailOnceAfterCheckpoint.STARTS.get()).as("the job ran again after the failure").isEqualTo(2);
        assertThat(FailOnceAfterCheckpoint.failedAt).isLessThan(cli.events());
        assertThat(FailOnceAfterCheckpoint.SEEN_SINCE_START.get()).as("after the restart, only what the checkpoint "
                + "had not read").isPositive().isLessThan(cli.events());
        assertThat(FailOnceAfterCheckpoint.keysWrittenBeforeFailure).as("findings written before the failure")
                .isPositive();
        Reference.assertWroteExactly(cli, out);
    }
}
