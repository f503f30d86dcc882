package org.custos.store.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.core.text.OneLine;

/**
 * EntryCodec writes an audit record as one line of {@code entries.log} — the hex leaf hash, a space, the record's
 * canonical JSON, a newline — and reads such a line back, checking every field.
 */
final class EntryCodec {

    /*
     * The leaf hash covers the exact JSON bytes, SHA-256(0x00 ‖ json); the hex prefix repeats it so that a torn or
     * edited line is noticed on its own, without the tree. Keys: action, actor, details, from, objects, role, seq,
     * subject, time — all required, no others; subject may be null.
     */

    static final int HEX_LENGTH = Merkle.HASH_SIZE * 2;
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> KEYS = Set.of("action", "actor", "details", "from", "objects", "role", "seq",
            "subject", "time");

    private EntryCodec() {
    }

    /** The canonical JSON bytes of a record. */
    static byte[] json(AuditRecord record) {
        AuditEntry e = record.entry();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", e.action());
        map.put("actor", e.actor());
        map.put("details", e.details());
        map.put("from", e.from());
        map.put("objects", e.objects());
        map.put("role", e.role());
        map.put("seq", record.index());
        map.put("subject", e.subject());
        map.put("time", record.time().toString());
        return Json.write(map).getBytes(StandardCharsets.UTF_8);
    }

    /** The line for a record whose JSON is {@code json} and leaf hash {@code leafHash}, newline included. */
    static byte[] line(byte[] json, byte[] leafHash) {
        byte[] line = new byte[HEX_LENGTH + 1 + json.length + 1];
        byte[] hex = HEX.formatHex(leafHash).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, line, 0, HEX_LENGTH);
        line[HEX_LENGTH] = ' ';
        System.arraycopy(json, 0, line, HEX_LENGTH + 1, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * The leaf hash recorded at the start of a line (without its newline), or null when the line does not start
     * with 64 hex digits and a space.
     */
    static byte[] recordedHash(byte[] line, int from, int length) {
        if (length < HEX_LENGTH + 1 || line[from + HEX_LENGTH] != ' ') {
            return null;
        }
        byte[] hash = new byte[Merkle.HASH_SIZE];
        for (int i = 0; i < Merkle.HASH_SIZE; i++) {
            int hi = Character.digit(line[from + 2 * i], 16);
            int lo = Character.digit(line[from + 2 * i + 1], 16);
            if (hi < 0 || lo < 0 || Character.isUpperCase(line[from + 2 * i])
                    || Character.isUpperCase(line[from + 2 * i + 1])) {
                return null;
            }
            hash[i] = (byte) (hi << 4 | lo);
        }
        return hash;
    }

    /**
     * The leaf hash of a line's JSON (everything after the hex prefix, or the whole line when it has none),
     * without the newline.
     */
    static byte[] computedHash(byte[] line, int from, int length) {
        boolean prefixed = length >= HEX_LENGTH + 1 && line[from + HEX_LENGTH] == ' ';
        int skip = prefixed ? HEX_LENGTH + 1 : 0;
        return Merkle.leafHash(line, from + skip, length - skip);
    }

    /** Reads the record in a line (without its newline); throws IllegalArgumentException naming the bad field. */
    static AuditRecord read(byte[] line, int from, int length) {
        if (recordedHash(line, from, length) == null) {
            throw new IllegalArgumentException("the line does not start with a 64-digit hex hash and a space");
        }
        String json = new String(line, from + HEX_LENGTH + 1, length - HEX_LENGTH - 1, StandardCharsets.UTF_8);
        return parse(json);
    }

    /**
     * The sequence number of the entry in a line (without its newline), after checking that the line is exactly
     * what {@link #line} writes: the hex hash, a space, and canonical JSON with the entry's fields in order and the
     * right types. This is the check verification makes of every line: one pass over the bytes, no allocation.
     * Throws IllegalArgumentException naming the character where the line stops being canonical.
     */
    static long seq(byte[] line, int from, int length) {
        if (recordedHash(line, from, length) == null) {
            throw new IllegalArgumentException("the line does not start with a 64-digit hex hash and a space");
        }
        Canonical c = new Canonical(line, from + HEX_LENGTH + 1, from + length);
        c.expect("{\"action\":");
        c.text();
        c.expect(",\"actor\":");
        c.text();
        c.expect(",\"details\":{");
        if (!c.skip('}')) {
            do {
                c.string();
                c.expect(":");
                c.string();
            } while (c.skip(','));
            c.expect("}");
        }
        c.expect(",\"from\":");
        c.text();
        c.expect(",\"objects\":[");
        if (!c.skip(']')) {
            do {
                c.string();
            } while (c.skip(','));
            c.expect("]");
        }
        c.expect(",\"role\":");
        c.text();
        c.expect(",\"seq\":");
        long seq = c.number();
        c.expect(",\"subject\":");
        if (!c.skip("null")) {
            c.text();
        }
        c.expect(",\"time\":");
        int timeStart = c.pos + 1;
        c.string();
        if (!isInstant(new String(line, timeStart, c.pos - 1 - timeStart, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("field \"time\" is not an ISO-8601 instant");
        }
        c.expect("}");
        if (c.pos != c.end) {
            throw c.error("text after the entry");
        }
        return seq;
    }

    /** Canonical is a cursor over the bytes of one entry's JSON that accepts only the canonical form. */
    private static final class Canonical {
        final byte[] b;
        final int start;
        final int end;
        int pos;

        Canonical(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = end;
            this.pos = start;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("not canonical entry JSON at character " + (pos - start + 1) + ": "
                    + OneLine.shown(what));
        }

        void expect(String token) {
            if (!skip(token)) {
                throw error("expected " + token);
            }
        }

        boolean skip(String token) {
            int n = token.length();
            if (pos + n > end) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (b[pos + i] != token.charAt(i)) {
                    return false;
                }
            }
            pos += n;
            return true;
        }

        boolean skip(char ch) {
            if (pos < end && b[pos] == ch) {
                pos++;
                return true;
            }
            return false;
        }

        void text() {
            int at = pos;
            string();
            if (pos - at == 2) {
                pos = at;
                throw error("an empty text");
            }
        }

        void string() {
            if (!skip('"')) {
                throw error("expected a string");
            }
            while (pos < end) {
                byte ch = b[pos];
                if (ch == '"') {
                    pos++;
                    return;
                }
                if (ch >= 0 && ch < 0x20) {
                    throw error("a raw control character in a string");
                }
                if (ch == '\\') {
                    if (pos + 1 >= end) {
                        break;
                    }
                    byte e = b[pos + 1];
                    if (e == 'u') {
                        if (pos + 6 > end || b[pos + 2] != '0' || b[pos + 3] != '0' || !lowerHex(b[pos + 4])
                                || !lowerHex(b[pos + 5])) {
                            throw error("a \\u escape other than \\u00xx");
                        }
                        pos += 6;
                        continue;
                    }
                    if (e != '"' && e != '\\' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                        throw error("an escape that canonical JSON does not use");
                    }
                    pos += 2;
                    continue;
                }
                pos++;
            }
            throw error("an unterminated string");
        }

        private static boolean lowerHex(byte x) {
            return x >= '0' && x <= '9' || x >= 'a' && x <= 'f';
        }

        long number() {
            int at = pos;
            long value = 0;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    throw error("a number too large");
                }
                value = value * 10 + (b[pos] - '0');
                pos++;
            }
            if (pos == at || b[at] == '0' && pos - at > 1) {
                pos = at;
                throw error("expected a non-negative integer without leading zeros");
            }
            return value;
        }
    }

