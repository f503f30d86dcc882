package org.custos.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A NamePool hands out one shared String per distinct short byte sequence (user ids, host names, doors), so that
 * millions of rows naming the same few thousand accounts and machines allocate each name once.
 *
 * <p>An open-addressing table keyed by the bytes; it stops growing at a fixed number of entries (later names are
 * returned as fresh strings), so memory stays bounded whatever the input. Not thread-safe: one per reading thread.
 */
final class NamePool {

    private static final int SLOTS = 1 << 16;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int MAX_NAME_BYTES = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];
    private int size;

    /** The shared string for the UTF-8 bytes {@code b[off, off+len)}. */
    String name(byte[] b, int off, int len) {
        if (len == 0) {
            return "";
        }
        if (len > MAX_NAME_BYTES) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 15;
        int slot = h & (SLOTS - 1);
        while (keys[slot] != null) {
            byte[] key = keys[slot];
            if (Arrays.equals(key, 0, key.length, b, off, off + len)) {
                return names[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        if (size < MAX_ENTRIES) {
            keys[slot] = Arrays.copyOfRange(b, off, off + len);
            names[slot] = s;
            size++;
        }
        return s;
    }
}
