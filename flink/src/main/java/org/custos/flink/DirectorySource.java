package org.custos.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.custos.core.event.Event;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.ingest.EventStream;

/**
 * DirectorySource reads an input directory in any layout {@code custos analyze} reads (CERT r4.2 or r6.x, with or
 * without Custos' feeds) as one bounded stream of events in the same merged time order, through {@code ingest}.
 *
 * <p>The whole directory is one split, read by one reader, because the merge order is what makes the job's results
 * equal the CLI's. The reader merges on the task's thread, but each file is read and parsed ahead on a thread of its
 * own ({@link CertDirectory#streamReadingAhead()}), so that parsing, the most expensive part of reading, is not
 * serial with the merge and the sequencer. Its checkpointed position is the number of events already emitted: a restored reader opens the
 * directory again and skips that many. Rows that cannot be read go to the dead-letter file, which a reader truncates
 * when it opens the directory, so after a restore it again holds each rejected row once.
 */
final class DirectorySource implements Source<Event, DirectorySource.Split, List<DirectorySource.Split>> {

    private static final long serialVersionUID = 1L;

    /**
     * The directory, the dead-letter file (null: none) and how many events were already emitted.
     *
     * @param directory the input directory
     * @param deadLetters where rejected rows go, or null
     * @param position the number of events already emitted
     */
    record Split(String directory, String deadLetters, long position) implements SourceSplit {
        @Override
        public String splitId() {
            return directory;
        }
    }

    private final String directory;
    private final String deadLetters;

    DirectorySource(Path directory, Path deadLetters) {
        this.directory = directory.toString();
        this.deadLetters = deadLetters == null ? null : deadLetters.toString();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split, List<Split>> createEnumerator(SplitEnumeratorContext<Split> context) {
        return new Enumerator(context, List.of(new Split(directory, deadLetters, 0)));
    }

    @Override
    public SplitEnumerator<Split, List<Split>> restoreEnumerator(SplitEnumeratorContext<Split> context,
            List<Split> checkpoint) {
        return new Enumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<Split>> getEnumeratorCheckpointSerializer() {
        return new SplitListSerializer();
    }

    @Override
    public SourceReader<Event, Split> createReader(SourceReaderContext context) {
        return new Reader(context);
    }

    private static final class Enumerator implements SplitEnumerator<Split, List<Split>> {
        private final SplitEnumeratorContext<Split> context;
        private final ArrayDeque<Split> pending;

        Enumerator(SplitEnumeratorContext<Split> context, List<Split> pending) {
            this.context = context;
            this.pending = new ArrayDeque<>(pending);
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtask, String host) {
            Split next = pending.poll();
            if (next != null) {
                context.assignSplit(next, subtask);
            } else {
                context.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public void addSplitsBack(List<Split> splits, int subtask) {
            pending.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return new ArrayList<>(pending);
        }

        @Override
        public void close() {
        }
    }

    private static final class Reader implements SourceReader<Event, Split> {
        private final SourceReaderContext context;
        private final ArrayDeque<Split> splits = new ArrayDeque<>();
        private CompletableFuture<Void> available = new CompletableFuture<>();
        private boolean noMoreSplits;
        private Split current;
        private long position;
        private DeadLetters rejected;
        private CertDirectory input;
        private EventStream stream;

        Reader(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) throws Exception {
            if (stream == null) {
                if (splits.isEmpty()) {
                    if (noMoreSplits) {
                        return InputStatus.END_OF_INPUT;
                    }
                    available = new CompletableFuture<>();
                    return InputStatus.NOTHING_AVAILABLE;
                }
                open(splits.poll());
            }
            Event event = stream.next();
            if (event == null) {
                closeCurrent();
                if (splits.isEmpty()) {
                    context.sendSplitRequest();
                }
                return splits.isEmpty() && noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            position++;
            output.collect(event, event.time().toEpochMilli());
            return InputStatus.MORE_AVAILABLE;
        }

        private void open(Split split) throws IOException {
            current = split;
            rejected = split.deadLetters() == null ? DeadLetters.discard() : DeadLetters.to(Path.of(split.deadLetters()));
            input = CertDirectory.open(Path.of(split.directory()), rejected);
            stream = input.streamReadingAhead();
            for (position = 0; position < split.position(); position++) {
                if (stream.next() == null) {
                    throw new IOException(split.directory() + ": holds fewer events (" + position
                            + ") than the checkpoint had read (" + split.position() + "); was it changed?");
                }
            }
        }

        private void closeCurrent() throws IOException {
            EventStream s = stream;
            CertDirectory i = input;
            DeadLetters d = rejected;
            current = null;
            stream = null;
            input = null;
            rejected = null;
            try {
                s.close();
            } finally {
                i.close();
                d.close();
            }
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> state = new ArrayList<>();
            if (current != null) {
                state.add(new Split(current.directory(), current.deadLetters(), position));
            }
            state.addAll(splits);
            return state;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            if (stream != null || !splits.isEmpty() || noMoreSplits) {
                return CompletableFuture.completedFuture(null);
            }
            return available;
        }

        @Override
        public void addSplits(List<Split> added) {
            splits.addAll(added);
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            available.complete(null);
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                closeCurrent();
            }
        }
    }

    private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Split split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public Split deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }

        static void write(Split split, DataOutputStream out) throws IOException {
            out.writeUTF(split.directory());
            out.writeBoolean(split.deadLetters() != null);
            if (split.deadLetters() != null) {
                out.writeUTF(split.deadLetters());
            }
            out.writeLong(split.position());
        }

        static Split read(DataInputStream in) throws IOException {
            String directory = in.readUTF();
            String deadLetters = in.readBoolean() ? in.readUTF() : null;
            return new Split(directory, deadLetters, in.readLong());
        }
    }

    private static final class SplitListSerializer implements SimpleVersionedSerializer<List<Split>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<Split> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (Split s : splits) {
                    SplitSerializer.write(s, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<Split> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<Split> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(SplitSerializer.read(in));
                }
                return splits;
            }
        }
    }
}
