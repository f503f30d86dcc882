package org.custos.cli.harvest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.custos.core.harvest.HarvestAnalysis;
import org.custos.core.harvest.HarvestParameters;
import org.custos.core.harvest.HarvestReport;
import org.custos.ingest.DeadLetters;
import org.custos.ingest.weblog.AccessLogReader;

/**
 * Harvesting runs a harvest analysis over access-log files: it finds the logs among the paths given (a directory's
 * files are sniffed; a file that is no access log is named in a notice and skipped), streams every line through
 * {@link AccessLogReader} into a {@link HarvestAnalysis}, and returns what was found.
 */
public final class Harvesting {

    /**
     * The outcome of a harvest analysis.
     *
     * @param report the harvesters and crawlers found
     * @param files what was read from each log
     * @param notices one line per file skipped
     * @param rejected lines sent to the dead letters
     * @param firstRejected the first rejected lines, {@code file:line: reason}
     */
    public record Result(HarvestReport report, List<AccessLogReader.Stats> files, List<String> notices, long rejected,
            List<String> firstRejected) {
    }

    private Harvesting() {
    }

    /**
     * Analyses the logs under the given paths.
     *
     * @param paths log files or directories of them
     * @param parameters the thresholds
     * @param deadLetters where unreadable lines go
     * @throws IOException with a one-line message when a path does not exist or no log is found
     */
    public static Result run(List<Path> paths, HarvestParameters parameters, DeadLetters deadLetters)
            throws IOException {
        List<String> notices = new ArrayList<>();
        List<Path> logs = find(paths, notices);
        if (logs.isEmpty()) {
            throw new IOException(paths.size() == 1 ? paths.get(0) + ": no web access log found"
                    : "no web access log found in " + paths);
        }
        HarvestAnalysis analysis = new HarvestAnalysis(parameters);
        List<AccessLogReader.Stats> files = new ArrayList<>();
        for (Path log : logs) {
            files.add(AccessLogReader.read(log, log.toString(), deadLetters,
                    (second, client, agent, method, target, status, bytes, referrer) ->
                            analysis.accept(second, client, agent, target, status, bytes)));
        }
        return new Result(analysis.finish(), files, notices, deadLetters.count(), deadLetters.first());
    }

    /** The access logs among the paths: files as given, and a directory's files (by name) that sniff as logs. */
    static List<Path> find(List<Path> paths, List<String> notices) throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IOException(path + ": no such file or directory");
            }
            if (Files.isRegularFile(path)) {
                logs.add(path);
                continue;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(path)) {
                children = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.equals("dead-letters.csv") || name.startsWith(".")) {
                    continue;
                }
                if (sniff(child)) {
                    logs.add(child);
                } else {
                    notices.add(child + ": not a web access log (first line is no Common or Combined Log Format "
                            + "line); skipped");
                }
            }
        }
        return logs;
    }

    /* True when the first non-empty line of a file (up to 64 KiB) is an access-log line. */
    private static boolean sniff(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                        ? new GZIPInputStream(raw) : raw) {
            byte[] head = in.readNBytes(AccessLogReader.MAX_LINE);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new java.io.ByteArrayInputStream(head), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        return AccessLogReader.isAccessLogLine(line);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            return false;
        }
        return false;
    }
}
