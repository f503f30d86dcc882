package org.custos.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * WireStrings writes and reads the strings of events on the wire between the job's operators: a variable-length
 * count (0 for null, else the number of UTF-8 bytes plus one) and the UTF-8 bytes in one block.
 *
 * <p>It replaces Flink's {@code StringValue} encoding, which writes and reads one character at a time; events are
 * mostly text (e-mail bodies, web pages, paths), and a block copy of the bytes costs a fraction of that on both
 * sides of the hand-over. Reading keeps a scratch buffer, so an instance serves one thread.
 */
final class WireStrings implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int NAME_SLOTS = 1 << 12;
    private static final int MAX_NAME_BYTES = 64;

    private byte[] scratch = new byte[256];
    private transient byte[][] nameBytes;
    private transient String[] names;

    /** Writes a string, which may be null. */
    static void write(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        if (s.isEmpty()) {
            out.writeByte(1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeCount(bytes.length + 1L, out);
        out.write(bytes);
    }

    /** Reads a string written by {@link #write}, or null. */
    String read(DataInputView in) throws IOException {
        long count = readCount(in);
        if (count == 0) {
            return null;
        }
        int n = (int) (count - 1);
        if (n == 0) {
            return "";
        }
        if (n > scratch.length) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        in.readFully(scratch, 0, n);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Reads a string written by {@link #write} that is a name many records repeat (a user id, a host), handing out
     * the same String for the same bytes as the last time they were read into the same slot of a small cache, so
     * that the keyed stage does not allocate and hash a new copy of a person's id for every event.
     */
    String readName(DataInputView in) throws IOException {
        long count = readCount(in);
        if (count == 0) {
            return null;
        }
        int n = (int) (count - 1);
        if (n == 0) {
            return "";
        }
        if (n > scratch.length) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        in.readFully(scratch, 0, n);
        if (n > MAX_NAME_BYTES) {
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }
        if (names == null) {
            names = new String[NAME_SLOTS];
            nameBytes = new byte[NAME_SLOTS][];
        }
        int h = 1;
        for (int i = 0; i < n; i++) {
            h = 31 * h + scratch[i];
        }
        int slot = (h ^ (h >>> 16)) & (NAME_SLOTS - 1);
        byte[] known = nameBytes[slot];
        if (known != null && java.util.Arrays.equals(known, 0, known.length, scratch, 0, n)) {
            return names[slot];
        }
        String name = new String(scratch, 0, n, StandardCharsets.UTF_8);
        nameBytes[slot] = java.util.Arrays.copyOf(scratch, n);
        names[slot] = name;
        return name;
    }

    /** Writes a non-negative count in 7-bit groups, low group first. */
    static void writeCount(long value, DataOutputView out) throws IOException {
        while (value >= 0x80) {
            out.writeByte((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    /** Reads a count written by {@link #writeCount}. */
    static long readCount(DataInputView in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                if (value < 0 || value > Integer.MAX_VALUE + 1L) {
                    throw new IOException("string length " + value + " out of range");
                }
                return value;
            }
        }
        throw new IOException("malformed string length");
    }
}
