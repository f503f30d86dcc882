package org.custos.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.custos.ingest.csv.CsvReader;

/**
 * A CsvTable is one CSV file read as a header and rows of the header's width: records that are malformed or of the
 * wrong width go to the dead letters (with the file name, line and reason) and are skipped.
 */
final class CsvTable implements Closeable {

    private final String name;
    private final CsvReader csv;
    private final DeadLetters deadLetters;
    private final Header header;
    private final String headerProblem;
    private final Row row;
    private long rejected;

    private CsvTable(String name, CsvReader csv, DeadLetters deadLetters, NamePool names) throws IOException {
        this.name = name;
        this.csv = csv;
        this.deadLetters = deadLetters;
        if (!csv.next()) {
            header = null;
            headerProblem = "empty file (no header line)";
        } else if (csv.malformation() != null) {
            header = null;
            headerProblem = "header line is unreadable (" + csv.malformation() + ")";
        } else {
            header = Header.of(csv);
            headerProblem = null;
        }
        row = header == null ? null : new Row(csv, header, names);
    }

    /**
     * Opens a file and reads its header line.
     *
     * @param name the file's name in messages and dead letters ({@code logon.csv}, {@code LDAP/2010-01.csv})
     * @param bufferBytes the read buffer size
     * @param progress told the bytes read as reading advances
     */
    static CsvTable open(Path path, String name, int bufferBytes, NamePool names, DeadLetters deadLetters,
            LongConsumer progress) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            CsvReader csv = new CsvReader(in, bufferBytes, CsvReader.DEFAULT_MAX_RECORD_BYTES, progress);
            return new CsvTable(name, csv, deadLetters, names);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file's name in messages. */
    String name() {
        return name;
    }

    /** The header, or null when the file has none ({@link #headerProblem()} says why). */
    Header header() {
        return header;
    }

    /** Why the file has no usable header, or null. */
    String headerProblem() {
        return headerProblem;
    }

    /** The current row. */
    Row row() {
        return row;
    }

    /** Advances to the next row of the header's width, rejecting malformed and wrong-width records on the way. */
    boolean nextRow() throws IOException {
        if (header == null) {
            return false;
        }
        while (csv.next()) {
            row.reset();
            String problem = row.shapeProblem();
            if (problem == null) {
                return true;
            }
            reject(problem);
        }
        return false;
    }

    /** Sends the current row to the dead letters with the reason. */
    void reject(String reason) {
        rejected++;
        deadLetters.reject(name, row.line(), reason, row.raw());
    }

    /** The number of records rejected so far. */
    long rejected() {
        return rejected;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
