package org.custos.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.custos.core.event.Event;

/**
 * A ReadAheadFile reads (and parses) one event file on a thread of its own, a few thousand events ahead of the
 * caller, so that the files of a directory are parsed in parallel while one thread merges them.
 *
 * <p>It yields exactly what the file would yield read in place: the same events in the same order, and its
 * rejected rows go to the caller's dead letters on the caller's thread, each just before the event that followed it
 * in the file, so the dead-letter file has the same rows in the same order as a sequential read. Statistics are
 * final once {@link #next()} has returned null. Closing stops the reading thread and closes the file.
 */
final class ReadAheadFile implements EventFile {

    /** Opens the underlying file, sending its rejections to the dead letters given. */
    interface Opener {
        /** Opens the file. */
        EventFile open(DeadLetters deadLetters) throws IOException;
    }

    private static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 8;

    private record Batch(Object[] items, int size, boolean end, Throwable failure) {
    }

    private final EventFile file;
    private final DeadLetters deadLetters;
    private final List<DeadLetters.Held> held = new ArrayList<>();
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current;
    private int index;
    private boolean ended;

    /**
     * Opens a file on the calling thread and starts reading it ahead.
     *
     * @param opener opens the file with the dead letters it is given
     * @param deadLetters where its rejected rows are recorded, on the thread that calls {@link #next()}
     */
    ReadAheadFile(Opener opener, DeadLetters deadLetters) throws IOException {
        this.deadLetters = deadLetters;
        this.file = opener.open(DeadLetters.holding(held::add));
        reader = new Thread(this::readAll, "custos-read-" + file.name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        Object[] items = new Object[BATCH];
        int size = 0;
        try {
            while (!closed) {
                Event event = file.next();
                for (DeadLetters.Held h : held) {
                    if (size == BATCH) {
                        put(new Batch(items, size, false, null));
                        items = new Object[BATCH];
                        size = 0;
                    }
                    items[size++] = h;
                }
                held.clear();
                if (event == null) {
                    put(new Batch(items, size, true, null));
                    return;
                }
                if (size == BATCH) {
                    put(new Batch(items, size, false, null));
                    items = new Object[BATCH];
                    size = 0;
                }
                items[size++] = event;
            }
        } catch (Throwable t) {
            put(new Batch(new Object[0], 0, true, t));
        }
    }

    /* Waits for room, giving up when the file is closed. */
    private void put(Batch batch) {
        try {
            while (!closed && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is behind or gone; check again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Event next() throws IOException {
        while (true) {
            if (current != null && index < current.size()) {
                Object item = current.items()[index];
                current.items()[index++] = null;
                if (item instanceof DeadLetters.Held h) {
                    deadLetters.reject(h);
                    continue;
                }
                return (Event) item;
            }
            if (ended) {
                return null;
            }
            if (current != null && current.end()) {
                ended = true;
                return null;
            }
            current = take();
            index = 0;
            if (current.failure() != null) {
                ended = true;
                Throwable t = current.failure();
                if (t instanceof IOException e) {
                    throw e;
                } else if (t instanceof UncheckedIOException e) {
                    throw e;
                } else if (t instanceof RuntimeException e) {
                    throw e;
                } else if (t instanceof Error e) {
                    throw e;
                }
                throw new IOException(file.name() + ": " + t, t);
            }
        }
    }

    private Batch take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(file.name() + ": interrupted while reading");
        }
    }

    @Override
    public FileStats stats() {
        return file.stats();
    }

    @Override
    public long outOfOrder() {
        return file.outOfOrder();
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        queue.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            file.close();
        }
    }
}
