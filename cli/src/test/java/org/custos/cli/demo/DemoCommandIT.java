package org.custos.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.custos.cli.CommandRun;
import org.custos.store.BoardQuery;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {

    @TempDir
    Path out;

    @Test
    void analyzesIntoADataDirectoryTheDashboardCanServe() throws Exception {
        CommandRun run = CommandRun.of("demo", "--out", out.toString(), "--people", "40", "--days", "60",
                "--no-serve");
        assertThat(run.code()).as(run.err()).isZero();
        Path data = out.resolve("custos-data");
        assertThat(Files.exists(data.resolve("audit"))).isTrue();
        try (Store store = Stores.embedded(data)) {
            assertThat(store.eventCount()).isPositive();
            assertThat(store.board(BoardQuery.top(10))).isNotEmpty();
            assertThat(store.accounts()).as("--no-serve creates no accounts").isEmpty();
        }
    }
}
