package org.custos.material.custody;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CustodyFiles keeps the custody ledger as two append-only JSON-lines files in {@code DATA/custody/}:
 * {@code originals.jsonl} (one {@link CustodyRecord} a line) and {@code copies.jsonl} (one {@link IssuedCopy} a
 * line). Each append takes an exclusive lock on the file, writes one whole line and forces it to disk, so two
 * commands running at once never interleave and a crash loses at most the line being written; a torn last line is
 * reported with its line number rather than skipped.
 */
public final class CustodyFiles implements CustodyBook {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path originals;
    private final Path copies;

    private CustodyFiles(Path dir) {
        this.originals = dir.resolve("originals.jsonl");
        this.copies = dir.resolve("copies.jsonl");
    }

    /** The ledger in {@code dataDir/custody}, empty when it does not exist yet. */
    public static CustodyFiles open(Path dataDir) {
        return new CustodyFiles(dataDir.resolve("custody"));
    }

    @Override
    public List<CustodyRecord> records() throws IOException {
        return read(originals, CustodyRecord.class);
    }

    @Override
    public void append(CustodyRecord record) throws IOException {
        append(originals, JSON.writeValueAsString(record));
    }

    @Override
    public List<IssuedCopy> copies() throws IOException {
        return read(copies, IssuedCopy.class);
    }

    @Override
    public void issue(IssuedCopy copy) throws IOException {
        append(copies, JSON.writeValueAsString(copy));
    }

    private static <T> List<T> read(Path file, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        int line = 0;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(l, type));
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                throw new IOException(file + ":" + line + ": unreadable ledger line: "
                        + m.lines().findFirst().orElse(m));
            }
        }
        return out;
    }

    private static void append(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            FileLock lock = ch.lock();
            try {
                ch.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            } finally {
                lock.release();
            }
        }
    }
}
