package org.custos.store.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * LineReader reads a file as newline-terminated lines of bytes, in large sequential reads, telling a complete line
 * from an incomplete last one.
 */
final class LineReader implements Closeable {

    /**
     * A Line is a view of the reader's buffer, valid until the next call to {@link LineReader#next()}.
     *
     * @param bytes the buffer holding the line
     * @param from where the line starts in {@code bytes}
     * @param length its length, without the newline
     * @param offset where it starts in the file
     * @param complete whether a newline ends it
     */
    record Line(byte[] bytes, int from, int length, long offset, boolean complete) {
    }

    private final FileChannel channel;
    private final boolean owned;
    private byte[] buf = new byte[1 << 20];
    private int start;
    private int end;
    private int scanned;
    private long bufOffset;
    private long readPos;
    private boolean eof;

    LineReader(Path file) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.READ), 0, true);
    }

    LineReader(FileChannel channel, long position) {
        this(channel, position, false);
    }

    private LineReader(FileChannel channel, long position, boolean owned) {
        this.channel = channel;
        this.owned = owned;
        this.bufOffset = position;
        this.readPos = position;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    Line line = new Line(buf, start, i - start, bufOffset + start, true);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            if (eof) {
                if (start < end) {
                    Line line = new Line(buf, start, end - start, bufOffset + start, false);
                    start = end;
                    return line;
                }
                return null;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            bufOffset += start;
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(buf, end, buf.length - end), readPos);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
            readPos += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            channel.close();
        }
    }
}
