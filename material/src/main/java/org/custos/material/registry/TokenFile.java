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

    /**
     * A token file opened for reading parts of it. Reads are positional, into a per-thread scratch buffer that is
     * reused from read to read: the header and the sparse fingerprints in one read (usually), a range of tokens in
     * one read when it covers half the item or more, else three (hashes, checkpoints, offsets).
     */
    static final class Reader implements AutoCloseable {
        /**
         * The largest file a reader opened for assessment reads whole at once (a 10 KB document's file is about 20 KB
         * in English, 40 KB in Chinese); of a larger one it reads the first 8 KB, then only the windows asked for.
         */
        static final int WHOLE_READ = 64 * 1024;
        private static final int HEADER_READ = 8192;
        private static final int KEPT_SCRATCH = 4 * 1024 * 1024;
        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

        /** A thread's read buffer, and the reader whose file prefix it holds (null when none). */
        private static final class Scratch {
            byte[] bytes = new byte[WHOLE_READ];
            Reader owner;
            int prefix;
        }

        private final Path file;
        private final FileChannel channel;
        private final long length;
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
            this(file, HEADER_READ);
        }

        /**
         * Opens a file and reads it whole when it is at most {@code firstRead} bytes (later reads are then served from
         * that copy: one read a file), else its first 8 KB (the header and usually the sparse fingerprints).
         */
        Reader(Path file, int firstRead) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                this.length = channel.size();
                // a small file is read whole; of a large one (a long item, read in windows), the header part only
                ByteBuffer header = readPrefix((int) Math.min(length, length <= firstRead ? firstRead : HEADER_READ));
                if (length < HEADER) {
                    throw new IOException(file + ": damaged token file (shorter than its header says)");
                }
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
                ByteBuffer fingerprints;
                if (HEADER + 12L * s <= header.limit()) {
                    fingerprints = header.position(HEADER).slice();
                } else {
                    fingerprints = read(HEADER, 12L * s);
                }
                sparse = new long[s];
                sparseAt = new int[s];
                fingerprints.asLongBuffer().get(sparse);
                fingerprints.position(8 * s);
                fingerprints.asIntBuffer().get(sparseAt);
                hashesAt = HEADER + 12L * (s + denseOnlyCount);
                checkpointsAt = hashesAt + 8L * size;
                varintsAt = checkpointsAt + 4L * ((size + CHECKPOINT - 1) / CHECKPOINT);
                if (varintsAt + 2L * size > length) {
                    throw new IOException(file + ": damaged token file (shorter than its counts say)");
                }
            } catch (IOException | RuntimeException e) {
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
            int checkpoint = from / CHECKPOINT;
            int last = (to - 1) / CHECKPOINT;
            int checkpoints = (size + CHECKPOINT - 1) / CHECKPOINT;
            if (2L * (to - from) >= size) {
                // most of the item: one read from the first hash asked for to the end of the file
                long at = hashesAt + 8L * from;
                ByteBuffer all = read(at, length - at);
                all.asLongBuffer().get(hashes, from - base, to - from);
                int begin = all.getInt((int) (checkpointsAt + 4L * checkpoint - at));
                int varints = (int) (varintsAt - at);
                if (begin < 0 || begin > all.limit() - varints) {
                    throw new IOException(file + ": damaged token file (bad checkpoint)");
                }
                decode(all.array(), all.arrayOffset() + varints + begin, all.arrayOffset() + all.limit(), checkpoint,
                        from, to, starts, ends, base);
                return;
            }
            read(hashesAt + 8L * from, 8L * (to - from)).asLongBuffer().get(hashes, from - base, to - from);
            int markCount = Math.min(checkpoints, last + 2) - checkpoint;
            ByteBuffer marks = read(checkpointsAt + 4L * checkpoint, 4L * markCount);
            long begin = marks.getInt(0);
            long limit = last + 1 < checkpoints ? marks.getInt(4 * (last + 1 - checkpoint)) : length - varintsAt;
            if (begin < 0 || limit < begin) {
                throw new IOException(file + ": damaged token file (bad checkpoint)");
            }
            ByteBuffer varints = read(varintsAt + begin, limit - begin);
            decode(varints.array(), varints.arrayOffset(), varints.arrayOffset() + varints.limit(), checkpoint, from,
                    to, starts, ends, base);
        }

        private void decode(byte[] in, int at, int limit, int checkpoint, int from, int to, int[] starts, int[] ends,
                int base) throws IOException {
            int end = 0;
            for (int i = checkpoint * CHECKPOINT; i < to; i++) {
                if (i % CHECKPOINT == 0) {
                    end = 0;
                }
                int value = 0;
                int shift = 0;
                while (true) {
                    if (at >= limit) {
                        throw new IOException(file + ": damaged token file (ends inside a token)");
                    }
                    byte b = in[at++];
                    value |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        break;
                    }
                    shift += 7;
                    if (shift >= 35) {
                        throw new IOException(file + ": damaged token file (a varint is too long)");
                    }
                }
                int start = end + value;
                value = 0;
                shift = 0;
                while (true) {
                    if (at >= limit) {
                        throw new IOException(file + ": damaged token file (ends inside a token)");
                    }
                    byte b = in[at++];
                    value |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        break;
                    }
                    shift += 7;
                    if (shift >= 35) {
                        throw new IOException(file + ": damaged token file (a varint is too long)");
                    }
                }
                end = start + value;
                if (i >= from) {
                    starts[i - base] = start;
                    ends[i - base] = end;
                }
            }
        }

        /**
         * Reads {@code length} bytes at {@code at} into the thread's scratch buffer (valid until the next read on
         * this thread) with positional reads.
         */
        private ByteBuffer read(long at, long count) throws IOException {
            if (count < 0 || at < 0 || at + count > length || count > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": damaged token file (shorter than its header says)");
            }
            Scratch scratch = SCRATCH.get();
            if (scratch.owner == this && at + count <= scratch.prefix) {
                return ByteBuffer.wrap(scratch.bytes, (int) at, (int) count).slice();
            }
            scratch.owner = null;
            byte[] bytes = scratch.bytes;
            if (bytes.length < count) {
                bytes = new byte[(int) Math.max(count, Math.min(KEPT_SCRATCH, 2L * bytes.length))];
                if (bytes.length <= KEPT_SCRATCH) {
                    scratch.bytes = bytes;
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, (int) count).slice();
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException(file + ": damaged token file (ends early)");
                }
            }
            return buffer.flip();
        }

        /**
         * Reads up to {@code count} bytes from the file's start into the thread's scratch buffer, fewer when the file
         * is shorter, and marks them as this reader's prefix.
         */
        private ByteBuffer readPrefix(int count) throws IOException {
            Scratch scratch = SCRATCH.get();
            scratch.owner = null;
            if (scratch.bytes.length < count) {
                scratch.bytes = new byte[count];
            }
            ByteBuffer buffer = ByteBuffer.wrap(scratch.bytes, 0, count).slice();
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // positional reads until the count or the end of the file
            }
            scratch.owner = this;
            scratch.prefix = buffer.position();
            return buffer.flip();
        }

        @Override
        public void close() throws IOException {
            Scratch scratch = SCRATCH.get();
            if (scratch.owner == this) {
                scratch.owner = null;
            }
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
