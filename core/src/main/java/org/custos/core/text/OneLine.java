package org.custos.core.text;

/**
 * OneLine makes text taken from an input safe to quote in a one-line message: every control character (a line break,
 * a tab, an escape), DEL and the Unicode line and paragraph separators are shown as {@code \\uXXXX}, so a problem
 * report stays one line per problem whatever the input held.
 */
public final class OneLine {

    private OneLine() {
    }

    /** The text with its control and line-separator characters written as {@code \\uXXXX}. */
    public static String shown(String text) {
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, k);
                }
                out.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit(c >> 8 & 15, 16))
                        .append(Character.forDigit(c >> 4 & 15, 16)).append(Character.forDigit(c & 15, 16));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
