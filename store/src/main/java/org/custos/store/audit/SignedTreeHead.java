package org.custos.store.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.custos.core.text.OneLine;

/**
 * A SignedTreeHead is a log's promise, signed with its Ed25519 key: at {@code time} it held {@code size} entries
 * whose Merkle tree hash was {@code root}. Its JSON form is what {@code custos audit export-head} writes and
 * {@code custos audit verify --head} reads.
 *
 * @param size the number of entries
 * @param root the Merkle tree hash of those entries (32 bytes)
 * @param time when the head was signed, to the millisecond
 * @param signature the Ed25519 signature over {@link #signedBytes()}
 */
public record SignedTreeHead(long size, byte[] root, Instant time, byte[] signature) {

    /*
     * The signed bytes are the ASCII line "custos-audit-tree-head-v1" and a newline, followed by the canonical
     * JSON {"root":base64,"size":n,"time":iso}: a version tag, so a signature over one thing is never read as
     * one over another, and a text anyone can rebuild with any JSON library.
     */

    private static final String SIGNING_TAG = "custos-audit-tree-head-v1\n";
    private static final Set<String> KEYS = Set.of("root", "signature", "size", "time");

    /** A SignedTreeHead has a non-negative size, a 32-byte root and a time in milliseconds; arrays are copied. */
    public SignedTreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("a tree head's size is not negative, got " + size);
        }
        if (root.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a tree head's root has 32 bytes, got " + root.length);
        }
        if (!time.truncatedTo(ChronoUnit.MILLIS).equals(time)) {
            throw new IllegalArgumentException("a tree head's time is in whole milliseconds, got " + time);
        }
        root = root.clone();
        signature = signature.clone();
    }

    /** The unsigned head: size and root. */
    public TreeHead treeHead() {
        return new TreeHead(size, root);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature covers: a version tag line and the canonical JSON of root, size and time. */
    public byte[] signedBytes() {
        return signedBytes(size, root, time);
    }

    static byte[] signedBytes(long size, byte[] root, Instant time) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("root", Base64.getEncoder().encodeToString(root));
        map.put("size", size);
        map.put("time", time.toString());
        return (SIGNING_TAG + Json.write(map)).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON of this head: {@code {"root","signature","size","time"}}, base64 for bytes. */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("root", Base64.getEncoder().encodeToString(root));
        map.put("signature", Base64.getEncoder().encodeToString(signature));
        map.put("size", size);
        map.put("time", time.toString());
        return Json.write(map);
    }

    /** Reads a head from its JSON form; throws IllegalArgumentException naming the bad field. */
    public static SignedTreeHead parse(String json) {
        if (!(Json.parse(json.strip()) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a tree head is a JSON object");
        }
        for (String key : KEYS) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("a tree head needs field \"" + key + "\"");
            }
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + OneLine.shown(String.valueOf(key)) + "\" in a tree head");
            }
        }
        if (!(map.get("size") instanceof Long size)) {
            throw new IllegalArgumentException("field \"size\" of a tree head is not an integer");
        }
        try {
            return new SignedTreeHead(size, base64(map, "root"), Instant.parse((String) text(map, "time")),
                    base64(map, "signature"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"time\" of a tree head is not an ISO-8601 instant");
        }
    }

    private static Object text(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalArgumentException("field \"" + key + "\" of a tree head is not a string");
        }
        return s;
    }

    private static byte[] base64(Map<?, ?> map, String key) {
        try {
            return Base64.getDecoder().decode((String) text(map, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"" + key + "\" of a tree head is not base64");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTreeHead h && h.size == size && Arrays.equals(h.root, root)
                && h.time.equals(time) && Arrays.equals(h.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "SignedTreeHead" + toJson();
    }
}
