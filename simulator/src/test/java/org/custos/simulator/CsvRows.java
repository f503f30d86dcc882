package org.custos.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test kit: reads the simulator's CSV files back (quote-aware field splitting, CERT dates). */
final class CsvRows {

    static final DateTimeFormatter CERT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    private CsvRows() {
    }

    /** Every line of a file, header included, without line ends. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data lines of a file (header dropped). */
    static List<String> data(Path file) {
        List<String> lines = lines(file);
        return lines.subList(1, lines.size());
    }

    /** Streams the data lines of a big file. */
    static Stream<String> stream(Path file) {
        try {
            return Files.lines(file, StandardCharsets.UTF_8).skip(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of one CSV line, unquoted. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A CERT date, {@code MM/DD/YYYY HH:MM:SS}. */
    static LocalDateTime date(String text) {
        return LocalDateTime.parse(text, CERT_DATE);
    }
}
