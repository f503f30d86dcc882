package org.custos.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.ingest.csv.CsvReader;

/**
 * A Header is the first line of a CSV file: its column names, trimmed and in lower case, looked up by name.
 *
 * @param names the column names in file order, trimmed, lower case, without a byte-order mark
 * @param text the header line as found, for messages: on one line (a quoted line break shows as {@code \n}, other
 *     control characters as {@code ?})
 */
record Header(List<String> names, String text) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Copies the names. */
    Header {
        names = List.copyOf(names);
    }

    /** The header held by the reader's current record. */
    static Header of(CsvReader csv) {
        List<String> names = new ArrayList<>(csv.fieldCount());
        for (int i = 0; i < csv.fieldCount(); i++) {
            String name = csv.text(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        String text = csv.raw();
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Header(names, printable(text));
    }

    /** Text for a one-line notice: line breaks shown as {@code \\n}, other control characters as {@code ?}. */
    static String printable(String text) {
        return CONTROL.matcher(LINE_BREAK.matcher(text).replaceAll("\\\\n")).replaceAll("?");
    }

    /** A header with the given comma-separated names (already in lower case). */
    static Header parse(String commaSeparated) {
        return new Header(List.of(commaSeparated.split(",")), commaSeparated);
    }

    /** The number of columns. */
    int size() {
        return names.size();
    }

    /** The index of the named column, or -1 when there is none. */
    int index(String name) {
        return names.indexOf(name);
    }

    /** The name of column {@code i}, or {@code field N} past the last column. */
    String name(int i) {
        return i >= 0 && i < names.size() ? names.get(i) : "field " + (i + 1);
    }

    /** True when this header has exactly the given columns, in any order, each once. */
    boolean sameColumnsAs(Header other) {
        Set<String> mine = new HashSet<>(names);
        return mine.size() == names.size() && names.size() == other.names.size() && mine.containsAll(other.names);
    }

    /** The names in {@code wanted} that this header lacks. */
    List<String> missing(List<String> wanted) {
        return wanted.stream().filter(n -> !names.contains(n)).toList();
    }
}
