package org.custos.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.Event;
import org.custos.ingest.csv.CsvReader;

/** CertInput writes a test input directory file by file and reads it back through {@link CertDirectory}. */
final class CertInput {

    /** One dead-letter row. */
    record DeadLetter(String file, long line, String reason, String raw) {
    }

    /** What reading a directory produced. */
    record Reading(CertDirectory directory, List<Event> events, List<DeadLetter> deadLetters) {

        /** The first event, cast to its kind. */
        <T extends Event> T only(Class<T> kind) {
            org.assertj.core.api.Assertions.assertThat(events).hasSize(1);
            return kind.cast(events.get(0));
        }
    }

    private final Path root;
    private final Path dir;

    /** An input directory {@code in/} under a test's temporary directory. */
    CertInput(Path tempDir) {
        this.root = tempDir;
        this.dir = tempDir.resolve("in");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input directory. */
    Path dir() {
        return dir;
    }

    /** Writes a file (path relative to the input directory) as UTF-8 text. */
    CertInput file(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file of raw bytes. */
    CertInput bytes(String name, byte[] content) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Opens the directory, streams every event and reads back the dead-letter file. */
    Reading read() throws IOException {
        Path deadLetterFile = root.resolve("out/dead-letters.csv");
        List<Event> events = new ArrayList<>();
        CertDirectory directory;
        try (DeadLetters deadLetters = DeadLetters.to(deadLetterFile)) {
            directory = CertDirectory.open(dir, deadLetters);
            directory.forEachEvent(events::add);
        }
        return new Reading(directory, events, deadLetters(deadLetterFile));
    }

    private static List<DeadLetter> deadLetters(Path file) throws IOException {
        List<DeadLetter> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CsvReader csv = new CsvReader(in);
            org.assertj.core.api.Assertions.assertThat(csv.next()).isTrue();
            org.assertj.core.api.Assertions.assertThat(csv.raw()).isEqualTo(DeadLetters.HEADER);
            while (csv.next()) {
                rows.add(new DeadLetter(csv.text(0), Long.parseLong(csv.text(1)), csv.text(2), csv.text(3)));
            }
        }
        return rows;
    }
}
