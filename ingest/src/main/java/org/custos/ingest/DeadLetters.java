package org.custos.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DeadLetters is where records that could not be read go: a CSV file with the header {@code file,line,reason,raw}
 * (the file's name, the 1-based line the record starts on, why it was rejected, and the record's raw text), or
 * nowhere, counting only. Safe for use by several threads.
 */
public final class DeadLetters implements AutoCloseable {

    /** The header line of the dead-letter file. */
    public static final String HEADER = "file,line,reason,raw";

    /** A rejection held back by {@link #holding}, to be recorded later with {@link #reject(Held)}. */
    record Held(String file, long line, String reason, String raw) {
    }

    private final Writer out;
    private final java.util.function.Consumer<Held> holder;
    private final AtomicLong count = new AtomicLong();
    private final java.util.List<String> first = new java.util.ArrayList<>();

    private DeadLetters(Writer out) {
        this(out, null);
    }

    private DeadLetters(Writer out, java.util.function.Consumer<Held> holder) {
        this.out = out;
        this.holder = holder;
    }

    /**
     * Dead letters that hand each rejection to {@code holder} instead of recording it, so that a file read ahead on
     * another thread can have its rejections recorded later in reading order (see {@link ReadAheadFile}).
     */
    static DeadLetters holding(java.util.function.Consumer<Held> holder) {
        return new DeadLetters(null, java.util.Objects.requireNonNull(holder, "holder"));
    }

    /** Records a rejection held back by {@link #holding} dead letters. */
    void reject(Held held) {
        reject(held.file(), held.line(), held.reason(), held.raw());
    }

    /** Dead letters written to a new CSV file (replacing any), creating its parent directories; writes the header. */
    public static DeadLetters to(Path csv) throws IOException {
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16);
        out.write(HEADER);
        out.write('\n');
        return new DeadLetters(out);
    }

    /** Dead letters that are counted and otherwise dropped. */
    public static DeadLetters discard() {
        return new DeadLetters(null);
    }

    /**
     * Records one rejected record.
     *
     * @param file the name of the file it came from
     * @param line the 1-based line it starts on
     * @param reason why it was rejected, naming the field and value
     * @param raw its text as read
     * @throws UncheckedIOException when the dead-letter file cannot be written
     */
    public void reject(String file, long line, String reason, String raw) {
        count.incrementAndGet();
        if (holder != null) {
            holder.accept(new Held(file, line, reason, raw));
            return;
        }
        synchronized (first) {
            if (first.size() < FIRST_KEPT) {
                first.add(file + ":" + line + ": " + reason);
            }
        }
        if (out == null) {
            return;
        }
        synchronized (this) {
            try {
                out.write(escape(file));
                out.write(',');
                out.write(Long.toString(line));
                out.write(',');
                out.write(escape(reason));
                out.write(',');
                out.write(escape(raw));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many of the first rejections {@link #first()} keeps. */
    public static final int FIRST_KEPT = 10;

    /** The first rejections (at most {@link #FIRST_KEPT}), one line each: {@code file:line: reason}. */
    public java.util.List<String> first() {
        synchronized (first) {
            return java.util.List.copyOf(first);
        }
    }

    /** The number of records rejected so far. */
    public long count() {
        return count.get();
    }

    /** Flushes and closes the dead-letter file. */
    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    static String escape(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
