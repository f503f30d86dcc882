package org.custos.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custos.ingest.json.JsonFormat;

/** JsonFiles finds a directory's JSON-lines event files and tells their format from their first record. */
final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_FILE = Pattern.compile(".*\\.(json|jsonl|ndjson)");

    private JsonFiles() {
    }

    /** The JSON-lines files at the top of {@code dir}, sorted by name, each with its format; skipped ones noted. */
    static List<JsonSource> find(Path dir, InputFormat format, List<String> notices) throws IOException {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(Files::isRegularFile)
                    .filter(p -> JSON_FILE.matcher(p.getFileName().toString().toLowerCase(Locale.ROOT))
                            .matches())
                    .sorted().toList();
        }
        List<JsonSource> sources = new ArrayList<>();
        for (Path path : candidates) {
            String name = path.getFileName().toString();
            switch (format) {
                case CERT -> notices.add(name + ": JSON event file not read (--format cert)");
                case OCSF -> sources.add(new JsonSource(path, name, JsonFormat.OCSF, Files.size(path)));
                case ECS -> sources.add(new JsonSource(path, name, JsonFormat.ECS, Files.size(path)));
                case CUSTOS -> sources.add(new JsonSource(path, name, JsonFormat.CUSTOS, Files.size(path)));
                default -> detect(path, name, notices).ifPresent(f -> sources.add(new JsonSource(path, name, f,
                        sizeOf(path))));
            }
        }
        return sources;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /* The format of the first record that is a JSON object; a file whose first record is not JSON is skipped. */
    private static Optional<JsonFormat> detect(Path path, String name, List<String> notices) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            char[] head = new char[JsonEventFile.MAX_LINE];
            int n = in.read(head);
            if (n <= 0) {
                notices.add(name + ": empty; skipped");
                return Optional.empty();
            }
            for (String line : new String(head, 0, n).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (IOException e) {
                    notices.add(name + ": first record is not JSON; skipped (use --format ocsf, ecs or custos to "
                            + "read it record by record)");
                    return Optional.empty();
                }
                Optional<JsonFormat> format = JsonFormat.detect(record);
                if (format.isEmpty()) {
                    notices.add(name + ": first record is neither OCSF (class_uid), ECS (@timestamp) nor a Custos feed "
                            + "(feed); skipped");
                }
                return format;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            notices.add(name + ": not UTF-8 text; skipped");
            return Optional.empty();
        }
        notices.add(name + ": empty; skipped");
        return Optional.empty();
    }
}
