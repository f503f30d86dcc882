package org.custos.ingest;

import java.io.Closeable;
import java.io.IOException;
import org.custos.core.event.Event;

/** An EventFile is one input file being streamed as events in file order: a CERT/Custos CSV or a JSON-lines file. */
interface EventFile extends Closeable {

    /** The next event, or null at the end of the file. */
    Event next() throws IOException;

    /** What has been read so far. */
    FileStats stats();

    /** The number of records earlier than the latest record before them. */
    long outOfOrder();

    /** The file's name in messages. */
    String name();
}