    private static final int[] DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    /** Whether a text has the shape Instant.toString gives: yyyy-mm-ddThh:mm:ss[.fraction]Z, in UTC. */
    static boolean isInstant(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return n > 20 && fallbackInstant(t);
        }
        for (int i : DIGITS) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        if (n > 20) {
            if (t.charAt(19) != '.' || n == 21) {
                return false;
            }
            for (int i = 20; i < n - 1; i++) {
                if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                    return false;
                }
            }
        }
        int month = (t.charAt(5) - '0') * 10 + t.charAt(6) - '0';
        int day = (t.charAt(8) - '0') * 10 + t.charAt(9) - '0';
        int hour = (t.charAt(11) - '0') * 10 + t.charAt(12) - '0';
        int minute = (t.charAt(14) - '0') * 10 + t.charAt(15) - '0';
        int second = (t.charAt(17) - '0') * 10 + t.charAt(18) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60;
    }

    private static boolean fallbackInstant(String t) {
        try {
            Instant.parse(t);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Reads the record in a canonical JSON text; throws IllegalArgumentException naming the bad field. */
    static AuditRecord parse(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the entry is not a JSON object");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + OneLine.shown(String.valueOf(key)) + "\"");
            }
        }
        for (String key : KEYS) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("missing field \"" + key + "\"");
            }
        }
        if (!(map.get("seq") instanceof Long seq) || seq < 0) {
            throw new IllegalArgumentException("field \"seq\" is not a non-negative integer");
        }
        Instant time;
        try {
            time = Instant.parse(text(map, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"time\" is not an ISO-8601 instant");
        }
        Object subject = map.get("subject");
        if (subject != null && !(subject instanceof String)) {
            throw new IllegalArgumentException("field \"subject\" is neither a string nor null");
        }
        if (!(map.get("objects") instanceof List<?> list)) {
            throw new IllegalArgumentException("field \"objects\" is not a list");
        }
        List<String> objects = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("field \"objects\" holds a value that is not a string");
            }
            objects.add(s);
        }
        if (!(map.get("details") instanceof Map<?, ?> rawDetails)) {
            throw new IllegalArgumentException("field \"details\" is not an object");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<?, ?> d : rawDetails.entrySet()) {
            if (!(d.getValue() instanceof String v)) {
                throw new IllegalArgumentException("field \"details\" holds a value that is not a string");
            }
            details.put((String) d.getKey(), v);
        }
        AuditEntry entry = new AuditEntry(text(map, "actor"), text(map, "role"), text(map, "action"),
                (String) subject, objects, text(map, "from"), details);
        return new AuditRecord(seq, time, entry);
    }

    private static String text(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalArgumentException("field \"" + key + "\" is not a string");
        }
        return s;
    }
}
