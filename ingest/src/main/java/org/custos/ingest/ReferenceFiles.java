package org.custos.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ReferenceFiles reads the small files that describe people and hosts rather than activity:
 * {@code psychometric.csv} and {@code decoy_file.csv}. Bad rows go to the dead letters, counted in a notice.
 */
final class ReferenceFiles {

    static final String PSYCHOMETRIC = "psychometric.csv";
    static final String DECOYS = "decoy_file.csv";

    private static final List<String> SCORES = List.of("o", "c", "e", "a", "n");

    private ReferenceFiles() {
    }

    /** The OCEAN scores by user from {@code psychometric.csv} (columns {@code user_id,O,C,E,A,N} at least). */
    static Map<String, Psychometrics> psychometrics(Path file, NamePool names, DeadLetters deadLetters,
            List<String> notices) throws IOException {
        Map<String, Psychometrics> scores = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, PSYCHOMETRIC, 1 << 16, names, deadLetters, n -> { })) {
            Header h = usableHeader(table, List.of("user_id", "o", "c", "e", "a", "n"),
                    "employee_name,user_id,O,C,E,A,N", notices);
            if (h == null) {
                return scores;
            }
            int user = h.index("user_id");
            int[] columns = SCORES.stream().mapToInt(h::index).toArray();
            while (table.nextRow()) {
                Row row = table.row();
                String id = row.requiredName(user);
                int[] v = new int[5];
                for (int i = 0; i < 5; i++) {
                    v[i] = row.count(columns[i]);
                }
                try {
                    row.verify();
                } catch (RejectedRow e) {
                    table.reject(e.getMessage());
                    continue;
                }
                scores.put(id, new Psychometrics(v[0], v[1], v[2], v[3], v[4]));
            }
            noteRejected(table, notices);
        }
        return scores;
    }

    /** The decoy file names from {@code decoy_file.csv} (columns {@code decoy_filename,pc}). */
    static Set<String> decoys(Path file, NamePool names, DeadLetters deadLetters, List<String> notices)
            throws IOException {
        Set<String> decoys = new LinkedHashSet<>();
        try (CsvTable table = CsvTable.open(file, DECOYS, 1 << 16, names, deadLetters, n -> { })) {
            Header h = usableHeader(table, List.of("decoy_filename"), "decoy_filename,pc", notices);
            if (h == null) {
                return decoys;
            }
            int filename = h.index("decoy_filename");
            while (table.nextRow()) {
                Row row = table.row();
                String name = row.required(filename);
                try {
                    row.verify();
                } catch (RejectedRow e) {
                    table.reject(e.getMessage());
                    continue;
                }
                decoys.add(name);
            }
            noteRejected(table, notices);
        }
        return decoys;
    }

    private static Header usableHeader(CsvTable table, List<String> required, String expected, List<String> notices) {
        Header h = table.header();
        if (h == null) {
            notices.add(table.name() + ": " + table.headerProblem() + "; skipped");
            return null;
        }
        List<String> missing = h.missing(required);
        if (!missing.isEmpty()) {
            notices.add(table.name() + ": header '" + h.text() + "' lacks " + String.join(", ", missing)
                    + "; expected '" + expected + "'; skipped");
            return null;
        }
        return h;
    }

    private static void noteRejected(CsvTable table, List<String> notices) {
        if (table.rejected() > 0) {
            notices.add(table.name() + ": " + table.rejected() + " bad rows sent to the dead letters");
        }
    }
}
