package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.custos.core.engine.Analysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlinkEqualsAnalyzeIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path work;

    static Path input;
    static Analysis cli;

    @BeforeAll
    static void simulateAndAnalyze() throws Exception {
        input = Reference.simulate(work.resolve("org"), 60, 60, 7);
        cli = Reference.analyze(input);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void scoresAndAlertsEqualTheCliAnalysis(int parallelism) throws Exception {
        Path out = work.resolve("out-p" + parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        CustosJob.define(env, new CustosJob.Directory(input, null), JobSettings.defaults(input),
                new JsonLinesSink(out));
        env.execute("custos p" + parallelism);

        assertThat(cli.alerts()).as("the simulated organization raises alerts").isNotEmpty();
        assertThat(cli.signals()).isGreaterThan(100);
        Reference.assertWroteExactly(cli, out);
    }
}
