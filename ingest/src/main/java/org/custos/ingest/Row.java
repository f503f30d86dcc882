package org.custos.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.ingest.csv.CsvReader;

/**
 * A Row is the current record of a CSV file read through its header: typed access to its fields that notes every
 * field problem (naming the column and the value) instead of failing on the first, and a {@link #verify()} that
 * turns the problems into one rejection.
 *
 * <p>Accessors given column -1 (a column this release lacks) answer the empty value. After a problem they answer a
 * placeholder (null, 0, -1); callers must call {@code verify()} before using the values.
 */
final class Row {

    private static final int SHOWN_VALUE_CHARS = 80;

    private final CsvReader csv;
    private final Header header;
    private final NamePool names;
    private final int idColumn;
    private final int dateColumn;
    private final int userColumn;
    private StringBuilder problems;
    private long shiftSeconds;

    Row(CsvReader csv, Header header, NamePool names) {
        this.csv = csv;
        this.header = header;
        this.names = names;
        this.idColumn = header.index("id");
        this.dateColumn = header.index("date");
        this.userColumn = header.index("user");
    }

    /** Adds {@code seconds} to every date read from now on (to correct a source's clock). */
    void shift(long seconds) {
        this.shiftSeconds = seconds;
    }

    /** Forgets the problems of the previous record. */
    void reset() {
        problems = null;
    }

    /**
     * Why the current record cannot be read at all (malformed CSV, wrong number of fields), or null when its
     * fields can be read.
     */
    String shapeProblem() {
        if (csv.malformation() != null) {
            int field = csv.malformedField();
            return field < 0 ? csv.malformation()
                    : header.name(field) + " (field " + (field + 1) + "): " + csv.malformation();
        }
        int found = csv.fieldCount();
        if (found != header.size()) {
            String expected = header.size() + " (" + String.join(",", header.names()) + ")";
            return !csv.terminated() && found < header.size()
                    ? "truncated final line: " + found + " fields, expected " + expected
                    : "wrong number of fields: " + found + ", expected " + expected;
        }
        return null;
    }

    /** The 1-based line the record starts on. */
    long line() {
        return csv.line();
    }

    /** The raw text of the record. */
    String raw() {
        return csv.raw();
    }

    /** The record's id; a problem when empty. */
    String id() {
        return required(idColumn);
    }

    /** The record's {@code date} as an instant (local time read as UTC); a problem when it is not a date. */
    Instant time() {
        if (csv.escaped(dateColumn)) {
            noteValue(dateColumn, "is not a date of the form " + CertTime.FORM);
            return null;
        }
        long second = CertTime.epochSecond(csv.buffer(), csv.offset(dateColumn), csv.length(dateColumn));
        if (second == CertTime.INVALID) {
            noteValue(dateColumn, "is not a date of the form " + CertTime.FORM);
            return null;
        }
        return Instant.ofEpochSecond(second + shiftSeconds);
    }

    /** The record's user (account id), shared through the name pool; a problem when empty. */
    String user() {
        return requiredName(userColumn);
    }

    /** The field's text shared through the name pool; a problem when it is empty or only white space. */
    String requiredName(int col) {
        String s = name(col);
        if (s.isBlank() && col >= 0) {
            // white space only (found by fuzzing LDAP snapshots: an id of \x1E characters) names nobody
            note(col, s.isEmpty() ? "empty" : "only white space");
        }
        return s;
    }

    /** The field's text, or empty for column -1. */
    String text(int col) {
        return col < 0 ? "" : csv.text(col);
    }

    /** The field's text shared through the name pool (for names that repeat: hosts, doors, printers). */
    String name(int col) {
        if (col < 0) {
            return "";
        }
        if (csv.escaped(col)) {
            return csv.text(col);
        }
        return names.name(csv.buffer(), csv.offset(col), csv.length(col));
    }

    /** The field's text; a problem when it is empty. */
    String required(int col) {
        String s = text(col);
        if (s.isEmpty() && col >= 0) {
            note(col, "empty");
        }
        return s;
    }

    /** The index in {@code allowed} of the field's value (exact, else ignoring case and blanks); a problem when none. */
    int choice(int col, String... allowed) {
        byte[] b = csv.buffer();
        int off = csv.offset(col);
        int len = csv.length(col);
        for (int i = 0; i < allowed.length; i++) {
            if (asciiEquals(b, off, len, allowed[i])) {
                return i;
            }
        }
        String value = csv.text(col).trim();
        for (int i = 0; i < allowed.length; i++) {
            if (allowed[i].equalsIgnoreCase(value)) {
                return i;
            }
        }
        noteValue(col, "is not one of " + String.join(", ", allowed));
        return -1;
    }

    /** The field read as {@code True} or {@code False} (any case); a problem otherwise. */
    boolean flag(int col) {
        return choice(col, "True", "False") == 0;
    }

    /** The field as a whole number >= 0; a problem otherwise. */
    long number(int col) {
        byte[] b = csv.buffer();
        int off = csv.offset(col);
        int len = csv.length(col);
        long n = 0;
        if (len == 0 || len > 18) {
            noteValue(col, "is not a whole number >= 0");
            return 0;
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] < '0' || b[i] > '9') {
                noteValue(col, "is not a whole number >= 0");
                return 0;
            }
            n = n * 10 + b[i] - '0';
        }
        return n;
    }

    /** The field as a whole number from 0 to {@link Integer#MAX_VALUE}; a problem otherwise. */
    int count(int col) {
        long n = number(col);
        if (n > Integer.MAX_VALUE) {
            noteValue(col, "is too large");
            return 0;
        }
        return (int) n;
    }

    /** The field split at {@code ;} into trimmed, non-empty parts; empty for column -1. */
    List<String> list(int col) {
        String s = text(col);
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        while (from <= s.length()) {
            int semi = s.indexOf(';', from);
            int to = semi < 0 ? s.length() : semi;
            String part = s.substring(from, to).trim();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            from = to + 1;
        }
        return parts;
    }

    /** Notes a problem with a column: {@code column: what}. */
    void note(int col, String what) {
        if (problems == null) {
            problems = new StringBuilder();
        } else {
            problems.append("; ");
        }
        problems.append(header.name(col)).append(": ").append(what);
    }

    /** Notes a problem with a column's value: {@code column: 'value' what}. */
    void noteValue(int col, String what) {
        note(col, "'" + shown(csv.text(col)) + "' " + what);
    }

    /** Throws a rejection listing every problem noted for this record, if any. */
    void verify() throws RejectedRow {
        if (problems != null) {
            throw new RejectedRow(problems.toString());
        }
    }

    private static String shown(String value) {
        return value.length() <= SHOWN_VALUE_CHARS ? value : value.substring(0, SHOWN_VALUE_CHARS) + "...";
    }

    private static boolean asciiEquals(byte[] b, int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
