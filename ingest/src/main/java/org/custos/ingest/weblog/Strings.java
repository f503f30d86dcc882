package org.custos.ingest.weblog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings turns the bytes of often repeated log fields (client addresses, methods, user agents) into strings,
 * handing back the same string for the same bytes from a small direct-mapped cache, so that a log of millions of
 * lines allocates one string per distinct value seen recently rather than one per line.
 */
final class Strings {

    private static final int SLOTS = 1 << 14;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The ASCII text of bytes {@code [s, e)} (other bytes decoded as UTF-8). */
    String ascii(byte[] b, int s, int e) {
        return cached(b, s, e);
    }

    /** The UTF-8 text of bytes {@code [s, e)}. */
    String utf8(byte[] b, int s, int e) {
        return cached(b, s, e);
    }

    private String cached(byte[] b, int s, int e) {
        int len = e - s;
        if (len > 512) {
            return new String(b, s, len, StandardCharsets.UTF_8);
        }
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && Arrays.equals(key, 0, len, b, s, e)) {
            return values[slot];
        }
        String value = new String(b, s, len, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(b, s, e);
        values[slot] = value;
        return value;
    }
}
