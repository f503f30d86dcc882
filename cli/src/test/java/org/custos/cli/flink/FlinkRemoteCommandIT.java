package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos flink-job --remote HOST:PORT} as an operator runs it: {@code java -jar custos.jar} in a process of
 * its own, submitting to a running Flink cluster's REST endpoint. The command ships custos.jar as the job jar, and
 * the cluster's task manager runs the job from it, in a class loader of its own. The cluster is Flink's
 * MiniCluster, started in this JVM with its REST endpoint on a free port: the dispatcher, job master, blob server
 * and task executor of a standalone cluster, in one process.
 */
class FlinkRemoteCommandIT {

    @TempDir
    static Path work;

    static AnalyzedOrganization organization;
    static MiniCluster cluster;
    static URI rest;

    @BeforeAll
    static void simulateAnalyzeAndStartACluster() throws Exception {
        organization = AnalyzedOrganization.simulate(work, 30, 60, 5);
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_PORT, "0");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(configuration)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The jar this module's package phase built. */
    private static Path jar() {
        Path jar = Path.of("target", "custos.jar").toAbsolutePath();
        assertThat(jar).as("custos.jar, built by this module's package phase").isRegularFile();
        return jar;
    }

    /** Runs {@code java -jar target/custos.jar ARGS} to its end. */
    private static Run custos(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return java(command, Map.of());
    }

    /** Runs this JVM's {@code java} with ARGS and extra environment variables to its end. */
    private static Run java(List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(args);
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end in 240 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }

    @Test
    void submitsCustosJarToTheClusterWhichWritesTheAlertsAndScoresOfAnalyze() throws Exception {
        Path out = work.resolve("remote-out");
        int before = cluster.listJobs().get(30, TimeUnit.SECONDS).size();
        Run run = custos("flink-job", "--remote", rest.getHost() + ":" + rest.getPort(), "--input",
                organization.input().toString(), "--sink", "jsonl:" + out, "--parallelism", "2",
                "--checkpoint-interval", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("finished");
        organization.assertSinkHoldsTheReport(out);

        assertTheClusterFinished(before + 1);
    }

    /** The cluster has run this many jobs, and every one has finished. */
    private static void assertTheClusterFinished(int count) throws Exception {
        Collection<JobStatusMessage> jobs = cluster.listJobs().get(30, TimeUnit.SECONDS);
        assertThat(jobs).as("the jobs ran on the cluster, not on an embedded one").hasSize(count)
                .allSatisfy(j -> assertThat(j.getJobState()).isEqualTo(JobStatus.FINISHED));
    }

    /**
     * The {@code flink run} line of docs/flink.md, run as Flink's {@code bin/flink} script runs it: Flink's own
     * command-line client ({@code CliFrontend}, which custos.jar carries) with {@code FLINK_CONF_DIR} holding the
     * cluster's address in {@code config.yaml}, and the JDK module openings Flink's distribution gives every JVM it
     * starts ({@code env.java.default-opts.all}); the client runs {@code org.custos.cli.Main} from the jar with the
     * cluster as its execution environment.
     */
    @Test
    void theFlinkRunLineRunsTheJobOnTheClusterThatTheFlinkClientNames() throws Exception {
        Path conf = Files.createDirectories(work.resolve("flink-conf"));
        Files.writeString(conf.resolve("config.yaml"), "rest.address: " + rest.getHost() + "\nrest.port: "
                + rest.getPort() + "\n");
        Path out = work.resolve("flink-run-out");
        int before = cluster.listJobs().get(30, TimeUnit.SECONDS).size();
        Run run = java(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "-cp", jar().toString(),
                "org.apache.flink.client.cli.CliFrontend", "run", "-c", "org.custos.cli.Main", jar().toString(),
                "flink-job", "--input", organization.input().toString(), "--sink", "jsonl:" + out, "--parallelism",
                "2", "--checkpoint-interval", "1"), Map.of("FLINK_CONF_DIR", conf.toString()));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("finished");
        organization.assertSinkHoldsTheReport(out);
        assertTheClusterFinished(before + 1);
    }

    @Test
    void aRemoteThatIsNotHostAndPortIsRefusedInOneLine() throws Exception {
        Run run = custos("flink-job", "--remote", "jobmanager", "--input", organization.input().toString(),
                "--sink", "jsonl:" + work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("custos: --remote: expected HOST:PORT, got 'jobmanager'");
    }
}
