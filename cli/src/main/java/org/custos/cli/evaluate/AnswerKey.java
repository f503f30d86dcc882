package org.custos.cli.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custos.cli.UsageException;

/**
 * An AnswerKey is the list of insiders of a dataset, read from {@code answers/insiders.csv} with the header
 * {@code dataset,scenario,details,user,start,end} (CERT's layout, which Custos' simulator also writes).
 *
 * @param insiders one entry per insider row
 */
public record AnswerKey(List<Insider> insiders) {

    private static final DateTimeFormatter CERT_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

    /**
     * One insider.
     *
     * @param dataset the dataset the row belongs to
     * @param scenario the scenario id
     * @param user the account id
     * @param start when the scenario's first malicious event happened
     * @param end when its last one happened
     */
    public record Insider(String dataset, String scenario, String user, Instant start, Instant end) {
    }

    /** The distinct datasets named, in order of appearance. */
    public Set<String> datasets() {
        Set<String> set = new LinkedHashSet<>();
        insiders.forEach(i -> set.add(i.dataset()));
        return set;
    }

    /** This key restricted to one dataset. */
    public AnswerKey only(String dataset) {
        return new AnswerKey(insiders.stream().filter(i -> i.dataset().equals(dataset)).toList());
    }

    /** Reads an answer key, reporting every bad row at once as {@code file:line: problem}. */
    public static AnswerKey read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file");
        }
        List<Insider> insiders = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new UsageException(file + ": empty; expected the header dataset,scenario,details,user,start,end");
            }
            List<String> columns = List.of(header.strip().replace("\uFEFF", "").split(",", -1));
            int dataset = columns.indexOf("dataset");
            int scenario = columns.indexOf("scenario");
            int user = columns.indexOf("user");
            int start = columns.indexOf("start");
            int end = columns.indexOf("end");
            if (dataset < 0 || scenario < 0 || user < 0 || start < 0 || end < 0) {
                throw new UsageException(file + ":1: header '" + header
                        + "' lacks one of dataset,scenario,user,start,end");
            }
            String line;
            int no = 1;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < columns.size()) {
                    problems.add(file + ":" + no + ": expected " + columns.size() + " fields, found " + f.length);
                    continue;
                }
                try {
                    insiders.add(new Insider(f[dataset].strip(), f[scenario].strip(), f[user].strip(),
                            time(f[start]), time(f[end])));
                } catch (DateTimeParseException e) {
                    problems.add(file + ":" + no + ": bad start or end time '" + e.getParsedString()
                            + "', expected MM/DD/YYYY HH:MM:SS or ISO-8601");
                }
            }
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        return new AnswerKey(insiders);
    }

    private static Instant time(String text) {
        String t = text.strip();
        if (t.contains("T")) {
            return t.endsWith("Z") ? Instant.parse(t) : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(t, CERT_TIME).toInstant(ZoneOffset.UTC);
    }
}
