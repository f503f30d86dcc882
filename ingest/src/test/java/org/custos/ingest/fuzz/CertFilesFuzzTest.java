package org.custos.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.Event;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;

/**
 * Fuzz tests of every reader of an input directory: the CERT and Custos activity files (CSV table, header
 * recognition, each row mapper), the LDAP snapshots and the reference files. Whatever the bytes, reading must not
 * throw: a bad row goes to the dead letters and a bad file becomes a notice; only an unreadable directory is an
 * {@link IOException}. Every event read must be complete.
 *
 * <p>In a normal build these run once per seed in {@code src/test/resources/.../CertFilesFuzzTestInputs/}. To fuzz
 * one for longer (see CONTRIBUTING.md):
 * {@code JAZZER_FUZZ=1 ./mvnw -pl ingest -am test -Dtest='CertFilesFuzzTest#activityFile' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CertFilesFuzzTest {

    private static final List<String> ACTIVITY_FILES = List.of("logon.csv", "device.csv", "file.csv", "email.csv",
            "http.csv", "print.csv", "badge.csv", "custody.csv", "personnel.csv");

    private static final List<String> REFERENCE_FILES = List.of("psychometric.csv", "decoy_file.csv");

    private static final Path DIR = tempDir();
    /* What the current execution wrote into DIR, in order. */
    private static final List<Path> WRITTEN = new ArrayList<>();

    private static Path tempDir() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "custos-fuzz")
                    : Files.createTempDirectory("custos-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void activityFile(FuzzedDataProvider data) throws IOException {
        String name = data.pickValue(ACTIVITY_FILES);
        Path dir = fresh();
        write(dir.resolve(name), data.consumeRemainingAsBytes());
        readAll(dir);
    }

    @FuzzTest(maxDuration = "10m")
    void ldapSnapshot(FuzzedDataProvider data) throws IOException {
        Path dir = fresh();
        Path ldap = Files.createDirectory(dir.resolve("LDAP"));
        WRITTEN.add(ldap);
        int month = data.consumeInt(1, 12);
        write(ldap.resolve("2010-" + (month < 10 ? "0" : "") + month + ".csv"), data.consumeRemainingAsBytes());
        readAll(dir);
    }

    @FuzzTest(maxDuration = "10m")
    void referenceFile(FuzzedDataProvider data) throws IOException {
        Path dir = fresh();
        String name = data.pickValue(REFERENCE_FILES);
        write(dir.resolve(name), data.consumeRemainingAsBytes());
        readAll(dir);
    }

    private static void readAll(Path dir) throws IOException {
        try (DeadLetters rejected = DeadLetters.discard();
                CertDirectory input = CertDirectory.open(dir, rejected)) {
            input.forEachEvent(CertFilesFuzzTest::checkComplete);
            assertThat(input.notices()).allSatisfy(n -> assertThat(n).doesNotContain("\n"));
        } catch (IOException e) {
            assertThat(e.getMessage()).as("a one-line reason").isNotBlank().doesNotContain("\n");
        }
    }

    private static void checkComplete(Event e) {
        assertThat(e.id()).isNotNull();
        assertThat(e.time()).isNotNull();
        assertThat(e.user()).isNotBlank();
        assertThat(e.host()).isNotNull();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        WRITTEN.add(file);
    }

    /* The empty directory: what the last execution wrote is deleted, deepest first (no walk of the directory). */
    private static Path fresh() throws IOException {
        for (int i = WRITTEN.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(WRITTEN.get(i));
        }
        WRITTEN.clear();
        return DIR;
    }
}
