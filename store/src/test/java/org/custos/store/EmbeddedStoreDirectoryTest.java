package org.custos.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's data directory: persistence, a newer schema, a read-only directory. */
class EmbeddedStoreDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        Path dir = tmp.resolve("data");
        try (Store s = Stores.embedded(dir); Batch b = s.begin("one")) {
            StoreFixtures.everyKind("A").forEach(b::addEvent);
            b.commit();
        }

        try (Store s = Stores.open(dir.toString())) {
            assertThat(s.eventCount()).isEqualTo(9);
            assertThat(s.info()).isEqualTo(new StoreInfo("embedded", dir.toString(), 1));
        }
    }

    @Test
    void aDirectoryOfANewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        Path dir = tmp.resolve("data");
        Stores.embedded(dir).close();
        Path file = dir.resolve(EmbeddedStore.FILE);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_history VALUES (2, 'V2__future.sql', 'x')");
        }
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = list(dir);

        assertThatThrownBy(() -> Stores.embedded(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
            assertThat(e.getMessage()).isEqualTo("data directory " + dir + " was written by a newer Custos (schema"
                    + " version 2; this one knows up to 1); nothing was changed — use a newer custos");
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(list(dir)).isEqualTo(filesBefore);
    }

    @Test
    void aReadOnlyDirectoryIsRefusedWithOneLine() throws Exception {
        Path dir = tmp.resolve("data");
        Stores.embedded(dir).close();
        byte[] before = Files.readAllBytes(dir.resolve(EmbeddedStore.FILE));
        boolean immutable = makeReadOnly(dir);
        try {
            assertThatThrownBy(() -> Stores.embedded(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY);
                assertThat(e.getMessage()).isEqualTo("data directory " + dir
                        + " is read-only; nothing was changed (Custos needs to write there)");
            });
        } finally {
            undo(dir, immutable);
        }
        assertThat(Files.readAllBytes(dir.resolve(EmbeddedStore.FILE))).isEqualTo(before);
    }

    /** Makes the directory unwritable: by mode bits, or (for root, who ignores them) with chattr +i. */
    private static boolean makeReadOnly(Path dir) throws Exception {
        dir.toFile().setWritable(false, false);
        Path probe = dir.resolve("probe");
        try {
            Files.write(probe, new byte[0]);
            Files.delete(probe);
        } catch (java.io.IOException expected) {
            return false;
        }
        dir.toFile().setWritable(true, false);
        Process p = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot make a directory read-only here (root without chattr)");
        return true;
    }

    private static void undo(Path dir, boolean immutable) throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
        }
        dir.toFile().setWritable(true, false);
    }

    private static List<Path> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
