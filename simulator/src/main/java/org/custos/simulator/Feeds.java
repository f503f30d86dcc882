package org.custos.simulator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feeds is the set of open event files: rows are added in any order while a day is generated, and
 * {@link #flushBefore(long)} writes, in time order, every pending row earlier than a cut-off.
 *
 * <p>A row may lie after the day being generated (a night session ends after midnight), so rows at or after the
 * cut-off stay pending until a later flush. Sorting is stable, so rows at the same second keep the order they were
 * generated in, which is itself fixed by the seed. Rows at or after the end of the simulation are never written.
 * Malicious rows are handed to their {@link Insider} as they are written, so the answer key holds exactly the
 * lines in the files.
 */
final class Feeds implements Closeable {

    private record Row(long second, String line, Insider insider) {
    }

    private static final Comparator<Row> BY_TIME = Comparator.comparingLong(Row::second);

    private final Map<FeedKind, BufferedWriter> writers = new EnumMap<>(FeedKind.class);
    private final Map<FeedKind, List<Row>> pending = new EnumMap<>(FeedKind.class);
    private final Map<FeedKind, Long> counts = new EnumMap<>(FeedKind.class);
    private final long endSecond;

    Feeds(Path directory, long endSecond, DataLayout layout) throws IOException {
        this.endSecond = endSecond;
        try {
            for (FeedKind kind : FeedKind.values()) {
                if (!layout.writes(kind)) {
                    continue;
                }
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(directory.resolve(kind.fileName())), StandardCharsets.UTF_8), 1 << 20);
                writers.put(kind, writer);
                writer.write(layout.header(kind));
                writer.write('\n');
                pending.put(kind, new ArrayList<>());
                counts.put(kind, 0L);
            }
        } catch (IOException e) {
            closeWriters();
            throw e;
        }
    }

    /** Adds a row to be written later in time order ({@code insider} is null for innocent rows); dropped when the layout has no such file. */
    void add(FeedKind kind, long second, String line, Insider insider) {
        List<Row> rows = pending.get(kind);
        if (rows != null) {
            rows.add(new Row(second, line, insider));
        }
    }

    /** Writes every pending row earlier than {@code cutoff} (and earlier than the end of the simulation). */
    void flushBefore(long cutoff) throws IOException {
        long limit = Math.min(cutoff, endSecond);
        for (FeedKind kind : FeedKind.values()) {
            List<Row> rows = pending.get(kind);
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            rows.sort(BY_TIME);
            BufferedWriter writer = writers.get(kind);
            int written = 0;
            while (written < rows.size() && rows.get(written).second() < limit) {
                Row row = rows.get(written);
                writer.write(row.line());
                writer.write('\n');
                if (row.insider() != null) {
                    row.insider().record(kind, row.second(), row.line());
                }
                written++;
            }
            counts.merge(kind, (long) written, Long::sum);
            rows.subList(0, written).clear();
        }
    }

    /** Rows written so far per file name. */
    Map<String, Long> counts() {
        Map<String, Long> byFile = new TreeMap<>();
        counts.forEach((kind, count) -> byFile.put(kind.fileName(), count));
        return byFile;
    }

    /** Writes what is left before the end of the simulation, drops the rest, and closes every file. */
    @Override
    public void close() throws IOException {
        try {
            flushBefore(endSecond);
        } finally {
            closeWriters();
        }
    }

    private void closeWriters() throws IOException {
        IOException failure = null;
        for (BufferedWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
