package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobCommandIT {

    @TempDir
    static Path work;

    static AnalyzedOrganization organization;
    static Path input;

    @BeforeAll
    static void simulateAndAnalyze() throws Exception {
        organization = AnalyzedOrganization.simulate(work, 60, 60, 5);
        input = organization.input();
    }

    @Test
    void writesTheAlertsAndScoresOfAnalyzeAtParallelismTwo() throws Exception {
        Path out = work.resolve("flink-out");
        CommandRun run = CommandRun.of("flink-job", "--input", input.toString(), "--sink", "jsonl:" + out,
                "--parallelism", "2", "--checkpoint-interval", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("finished").contains(out.toAbsolutePath().toString());
        organization.assertSinkHoldsTheReport(out);
    }

    @Test
    void refusesAJobWithoutASourceInOneLine() {
        CommandRun run = CommandRun.of("flink-job", "--sink", "jsonl:" + work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains("--input").doesNotContain("\n");
    }

    @Test
    void refusesAnUnknownSink() {
        CommandRun run = CommandRun.of("flink-job", "--input", input.toString(), "--sink", "postgres:db");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("jsonl:DIR");
    }
}
