package org.custos.material.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.custos.material.text.TokenizedText;

/**
 * A TokenFile is the binary form of one registered item's tokens and index fingerprints, {@code
 * registry/tokens/ID.tok}: what assessment reads instead of the item's JSON, so that aligning against an item needs
 * no parsing and no tokenizing, and only the part of a long item near the suspect's seeds is read.
 *
 * <p>Layout, big-endian: the magic {@code CTK3}, then k, t, the text's length in code points, the token count n, the
 * sparse fingerprint count s and the dense-only fingerprint count d (seven ints); then the s hashes the doubled window
 * ({@code Winnowing.doubled()}) selects, ascending (a hash selected at several places is there once for each), and
 * their s k-gram positions; then the d other hashes the (k, t) winnowing selects and their d positions, alike; then n
 * longs, the token hashes; then one int per 32 tokens, where that token's offsets start in the varint section; then
 * the varint section: for each token two unsigned LEB128 varints, the gap from the previous token's end to its start
 * (from 0 for every 32nd token, so decoding can begin at any checkpoint), and its length, both in code points.
 */
final class TokenFile {

    private static final int MAGIC = 0x43544B33;
    private static final int HEADER = 28;
    static final int CHECKPOINT = 32;

    /** The whole of a token file, or its header and fingerprints ({@code tokens} null). */
    record Content(int k, int t, TokenizedText tokens, long[] sparse, int[] sparseAt, long[] denseOnly,
            int[] denseOnlyAt) {
    }

    private TokenFile() {
    }

