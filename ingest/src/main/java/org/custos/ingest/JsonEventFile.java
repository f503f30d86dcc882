package org.custos.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.custos.core.event.Event;
import org.custos.ingest.json.MappingException;

/**
 * A JsonEventFile streams a JSON-lines file of OCSF or ECS records as events: one JSON object per line; a line that
 * is not valid JSON (a truncated record, say), describes no Custos event, or is longer than {@link #MAX_LINE}
 * characters goes to the dead letters with its line number and reason, and reading goes on.
 */
final class JsonEventFile implements EventFile {

    /** The longest record read, in characters. */
    static final int MAX_LINE = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RAW_KEPT = 64 * 1024;

    private final JsonSource source;
    private final BufferedReader in;
    private final DeadLetters deadLetters;
    private final LongConsumer progress;
    private final StringBuilder line = new StringBuilder(1024);
    private long lineNumber;
    private long events;
    private long rejected;
    private long outOfOrder;
    private Instant latest = Instant.MIN;
    private final java.util.Map<String, Long> skipped = new java.util.TreeMap<>();

    private JsonEventFile(JsonSource source, BufferedReader in, DeadLetters deadLetters, LongConsumer progress) {
        this.source = source;
        this.in = in;
        this.deadLetters = deadLetters;
        this.progress = progress;
    }

    /** Opens a JSON-lines source for streaming. */
    static JsonEventFile open(JsonSource source, DeadLetters deadLetters, LongConsumer progress) throws IOException {
        return read(source, Files.newInputStream(source.path()), deadLetters, progress);
    }

    /** Streams the records of {@code source} from {@code in} instead of its file (the fuzz test's entry point). */
    static JsonEventFile read(JsonSource source, InputStream in, DeadLetters deadLetters, LongConsumer progress) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        return new JsonEventFile(source, reader, deadLetters, progress);
    }

    @Override
    public Event next() throws IOException {
        while (true) {
            int length = readLine();
            if (length < 0) {
                return null;
            }
            lineNumber++;
            progress.accept(length + 1L);
            if (length > MAX_LINE) {
                reject("record longer than " + MAX_LINE + " characters (" + length + "); skipped");
                continue;
            }
            if (line.toString().isBlank()) {
                continue;
            }
            Event event;
            try {
                JsonNode record = JSON.readTree(line.toString());
                event = source.format().read(record);
            } catch (JsonProcessingException e) {
                reject(jsonProblem(e));
                continue;
            } catch (MappingException e) {
                if (e.unsupported()) {
                    skipped.merge(e.kind(), 1L, Long::sum);
                } else {
                    reject(e.getMessage());
                }
                continue;
            } catch (IllegalArgumentException | NullPointerException e) {
                reject("not a valid event: " + e.getMessage());
                continue;
            }
            events++;
            if (event.time().isBefore(latest)) {
                outOfOrder++;
            } else {
                latest = event.time();
            }
            return event;
        }
    }

    /* Reads the next line into `line`, keeping at most MAX_LINE + 1 characters; returns its full length or -1. */
    private int readLine() throws IOException {
        line.setLength(0);
        int length = 0;
        int c = in.read();
        if (c < 0) {
            return -1;
        }
        while (c >= 0 && c != '\n') {
            if (length <= MAX_LINE) {
                line.append((char) c);
            }
            length++;
            c = in.read();
        }
        if (length > 0 && length <= MAX_LINE + 1 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
            length--;
        }
        return length;
    }

    /* Jackson's message without its source-location appendix, with the column instead. */
    private static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        message = message.lines().findFirst().orElse("unreadable");
        return "invalid JSON" + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr())
                + ": " + message;
    }

    private void reject(String reason) {
        rejected++;
        String raw = line.length() > RAW_KEPT ? line.substring(0, RAW_KEPT) + "... [" + line.length() + "+ characters]"
                : line.toString();
        deadLetters.reject(source.name(), lineNumber, reason, printable(raw));
    }

    /* Control characters (terminal escape sequences among them) shown as \xNN, so a dead letter is safe to print. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Well-formed records of kinds Custos has no event for, counted by kind ({@code class_uid 4001 (...)}). */
    java.util.Map<String, Long> skipped() {
        return java.util.Collections.unmodifiableMap(skipped);
    }

    @Override
    public FileStats stats() {
        return new FileStats(source.name(), source.format().label(), events, rejected);
    }

    @Override
    public long outOfOrder() {
        return outOfOrder;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
