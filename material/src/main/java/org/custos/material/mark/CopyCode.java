package org.custos.material.mark;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CopyCode is the printed name of one marked copy: eight Crockford base-32 characters of random copy id and two
 * check characters keyed with the installation's {@link MarkKey}, shown as {@code 7KQ2-M9XD-4F}.
 *
 * <p>The check characters (10 bits of an HMAC) let a tracer tell a code it issued from a forged or misread one
 * without the ledger; the QR code carries a 50-bit MAC for the same purpose.
 */
public record CopyCode(String id, String check) {

    /** The Crockford base-32 alphabet (no I, L, O, U). */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CHAR = "[0-9A-HJKMNP-TV-Z]";
    private static final Pattern PRINTED = Pattern.compile(
            "(?i)c[o0]py[\\s:]{1,3}([0-9A-Za-z]{4})[-–—. ]{1,2}([0-9A-Za-z]{4})[-–—. ]{1,2}([0-9A-Za-z]{2})(?![0-9A-Za-z])");
    private static final Pattern SEPARATORS = Pattern.compile("[-–—. ]");
    private static final Pattern STRICT = Pattern.compile(CHAR + "{8}");

    /** Checks the form of the id and the check characters. */
    public CopyCode {
        if (!STRICT.matcher(id).matches()) {
            throw new IllegalArgumentException("copy id must be 8 Crockford base-32 characters, was '" + id + "'");
        }
        if (check.length() != 2) {
            throw new IllegalArgumentException("copy code check must be 2 characters, was '" + check + "'");
        }
    }

    /** The printed form, {@code XXXX-XXXX-CC}. */
    public String printed() {
        return id.substring(0, 4) + "-" + id.substring(4) + "-" + check;
    }

    @Override
    public String toString() {
        return printed();
    }

    /**
     * Every candidate code printed in a text (from a PDF text layer or OCR): the word COPY, then groups of 4, 4 and 2
     * letters or digits joined by dashes, spaces or dots, with the usual OCR confusions folded (O to 0, I and L to 1,
     * U to V). Every mark Custos prints has that form.
     */
    public static java.util.List<CopyCode> findAll(String text) {
        java.util.List<CopyCode> found = new java.util.ArrayList<>();
        Matcher m = PRINTED.matcher(text);
        while (m.find()) {
            String id = fold(m.group(1) + m.group(2));
            String check = fold(m.group(3));
            if (id != null && check != null) {
                found.add(new CopyCode(id, check));
            }
        }
        return found;
    }

    /** Parses a printed code ({@code 7KQ2-M9XD-4F}, case and separators free); empty when it is not one. */
    public static Optional<CopyCode> parse(String printed) {
        String s = SEPARATORS.matcher(printed).replaceAll("");
        if (s.length() != 10) {
            return Optional.empty();
        }
        String id = fold(s.substring(0, 8));
        String check = fold(s.substring(8));
        return id == null || check == null ? Optional.empty() : Optional.of(new CopyCode(id, check));
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        // char by char: upper-casing the whole string could lengthen it ('ß' to "SS") and make a 9-letter id
        for (char c : s.toCharArray()) {
            char f = switch (Character.toUpperCase(c)) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                case 'U' -> 'V';
                default -> Character.toUpperCase(c);
            };
            if (ALPHABET.indexOf(f) < 0) {
                return null;
            }
            b.append(f);
        }
        return b.toString();
    }
}