    static byte[] encode(int k, int t, TokenizedText tokens, long[] sparse, int[] sparseAt, long[] denseOnly,
            int[] denseOnlyAt) {
        int n = tokens.size();
        int checkpoints = (n + CHECKPOINT - 1) / CHECKPOINT;
        ByteBuffer out = ByteBuffer.allocate(HEADER + 12 * (sparse.length + denseOnly.length) + 8 * n
                + 4 * checkpoints + 10 * n);
        out.putInt(MAGIC).putInt(k).putInt(t).putInt(tokens.codePoints()).putInt(n).putInt(sparse.length)
                .putInt(denseOnly.length);
        for (long h : sparse) {
            out.putLong(h);
        }
        for (int p : sparseAt) {
            out.putInt(p);
        }
        for (long h : denseOnly) {
            out.putLong(h);
        }
        for (int p : denseOnlyAt) {
            out.putInt(p);
        }
        out.asLongBuffer().put(tokens.hashes());
        out.position(out.position() + 8 * n);
        int checkpointsAt = out.position();
        int varintsAt = checkpointsAt + 4 * checkpoints;
        out.position(varintsAt);
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            if (i % CHECKPOINT == 0) {
                out.putInt(checkpointsAt + 4 * (i / CHECKPOINT), out.position() - varintsAt);
                previousEnd = 0;
            }
            putVarint(out, tokens.starts()[i] - previousEnd);
            putVarint(out, tokens.ends()[i] - tokens.starts()[i]);
            previousEnd = tokens.ends()[i];
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** A token file opened for reading parts of it. */
    static final class Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        final int k;
        final int t;
        final int codePoints;
        final int size;
        final long[] sparse;
        final int[] sparseAt;
        private final int denseOnlyCount;
        private long[] denseOnly;
        private int[] denseOnlyAt;
        private final long hashesAt;
        private final long checkpointsAt;
        private final long varintsAt;

        Reader(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                ByteBuffer header = read(0, HEADER);
                if (header.getInt(0) != MAGIC) {
                    throw new IOException(file + ": not a Custos token file (version 3)");
                }
                k = header.getInt(4);
                t = header.getInt(8);
                codePoints = header.getInt(12);
                size = header.getInt(16);
                int s = header.getInt(20);
                denseOnlyCount = header.getInt(24);
                if (size < 0 || s < 0 || denseOnlyCount < 0) {
                    throw new IOException(file + ": damaged token file (negative counts)");
                }
                ByteBuffer fingerprints = read(HEADER, 12L * s);
                sparse = new long[s];
                sparseAt = new int[s];
                fingerprints.asLongBuffer().get(sparse);
                fingerprints.position(8 * s);
                fingerprints.asIntBuffer().get(sparseAt);
                hashesAt = HEADER + 12L * (s + denseOnlyCount);
                checkpointsAt = hashesAt + 8L * size;
                varintsAt = checkpointsAt + 4L * ((size + CHECKPOINT - 1) / CHECKPOINT);
                if (varintsAt + 2L * size > channel.size()) {
                    throw new IOException(file + ": damaged token file (shorter than its counts say)");
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        /** The dense-only fingerprints' hashes (their positions in {@link #denseOnlyAt()}). */
        long[] denseOnly() throws IOException {
            if (denseOnly == null) {
                ByteBuffer in = read(HEADER + 12L * sparse.length, 12L * denseOnlyCount);
                denseOnly = new long[denseOnlyCount];
                denseOnlyAt = new int[denseOnlyCount];
                in.asLongBuffer().get(denseOnly);
                in.position(8 * denseOnlyCount);
                in.asIntBuffer().get(denseOnlyAt);
            }
            return denseOnly;
        }

        int[] denseOnlyAt() throws IOException {
            denseOnly();
            return denseOnlyAt;
        }

        /** Reads tokens [from, to) into the arrays, token i at index i - base. */
        void read(int from, int to, long[] hashes, int[] starts, int[] ends, int base) throws IOException {
            if (from < 0 || to > size || from > to) {
                throw new IllegalArgumentException("tokens " + from + ".." + to + " outside 0.." + size);
            }
            if (from == to) {
                return;
            }
            read(hashesAt + 8L * from, 8L * (to - from)).asLongBuffer().get(hashes, from - base, to - from);
            int checkpoint = from / CHECKPOINT;
            int last = (to - 1) / CHECKPOINT;
            ByteBuffer marks = read(checkpointsAt + 4L * checkpoint, 4L * (last - checkpoint + 1));
            int begin = marks.getInt(0);
            long limit = last + 1 < (size + CHECKPOINT - 1) / CHECKPOINT
                    ? readInt(checkpointsAt + 4L * (last + 1)) : channel.size() - varintsAt;
            ByteBuffer varints = read(varintsAt + begin, limit - begin);
            int end = 0;
            for (int i = checkpoint * CHECKPOINT; i < to; i++) {
                if (i % CHECKPOINT == 0) {
                    end = 0;
                }
                int start = end + varint(varints);
                end = start + varint(varints);
                if (i >= from) {
                    starts[i - base] = start;
                    ends[i - base] = end;
                }
            }
        }

        private int readInt(long at) throws IOException {
            return read(at, 4).getInt(0);
        }

        private ByteBuffer read(long at, long length) throws IOException {
            if (length < 0 || at + length > channel.size() || length > Integer.MAX_VALUE) {
                throw new IOException(file + ": damaged token file (shorter than its header says)");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException(file + ": damaged token file (ends early)");
                }
            }
            return buffer.flip();
        }

        private int varint(ByteBuffer in) throws IOException {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (!in.hasRemaining()) {
                    throw new IOException(file + ": damaged token file (ends inside a token)");
                }
                byte b = in.get();
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IOException(file + ": damaged token file (a varint is too long)");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Reads the whole file. */
    static Content read(Path file) throws IOException {
        try (Reader reader = new Reader(file)) {
            long[] hashes = new long[reader.size];
            int[] starts = new int[reader.size];
            int[] ends = new int[reader.size];
            reader.read(0, reader.size, hashes, starts, ends, 0);
            if (reader.size > 0 && ends[reader.size - 1] > reader.codePoints) {
                throw new IOException(file + ": damaged token file (a token ends past the text)");
            }
            return new Content(reader.k, reader.t, new TokenizedText(hashes, starts, ends, reader.codePoints),
                    reader.sparse, reader.sparseAt, reader.denseOnly(), reader.denseOnlyAt());
        }
    }

    /** Reads the header and the fingerprints only: the sparse ones, and the dense-only ones when asked. */
    static Content readFingerprints(Path file, boolean dense) throws IOException {
        try (Reader reader = new Reader(file)) {
            return new Content(reader.k, reader.t, null, reader.sparse, reader.sparseAt,
                    dense ? reader.denseOnly() : new long[0], dense ? reader.denseOnlyAt() : new int[0]);
        }
    }

    private static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }
}
