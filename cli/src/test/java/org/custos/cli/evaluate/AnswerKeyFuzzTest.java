package org.custos.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.UsageException;

/**
 * Fuzz test of the answer-key reader ({@code custos evaluate --answers FILE}): any bytes either give insiders with
 * every field present, or a {@link UsageException} whose every line names the file. Without JAZZER_FUZZ it runs its seeds
 * ({@code src/test/resources/.../AnswerKeyFuzzTestInputs/}); to fuzz for longer see CONTRIBUTING.md.
 */
class AnswerKeyFuzzTest {

    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "custos-fuzz")
                    : Files.createTempDirectory("custos-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("answers.csv");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        AnswerKey key;
        try {
            key = AnswerKey.read(FILE);
        } catch (UsageException e) {
            assertThat(e.getMessage().split("\n", -1)).allSatisfy(line -> assertThat(line).startsWith(FILE + ":"));
            return;
        }
        assertThat(key.insiders()).allSatisfy(i -> {
            assertThat(i.dataset()).isNotNull();
            assertThat(i.user()).isNotNull();
            assertThat(i.start()).isNotNull();
            assertThat(i.end()).isNotNull();
        });
    }
}
