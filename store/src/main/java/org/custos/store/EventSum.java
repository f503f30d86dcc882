package org.custos.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * An EventSum is an order-independent digest of a set of stored events: the sum, modulo 2<sup>256</sup>, of each
 * event's SHA-256 over its stored columns. Sums add and subtract, so the audit log can record what each batch added
 * and each retention run removed, and a later check compares the total with the sum recomputed from the store: an
 * event changed, inserted or deleted behind Custos' back makes them differ.
 */
final class EventSum {

    /*
     * An event's hash covers the columns exactly as stored (user, time in microseconds, id, kind, host, escaped
     * detail), each written as text preceded by its length in UTF-8 bytes in decimal and a colon (the time in
     * decimal too), so no two different rows encode alike and SQL can compute the same bytes: the adapters sum a
     * whole table in the database (see {@link #ofHexChunks}), which is much faster than fetching every row. Finding a set of
     * other rows with the same sum is as hard as the generalized birthday problem over 256 bits (an additive
     * multiset hash); it is a check of the store against the log, not a secret.
     */

    private final long[] limbs = new long[4];
    private final MessageDigest sha = JdbcStore.digest();
    private byte[] buffer = new byte[256];
    private long count;

    /** Adds one event's hash and returns it. */
    byte[] add(String user, long tsMicros, String id, String kind, String host, String detail) {
        byte[] h = hash(user, tsMicros, id, kind, host, detail);
        add(h);
        return h;
    }

    /** Adds the whole of another sum. */
    void add(EventSum other) {
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long a = limbs[i];
            long s = a + other.limbs[i] + carry;
            carry = Long.compareUnsigned(s, a) < 0 || carry == 1 && s == a ? 1 : 0;
            limbs[i] = s;
        }
        count += other.count;
    }

    /** Subtracts the whole of another sum. */
    void subtract(EventSum other) {
        long borrow = 0;
        for (int i = 3; i >= 0; i--) {
            long a = limbs[i];
            long b = other.limbs[i];
            long d = a - b - borrow;
            borrow = Long.compareUnsigned(a, b) < 0 || borrow == 1 && a == b ? 1 : 0;
            limbs[i] = d;
        }
        count -= other.count;
    }

    /** The number of events added (less those subtracted). */
    long count() {
        return count;
    }

    /** The sum as 64 lower-case hex digits. */
    String hex() {
        StringBuilder s = new StringBuilder(64);
        for (long l : limbs) {
            s.append(HexFormat.of().toHexDigits(l));
        }
        return s.toString();
    }

    /** The sum written by {@link #hex()}. */
    static EventSum parse(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("an event sum has 64 hex digits, got '" + hex + "'");
        }
        EventSum s = new EventSum();
        for (int i = 0; i < 4; i++) {
            s.limbs[i] = HexFormat.fromHexDigitsToLong(hex, i * 16, i * 16 + 16);
        }
        return s;
    }

    /** The sum of the events a query returns (its columns: user_id, ts_us, id, kind, host, detail). */
    static EventSum of(Connection c, String sql, Object... params) throws SQLException {
        EventSum sum = new EventSum();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JdbcStore.bind(ps, params);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum.add(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6));
                }
            }
        }
        return sum;
    }

    /**
     * The sum of {@code count} events from the sums of their hashes' eight 32-bit big-endian chunks (each as a
     * decimal string, as the database's {@code sum} returns it).
     */
    static EventSum ofHexChunks(long count, String[] chunkSums) {
        java.math.BigInteger total = java.math.BigInteger.ZERO;
        for (int k = 0; k < 8; k++) {
            java.math.BigInteger v = new java.math.BigInteger(chunkSums[k] == null ? "0" : chunkSums[k]);
            total = total.add(v.shiftLeft(32 * (7 - k)));
        }
        EventSum s = new EventSum();
        for (int i = 3; i >= 0; i--) {
            s.limbs[i] = total.longValue();
            total = total.shiftRight(64);
        }
        s.count = count;
        return s;
    }

    private void add(byte[] h) {
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v = v << 8 | (h[i * 8 + j] & 0xff);
            }
            long a = limbs[i];
            long s = a + v + carry;
            carry = Long.compareUnsigned(s, a) < 0 || carry == 1 && s == a ? 1 : 0;
            limbs[i] = s;
        }
        count++;
    }

    private byte[] hash(String user, long ts, String id, String kind, String host, String detail) {
        int n = put(0, user);
        n = putNumber(n, ts);
        n = put(n, id);
        n = put(n, kind);
        n = put(n, host);
        n = put(n, detail);
        sha.reset();
        sha.update(buffer, 0, n);
        return sha.digest();
    }

    /** Writes a text field: its length in UTF-8 bytes in decimal, a colon, and its UTF-8 bytes; ASCII as is. */
    private int put(int at, String field) {
        int chars = field.length();
        ensure(at + 12 + chars);
        int digits = digits(chars);
        int p = at + digits + 1;
        for (int i = 0; i < chars; i++) {
            char ch = field.charAt(i);
            if (ch >= 0x80) {
                return putEncoded(at, field);
            }
            buffer[p++] = (byte) ch;
        }
        writeDecimal(at, chars, digits);
        buffer[at + digits] = ':';
        return p;
    }

    private int putEncoded(int at, String field) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        ensure(at + 12 + b.length);
        int digits = digits(b.length);
        writeDecimal(at, b.length, digits);
        buffer[at + digits] = ':';
        System.arraycopy(b, 0, buffer, at + digits + 1, b.length);
        return at + digits + 1 + b.length;
    }

    /** Writes a number as a text field: the length of its decimal form, a colon, and that form. */
    private int putNumber(int at, long value) {
        return put(at, Long.toString(value));
    }

    private static int digits(long value) {
        int d = 1;
        while (value >= 10) {
            value /= 10;
            d++;
        }
        return d;
    }

    private void writeDecimal(int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private void ensure(int size) {
        if (size > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
        }
    }
}
