package org.custos.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.custos.ingest.DeadLetters;

/**
 * KafkaDeadLetters is the dead-letter file of a Kafka job: the CSV file {@code custos analyze} writes
 * ({@code file,line,reason,raw}), where for a Kafka message {@code file} is its partition ({@code TOPIC-PARTITION})
 * and {@code line} its offset. Written idempotently, like the findings: a writer reads the (partition, offset) pairs
 * already in the file and skips a message found there, so after a restore from a checkpoint, or when a bounded job
 * reads the same topic again, each rejected message is in the file once. A record cut short by a crash is removed.
 */
public final class KafkaDeadLetters implements Sink<KafkaMessage.Rejected> {

    private static final long serialVersionUID = 1L;

    private final String file;

    KafkaDeadLetters(Path file) {
        this.file = file.toString();
    }

    /** The number of rejected messages in a dead-letter file (0 when there is none). */
    public static long count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        Set<String> keys = new HashSet<>();
        Records.read(Files.readAllBytes(file), keys);
        return keys.size();
    }

    @Override
    public SinkWriter<KafkaMessage.Rejected> createWriter(WriterInitContext context) throws IOException {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException("the Kafka dead-letter sink runs at parallelism 1, not "
                    + context.getTaskInfo().getNumberOfParallelSubtasks());
        }
        return new Writer(Path.of(file));
    }

    private static final class Writer implements SinkWriter<KafkaMessage.Rejected> {
        private final Set<String> written = new HashSet<>();
        private final OutputStream out;

        Writer(Path path) throws IOException {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean fresh = !Files.exists(path) || Files.size(path) == 0;
            if (!fresh) {
                long complete = Records.read(Files.readAllBytes(path), written);
                try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw");
                        FileChannel channel = raf.getChannel()) {
                    if (complete < channel.size()) {
                        channel.truncate(complete);
                    }
                }
            }
            out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) {
                out.write((DeadLetters.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void write(KafkaMessage.Rejected r, Context context) throws IOException {
            if (!written.add(Records.key(r.source(), Long.toString(r.offset())))) {
                return;
            }
            String line = Records.field(r.source()) + ',' + r.offset() + ',' + Records.field(r.reason()) + ','
                    + Records.field(r.raw()) + '\n';
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The CSV records of a dead-letter file: quoted fields may hold commas, quotes and line breaks. */
    static final class Records {

        private Records() {
        }

        static String key(String source, String offset) {
            return source + '\n' + offset;
        }

        static String field(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    return '"' + value.replace("\"", "\"\"") + '"';
                }
            }
            return value;
        }

        /**
         * Adds the key (first two fields) of every complete record after the header to {@code keys}, and returns
         * the length of the complete records: the bytes after it are a record cut short. Works on bytes: UTF-8
         * never uses the bytes of {@code , " \n} inside a multi-byte character.
         */
        static long read(byte[] bytes, Set<String> keys) {
            StringBuilder first = new StringBuilder();
            StringBuilder second = new StringBuilder();
            int fieldIndex = 0;
            boolean quoted = false;
            boolean header = true;
            long complete = 0;
            for (int i = 0; i < bytes.length; i++) {
                byte b = bytes[i];
                if (quoted) {
                    if (b == '"') {
                        if (i + 1 < bytes.length && bytes[i + 1] == '"') {
                            i++;
                            append(fieldIndex, first, second, b);
                        } else {
                            quoted = false;
                        }
                    } else {
                        append(fieldIndex, first, second, b);
                    }
                } else if (b == '"') {
                    quoted = true;
                } else if (b == ',') {
                    fieldIndex++;
                } else if (b == '\n') {
                    if (!header) {
                        keys.add(key(first.toString(), second.toString()));
                    }
                    header = false;
                    first.setLength(0);
                    second.setLength(0);
                    fieldIndex = 0;
                    complete = i + 1;
                } else if (b != '\r') {
                    append(fieldIndex, first, second, b);
                }
            }
            return complete;
        }

        private static void append(int fieldIndex, StringBuilder first, StringBuilder second, byte b) {
            if (fieldIndex == 0) {
                first.append((char) (b & 0xff));
            } else if (fieldIndex == 1) {
                second.append((char) (b & 0xff));
            }
        }
    }
}
