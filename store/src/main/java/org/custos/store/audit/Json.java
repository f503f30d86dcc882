package org.custos.store.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.core.text.OneLine;

/**
 * Json reads strict JSON into maps, lists, strings, longs, booleans and null, and writes those values as canonical
 * JSON: object keys sorted, no white space, integers only, strings escaped minimally (the rules of RFC 8785 for
 * the values the audit log uses).
 */
final class Json {

    /*
     * The audit log hashes the exact bytes of each entry, so an entry must have one spelling: the writer sorts keys
     * by UTF-16 code units and escapes only what JSON requires (quote, backslash, control characters, the latter
     * as \b \f \n \r \t or a lower-case six-character escape). The reader is strict (no duplicate keys, nothing
     * after the value) so that a hand-edited line is noticed rather than reinterpreted.
     */

    private Json() {
    }

    /** The canonical JSON text of a value built from maps with string keys, lists, strings, numbers, booleans. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sorted.put((String) e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Parses one JSON value (an integer too large for a long becomes a BigInteger); throws {@link
     * IllegalArgumentException} naming the offset of the first error.
     */
    static Object parse(String text) {
        Reader r = new Reader(text);
        r.space();
        Object value = r.value();
        r.space();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the value");
        }
        return value;
    }

    private static final class Reader {
        final String s;
        int pos;

        Reader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid JSON at character " + (pos + 1) + ": "
                    + OneLine.shown(what));
        }

        void space() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        Object value() {
            char c = peek();
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        Number number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            int digits = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digits) {
                throw error("expected a digit");
            }
            if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                throw error("only integers are allowed");
            }
            if (s.charAt(digits) == '0' && pos - digits > 1) {
                throw error("a number has a leading zero");
            }
            try {
                return Long.parseLong(s, start, pos, 10);
            } catch (NumberFormatException e) {
                return new BigInteger(s.substring(start, pos));
            }
        }

        String string() {
            pos++;
            StringBuilder out = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    String result = out == null ? s.substring(start, pos) : out.append(s, start, pos).toString();
                    pos++;
                    return result;
                }
                if (c < 0x20) {
                    throw error("a control character inside a string");
                }
                if (c == '\\') {
                    if (out == null) {
                        out = new StringBuilder();
                    }
                    out.append(s, start, pos);
                    pos++;
                    char e = peek();
                    pos++;
                    switch (e) {
                        case '"' -> out.append('"');
                        case '\\' -> out.append('\\');
                        case '/' -> out.append('/');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("a short \\u escape");
                            }
                            int code = 0;
                            for (int i = 0; i < 4; i++) {
                                int digit = Character.digit(s.charAt(pos + i), 16);
                                if (digit < 0) {
                                    throw error("a bad \\u escape");
                                }
                                code = code << 4 | digit;
                            }
                            out.append((char) code);
                            pos += 4;
                        }
                        default -> throw error("a bad escape \\" + e);
                    }
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        List<Object> array() {
            pos++;
            List<Object> list = new ArrayList<>();
            space();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                space();
                list.add(value());
                space();
                char c = peek();
                pos++;
                if (c == ']') {
                    return Collections.unmodifiableList(list);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected , or ]");
                }
            }
        }

        Map<String, Object> object() {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                int keyAt = pos;
                String key = string();
                space();
                if (peek() != ':') {
                    throw error("expected :");
                }
                pos++;
                space();
                Object value = value();
                if (map.containsKey(key)) {
                    pos = keyAt;
                    throw error("the key \"" + key + "\" appears twice");
                }
                map.put(key, value);
                space();
                char c = peek();
                pos++;
                if (c == '}') {
                    return Collections.unmodifiableMap(map);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected , or }");
                }
            }
        }
    }
}
