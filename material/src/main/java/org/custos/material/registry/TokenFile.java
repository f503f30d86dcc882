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
 * no parsing and no tokenizing.
 *
 * <p>Layout, big-endian: the magic {@code CTK2}, then k, t, the text's length in code points, the token count n, the
 * sparse fingerprint count s and the dense-only fingerprint count d (six ints); then s longs, the distinct hashes
 * the doubled window ({@code Winnowing.doubled()}) selects; then d longs, the other distinct hashes the (k, t)
 * winnowing selects (each list ascending); then n longs, the token hashes; then for each token two unsigned LEB128
 * varints, the gap from the previous token's end (from 0 for the first) to its start, and its length, both in code
 * points.
 */
final class TokenFile {

    private static final int MAGIC = 0x43544B32;
    private static final int HEADER = 28;

    /** What a token file holds. */
    record Content(int k, int t, TokenizedText tokens, long[] sparse, long[] denseOnly) {
    }

    private TokenFile() {
    }

    static byte[] encode(int k, int t, TokenizedText tokens, long[] sparse, long[] denseOnly) {
        int n = tokens.size();
        ByteBuffer out = ByteBuffer.allocate(HEADER + 8 * (sparse.length + denseOnly.length) + 8 * n + 10 * n);
        out.putInt(MAGIC).putInt(k).putInt(t).putInt(tokens.codePoints()).putInt(n).putInt(sparse.length)
                .putInt(denseOnly.length);
        out.asLongBuffer().put(sparse);
        out.position(out.position() + 8 * sparse.length);
        out.asLongBuffer().put(denseOnly);
        out.position(out.position() + 8 * denseOnly.length);
        out.asLongBuffer().put(tokens.hashes());
        out.position(out.position() + 8 * n);
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            putVarint(out, tokens.starts()[i] - previousEnd);
            putVarint(out, tokens.ends()[i] - tokens.starts()[i]);
            previousEnd = tokens.ends()[i];
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** Reads the header and the fingerprints only: the sparse ones, and the dense-only ones when asked. */
    static Content readFingerprints(Path file, boolean dense) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = read(channel, 0, HEADER, file);
            int k = header.getInt(4);
            int t = header.getInt(8);
            int s = header.getInt(20);
            int d = dense ? header.getInt(24) : 0;
            ByteBuffer body = read(channel, HEADER, 8L * (s + d), file);
            long[] sparse = new long[s];
            long[] denseOnly = new long[d];
            body.asLongBuffer().get(sparse);
            body.position(8 * s);
            body.asLongBuffer().get(denseOnly);
            return new Content(k, t, null, sparse, denseOnly);
        }
    }

    /** Reads the whole file. */
    static Content read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + ": token file too large");
            }
            ByteBuffer in = read(channel, 0, size, file);
            int k = in.getInt(4);
            int t = in.getInt(8);
            int codePoints = in.getInt(12);
            int n = in.getInt(16);
            int s = in.getInt(20);
            int d = in.getInt(24);
            int f = s + d;
            if (n < 0 || s < 0 || d < 0 || HEADER + 8L * f + 10L * n > size) {
                throw new IOException(file + ": damaged token file (counts do not fit its size)");
            }
            long[] sparse = new long[s];
            long[] denseOnly = new long[d];
            in.position(HEADER);
            in.asLongBuffer().get(sparse);
            in.position(HEADER + 8 * s);
            in.asLongBuffer().get(denseOnly);
            long[] hashes = new long[n];
            in.position(HEADER + 8 * f);
            in.asLongBuffer().get(hashes);
            in.position(HEADER + 8 * f + 8 * n);
            int[] starts = new int[n];
            int[] ends = new int[n];
            int end = 0;
            for (int i = 0; i < n; i++) {
                starts[i] = end + varint(in, file);
                end = starts[i] + varint(in, file);
                ends[i] = end;
            }
            if (end > codePoints) {
                throw new IOException(file + ": damaged token file (a token ends past the text)");
            }
            return new Content(k, t, new TokenizedText(hashes, starts, ends, codePoints), sparse, denseOnly);
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, long length, Path file) throws IOException {
        if (at + length > channel.size()) {
            throw new IOException(file + ": damaged token file (shorter than its header says)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException(file + ": damaged token file (ends early)");
            }
        }
        buffer.flip();
        if (at == 0 && buffer.getInt(0) != MAGIC) {
            throw new IOException(file + ": not a Custos token file");
        }
        return buffer;
    }

    private static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    private static int varint(ByteBuffer in, Path file) throws IOException {
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
}
