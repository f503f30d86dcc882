package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.custos.core.engine.Analysis;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StopAndResumeIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Slows reading down so that the first job is stopped mid-stream, with checkpoints behind it. */
    static final class Throttle implements MapFunction<Event, Event> {
        private static final long serialVersionUID = 1L;
        static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> PASSED =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final String run;
        private long seen;

        Throttle(String run) {
            this.run = run;
        }

        @Override
        public Event map(Event event) throws InterruptedException {
            PASSED.computeIfAbsent(run, r -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
            if (++seen % 100 == 0) {
                Thread.sleep(1);
            }
            return event;
        }
    }

    @TempDir
    Path work;

    private JobClient start(Path input, Path out, Path checkpoints, Path restoreFrom) throws Exception {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restoreFrom != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().enableObjectReuse();
        JobSettings settings = JobSettings.defaults(input);
        DataStream<Event> events = env.fromSource(new DirectorySource(input, null), CustosJob.watermarks(settings),
                        "directory", CustosJob.EVENT_TYPE).setParallelism(1).uid("custos-directory-source")
                .map(new Throttle(restoreFrom == null ? "first" : "resumed"), CustosJob.EVENT_TYPE).setParallelism(1).uid("throttle");
        CustosJob.define(events, settings, new JsonLinesSink(out));
        return env.executeAsync("custos" + (restoreFrom == null ? "" : " resumed"));
    }

    /* The newest completed checkpoint; empty when none yet (or while Flink was removing an older one). */
    private static Optional<Path> latestCheckpoint(Path checkpoints) {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata")).map(Path::getParent)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Test
    void aJobStoppedMidStreamResumesFromItsLastCheckpointToTheSameResult() throws Exception {
        Path input = Reference.simulate(work.resolve("org"), 60, 60, 13);
        Analysis cli = Reference.analyze(input);
        Path out = work.resolve("out");
        Path checkpoints = Files.createDirectories(work.resolve("checkpoints"));

        JobClient first = start(input, out, checkpoints, null);
        long deadline = System.currentTimeMillis() + 120_000;
        while ((latestCheckpoint(checkpoints).isEmpty() || !Files.exists(out.resolve("daily-scores.jsonl"))
                || Reference.keys(out).size() < 200) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        first.cancel().get();
        int writtenBeforeStop = Reference.keys(out).size();
        assertThat(Files.readAllLines(out.resolve("summary.jsonl"))).as("stopped before the end").isEmpty();
        Path checkpoint = latestCheckpoint(checkpoints).orElseThrow(() -> new AssertionError("no checkpoint retained"));

        start(input, out, work.resolve("checkpoints-2"), checkpoint).getJobExecutionResult().get();

        assertThat(writtenBeforeStop).isPositive();
        long resumedWith = Throttle.PASSED.get("resumed").get();
        assertThat(resumedWith).as("the resumed job read only what the checkpoint had not").isPositive()
                .isLessThan(cli.events());
        Reference.assertWroteExactly(cli, out);
    }
}
