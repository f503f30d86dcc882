package org.custos.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.custos.core.alert.Alert;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskScore;

/**
 * JsonLinesSink writes the job's findings as JSON lines into a directory, one file per kind ({@code alerts.jsonl},
 * {@code daily-scores.jsonl}, {@code people.jsonl}, {@code summary.jsonl}), idempotently: each line carries the
 * finding's key, a writer first reads the keys already in the files, and a finding whose key is there is not
 * written again. After a restore from a checkpoint the job re-emits what it had found since that checkpoint; those
 * findings are equal to the ones written (the job is deterministic) and are skipped, so every file holds each
 * finding once. A line cut short by a crash is removed when the writer opens the file.
 *
 * <p>Runs at parallelism 1 (one writer owns the files). Lines are flushed to the operating system at every
 * checkpoint and at the end of the input.
 */
public final class JsonLinesSink implements Sink<Finding> {

    private static final long serialVersionUID = 1L;

    /** The kinds of findings, each with its file. */
    enum Kind {
        ALERT("alerts.jsonl"), DAILY_SCORE("daily-scores.jsonl"), PERSON("people.jsonl"), SUMMARY("summary.jsonl");

        final String file;

        Kind(String file) {
            this.file = file;
        }

        static Kind of(Finding f) {
            if (f instanceof Finding.AlertRaised) {
                return ALERT;
            } else if (f instanceof Finding.DailyScore) {
                return DAILY_SCORE;
            } else if (f instanceof Finding.PersonResult) {
                return PERSON;
            }
            return SUMMARY;
        }
    }

    private final String directory;

    /** A sink writing into {@code directory} (created when missing). */
    public JsonLinesSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<Finding> createWriter(WriterInitContext context) throws IOException {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException("the JSON-lines sink runs at parallelism 1, not "
                    + context.getTaskInfo().getNumberOfParallelSubtasks());
        }
        return new Writer(Path.of(directory));
    }

    private static final class Writer implements SinkWriter<Finding> {
        private final ObjectMapper json = new ObjectMapper();
        private final Set<String> written = new HashSet<>();
        private final Map<Kind, OutputStream> out = new EnumMap<>(Kind.class);

        Writer(Path dir) throws IOException {
            Files.createDirectories(dir);
            for (Kind kind : Kind.values()) {
                Path file = dir.resolve(kind.file);
                if (Files.exists(file)) {
                    dropCutLine(file);
                    readKeys(file);
                }
                out.put(kind, Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
        }

        private static void dropCutLine(Path file) throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                long length = raf.length();
                long keep = length;
                while (keep > 0) {
                    raf.seek(keep - 1);
                    if (raf.read() == '\n') {
                        break;
                    }
                    keep--;
                }
                if (keep < length) {
                    try (FileChannel channel = raf.getChannel()) {
                        channel.truncate(keep);
                    }
                }
            }
        }

        private void readKeys(Path file) throws IOException {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int lineNumber = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNumber++;
                    JsonNode key = json.readTree(line).get("key");
                    if (key == null || !key.isTextual()) {
                        throw new IOException(file + ":" + lineNumber + ": no \"key\" field; not written by Custos");
                    }
                    written.add(key.asText());
                }
            }
        }

        @Override
        public void write(Finding finding, Context context) throws IOException {
            if (!written.add(finding.key())) {
                return;
            }
            OutputStream o = out.get(Kind.of(finding));
            o.write(json.writeValueAsBytes(FindingJson.of(json, finding)));
            o.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (OutputStream o : out.values()) {
                o.flush();
            }
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (OutputStream o : out.values()) {
                try {
                    o.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** The JSON form of findings. */
    static final class FindingJson {

        private FindingJson() {
        }

        static ObjectNode of(ObjectMapper json, Finding finding) {
            ObjectNode node = json.createObjectNode();
            node.put("key", finding.key());
            if (finding instanceof Finding.AlertRaised a) {
                Alert alert = a.alert();
                node.put("id", alert.id());
                node.put("user", alert.user());
                node.put("time", alert.time().toString());
                node.put("score", alert.score());
                ArrayNode indicators = node.putArray("indicators");
                alert.indicators().forEach(indicators::add);
                node.put("story", alert.story());
            } else if (finding instanceof Finding.DailyScore d) {
                node.put("user", d.user());
                node.put("day", d.day().toString());
                node.put("score", d.score());
                node.put("movers", d.movers());
            } else if (finding instanceof Finding.PersonResult p) {
                node.put("rank", p.rank());
                node.put("user", p.user());
                node.put("events", p.events());
                node.put("score", p.peak().score());
                node.put("at", p.peak().at().toString());
                node.set("reasons", reasons(json, p.peak()));
            } else if (finding instanceof Finding.Summary s) {
                node.put("people", s.people());
                node.put("events", s.events());
                node.put("signals", s.signals());
                node.put("outOfOrder", s.outOfOrder());
                node.put("duplicates", s.duplicates());
                node.put("unlistedPeople", s.unlistedPeople());
                node.put("heldBackAlerts", s.heldBackAlerts());
                node.put("alerts", s.alerts());
            }
            return node;
        }

        private static ArrayNode reasons(ObjectMapper json, RiskScore peak) {
            ArrayNode reasons = json.createArrayNode();
            for (Contribution c : peak.contributions()) {
                ObjectNode r = reasons.addObject();
                r.put("indicator", c.indicator());
                r.put("category", c.category());
                r.put("contribution", c.points());
                ArrayNode ids = r.putArray("events");
                c.eventIds().forEach(ids::add);
                r.put("eventCount", c.eventCount());
                r.put("first", c.first() == null ? null : c.first().toString());
                r.put("last", c.last() == null ? null : c.last().toString());
                r.put("explanation", c.explanation());
            }
            return reasons;
        }
    }
}
