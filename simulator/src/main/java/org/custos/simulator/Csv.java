package org.custos.simulator;

/**
 * Csv writes fields the way the CERT files do: bare, and in double quotes (with inner quotes doubled) only when the
 * field contains a comma, a quote or a line break.
 */
final class Csv {

    private Csv() {
    }

    /** Appends one field, quoted only when it must be. */
    static void appendField(StringBuilder sb, String value) {
        if (needsQuotes(value)) {
            sb.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    sb.append('"');
                }
                sb.append(c);
            }
            sb.append('"');
        } else {
            sb.append(value);
        }
    }

    /** Fields joined by commas, each quoted only when it must be. */
    static String line(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendField(sb, fields[i]);
        }
        return sb.toString();
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
