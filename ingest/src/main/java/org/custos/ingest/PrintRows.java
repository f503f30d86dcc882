package org.custos.ingest;

import java.time.Instant;
import org.custos.core.event.Event;
import org.custos.core.event.PrintJob;

/** PrintRows reads Custos' {@code print.csv} rows as {@link PrintJob} events; pages is a whole number. */
final class PrintRows implements RowMapper {

    private final int pc;
    private final int printer;
    private final int document;
    private final int pages;

    PrintRows(Header header) {
        pc = header.index("pc");
        printer = header.index("printer");
        document = header.index("document");
        pages = header.index("pages");
    }

    @Override
    public Event map(Row row) throws RejectedRow {
        String id = row.id();
        Instant time = row.time();
        String user = row.user();
        int count = row.count(pages);
        row.verify();
        return new PrintJob(id, time, user, row.name(pc), row.name(printer), row.text(document), count);
    }
}
