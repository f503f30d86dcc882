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

    /** Reads the record in a canonical JSON text; throws IllegalArgumentException naming the bad field. */
    static AuditRecord parse(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the entry is not a JSON object");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + key + "\"");
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
