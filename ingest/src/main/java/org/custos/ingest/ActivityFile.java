package org.custos.ingest;

import java.io.IOException;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.custos.core.event.Event;

/**
 * An ActivityFile is one activity file being streamed: it yields its events one by one in file order, sending
 * rows it cannot read to the dead letters, and counts events, rejected rows and rows earlier than their
 * predecessor.
 */
final class ActivityFile implements EventFile {

    private final Source source;
    private final CsvTable table;
    private final RowMapper mapper;
    private long events;
    private long outOfOrder;
    private Instant latest = Instant.MIN;

    private ActivityFile(Source source, CsvTable table) {
        this.source = source;
        this.table = table;
        this.mapper = source.layout().mapper(table.header());
    }

    /** Opens a source for streaming, past its header line. */
    static ActivityFile open(Source source, NamePool names, DeadLetters deadLetters, LongConsumer progress)
            throws IOException {
        return open(source, names, deadLetters, progress, 0);
    }

    /** Opens a source for streaming, past its header line, adding {@code shiftSeconds} to every date. */
    static ActivityFile open(Source source, NamePool names, DeadLetters deadLetters, LongConsumer progress,
            long shiftSeconds) throws IOException {
        CsvTable table = CsvTable.open(source.path(), source.name(), 1 << 20, names, deadLetters, progress);
        if (table.header() == null || Layout.detect(source.layout().feed(), table.header()).isEmpty()) {
            table.close();
            throw new IOException(source.name() + ": header changed since the directory was opened");
        }
        if (shiftSeconds != 0) {
            table.row().shift(shiftSeconds);
        }
        return new ActivityFile(source, table);
    }

    @Override
    public Event next() throws IOException {
        while (table.nextRow()) {
            Row row = table.row();
            Event event;
            try {
                event = mapper.map(row);
            } catch (RejectedRow e) {
                table.reject(e.getMessage());
                continue;
            } catch (IllegalArgumentException | NullPointerException e) {
                table.reject("not a valid event: " + e.getMessage());
                continue;
            }
            events++;
            if (event.time().isBefore(latest)) {
                outOfOrder++;
            } else {
                latest = event.time();
            }
            return event;
        }
        return null;
    }

    @Override
    public FileStats stats() {
        return new FileStats(source.name(), source.layout().release(), events, table.rejected());
    }

    @Override
    public long outOfOrder() {
        return outOfOrder;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
