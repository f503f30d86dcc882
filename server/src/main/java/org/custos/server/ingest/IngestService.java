package org.custos.server.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.custos.core.alert.Alert;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.engine.Engine;
import org.custos.core.event.Event;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.store.Batch;
import org.custos.store.DailyScore;
import org.custos.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IngestService is live ingestion: events arrive in requests, are written ahead to a journal and forced to disk
 * before they are acknowledged, then fed to one {@link Engine} and written to the store with the scores and alerts
 * they cause (the engine and the store write run in two threads, so one batch is written while the next is scored).
 *
 * <p>Memory is bounded: at most {@code capacity} events may be acknowledged but not yet stored; a request that
 * would exceed it is refused whole ({@link Overloaded}, an HTTP 429 with Retry-After) before anything of it is
 * written, so a client re-sends it later. On start the journal is replayed: events before the checkpoint (already
 * in the store) rebuild the engine's state, events after it are stored again (the store skips any it already
 * has), and a torn last line from a crash is cut off, since it was never acknowledged.
 */
public final class IngestService implements AutoCloseable {

    /*
     * Files in DATA/ingest/: journal.log (one event per line in the EventLine format, appended, forced before each
     * acknowledgement; concurrent requests share a force when one covers another's bytes), checkpoint (the journal
     * offset up to which every event is in the store, replaced atomically after each store batch), and
     * dead-letters.jsonl (rejected lines with their reason; not forced).
     */

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** The longest line accepted, in characters. */
    public static final int MAX_LINE = 64 * 1024;

    /** Why a request was refused for load: the client should retry after {@code retryAfterSeconds}. */
    public static final class Overloaded extends Exception {
        private static final long serialVersionUID = 1L;
        private final int retryAfterSeconds;

        Overloaded(String message, int retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Seconds the client should wait before re-sending. */
        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A rejected line: its number in the request (from 1) and what is wrong. */
    public record Rejected(long line, String error) {
    }

    /**
     * What became of a request.
     *
     * @param accepted events written ahead and acknowledged
     * @param rejected lines that were not events, with the reason (at most 100 listed)
     * @param rejectedCount every rejected line
     */
    public record Receipt(int accepted, List<Rejected> rejected, long rejectedCount) {
    }

    /** What the service holds now. */
    public record Status(long journaledBytes, long storedBytes, int queuedEvents, int capacity, long storedEvents,
                         long alerts) {
    }

    private record Chunk(List<Event> events, long end) {
    }

    private final Store store;
    private final Path dir;
    private final FileChannel journal;
    private final FileChannel deadLetters;
    private final Semaphore room;
    private final int capacity;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final Engine engine;
    private final Thread worker;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private final long flushMillis;
    private long written;
    private volatile long forced;
    private volatile long stored;
    private volatile long storedEvents;
    private volatile boolean running = true;
    private int alertsPrepared;
    private volatile long alertsStored;
    private volatile boolean engineDone;
    private final java.util.concurrent.ArrayBlockingQueue<StoreJob> jobs = new java.util.concurrent.ArrayBlockingQueue<>(2);
    private final Thread writer;
    private volatile Throwable failure;
    private final org.custos.store.audit.AuditLog auditLog;

    private IngestService(Store store, Path dir, FileChannel journal, FileChannel deadLetters, int capacity,
                          long flushMillis, Engine engine, org.custos.store.audit.AuditLog auditLog) {
        this.auditLog = auditLog;
        this.store = store;
        this.dir = dir;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.flushMillis = flushMillis;
        this.engine = engine;
        this.worker = new Thread(this::work, "custos-ingest-engine");
        this.worker.setDaemon(true);
        this.writer = new Thread(this::writeJobs, "custos-ingest-store");
        this.writer.setDaemon(true);
    }

    /**
     * Opens live ingestion in {@code dataDir/ingest}, replaying its journal, and starts the worker.
     *
     * @param capacity the most events acknowledged but not yet in the store
     * @param flushMillis the longest an acknowledged event waits before it is written to the store
     */
    public static IngestService open(Path dataDir, Store store, int capacity, long flushMillis) throws IOException {
        return open(dataDir, store, capacity, flushMillis, null);
    }

    /**
     * Opens live ingestion as {@link #open(Path, Store, int, long)} does, recording each store batch it commits in
     * {@code auditLog} (a {@code store.batch} entry, as {@code custos analyze} writes), so {@code custos audit
     * verify} can check the live batches against the store.
     */
    public static IngestService open(Path dataDir, Store store, int capacity, long flushMillis,
            org.custos.store.audit.AuditLog auditLog) throws IOException {
        Path dir = dataDir.resolve("ingest");
        Files.createDirectories(dir);
        FileChannel journal = FileChannel.open(dir.resolve("journal.log"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel dead = FileChannel.open(dir.resolve("dead-letters.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        Engine engine = new Engine(DetectorRegistry.builtIn(), OrgContext.of(store.organization()),
                new RiskModel(RiskParameters.defaults()));
        IngestService s = new IngestService(store, dir, journal, dead, capacity, flushMillis, engine, auditLog);
        s.recover();
        s.worker.start();
        s.writer.start();
        return s;
    }

    private void recover() throws IOException {
        Path checkpointFile = dir.resolve("checkpoint");
        long checkpoint = Files.exists(checkpointFile)
                ? Long.parseLong(Files.readString(checkpointFile, StandardCharsets.US_ASCII).trim()) : 0;
        long size = journal.size();
        long complete = 0;
        List<Event> pending = new ArrayList<>();
        Map<String, Instant> touched = new HashMap<>();
        try (InputStream in = Files.newInputStream(dir.resolve("journal.log"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            long offset = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                long next = offset + line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (next > size) {
                    break;
                }
                Event e;
                try {
                    e = EventLine.parse(line);
                } catch (EventLine.BadLine bad) {
                    throw new IllegalStateException(dir.resolve("journal.log") + ": line at byte " + offset
                            + " is not an event (" + bad.getMessage() + "); the journal was changed");
                }
                engine.accept(e);
                if (offset >= checkpoint) {
                    pending.add(e);
                    touched.merge(e.user(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
                }
                offset = next;
                complete = offset;
            }
        }
        if (complete < size) {
            LOG.warn("{}: cut {} bytes of a torn last line (never acknowledged)", dir.resolve("journal.log"),
                    size - complete);
            journal.truncate(complete);
            journal.force(true);
        }
        written = complete;
        forced = complete;
        stored = Math.min(checkpoint, complete);
        if (!pending.isEmpty() || complete > stored) {
            write(prepare(pending, touched, complete));
        }
        journal.position(written);
    }

    /**
     * Reads JSON lines from a request body, writes the valid events ahead and forces them to disk, and acknowledges
     * them; a request with more events than there is room for is refused whole.
     *
     * @throws Overloaded when the events would not fit in the room left (nothing was written)
     * @throws IOException when the body cannot be read or the journal cannot be written
     */
    public Receipt ingest(InputStream body) throws IOException, Overloaded {
        requireRunning();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        List<Event> events = new ArrayList<>();
        StringBuilder text = new StringBuilder(1 << 16);
        List<Rejected> rejected = new ArrayList<>();
        long rejectedCount = 0;
        StringBuilder dead = new StringBuilder();
        long lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                if (line.length() > MAX_LINE) {
                    throw new EventLine.BadLine("line longer than " + MAX_LINE + " characters");
                }
                events.add(EventLine.parse(line));
                text.append(line.strip()).append('\n');
            } catch (EventLine.BadLine bad) {
                rejectedCount++;
                if (rejected.size() < 100) {
                    rejected.add(new Rejected(lineNo, bad.getMessage()));
                }
                dead.append("{\"line\":").append(lineNo).append(",\"error\":")
                        .append(org.custos.server.web.Json.MAPPER.writeValueAsString(bad.getMessage()))
                        .append(",\"record\":").append(org.custos.server.web.Json.MAPPER.writeValueAsString(
                                line.length() > 4096 ? line.substring(0, 4096) : line)).append("}\n");
            }
        }
        if (dead.length() > 0) {
            synchronized (deadLetters) {
                ByteBuffer buf = ByteBuffer.wrap(dead.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    deadLetters.write(buf);
                }
            }
        }
        if (events.isEmpty()) {
            return new Receipt(0, rejected, rejectedCount);
        }
        if (events.size() > capacity) {
            throw new Overloaded("a request may hold at most " + capacity + " events; split it", 0);
        }
        if (!room.tryAcquire(events.size())) {
            throw new Overloaded("ingestion is behind (" + (capacity - room.availablePermits()) + " events waiting "
                    + "for the store); nothing of this request was taken, re-send it", 1);
        }
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            long end;
            synchronized (writeLock) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                long pos = written;
                while (buf.hasRemaining()) {
                    pos += journal.write(buf, pos);
                }
                written = pos;
                end = pos;
                queue.add(new Chunk(events, end));
            }
            force(end);
        } catch (IOException | RuntimeException e) {
            failure = e;
            running = false;
            throw e;
        }
        return new Receipt(events.size(), rejected, rejectedCount);
    }

    /** Forces the journal to disk unless another force already covered {@code end}. */
    private void force(long end) throws IOException {
        if (forced >= end) {
            return;
        }
        synchronized (forceLock) {
            if (forced >= end) {
                return;
            }
            long covered;
            synchronized (writeLock) {
                covered = written;
            }
            journal.force(false);
            forced = covered;
        }
    }

    /** What one store batch will write: the events, the scores they changed, new alerts, the journal offset. */
    private record StoreJob(List<Event> events, List<DailyScore> scores, List<Alert> alerts, long end) {
    }

    private void work() {
        List<Event> pending = new ArrayList<>();
        Map<String, Instant> touched = new HashMap<>();
        long end = stored;
        long lastFlush = System.nanoTime();
        try {
            while (running || !queue.isEmpty()) {
                Chunk c = queue.poll(50, TimeUnit.MILLISECONDS);
                if (c != null) {
                    for (Event e : c.events()) {
                        engine.accept(e);
                        touched.merge(e.user(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                    pending.addAll(c.events());
                    end = c.end();
                }
                boolean due = System.nanoTime() - lastFlush > flushMillis * 1_000_000L;
                if (!pending.isEmpty() && (due || pending.size() >= 50_000 || !running)) {
                    StoreJob job = prepare(pending, touched, end);
                    while (!jobs.offer(job, 100, TimeUnit.MILLISECONDS)) {
                        if (failure != null) {
                            return;
                        }
                    }
                    pending = new ArrayList<>();
                    touched = new HashMap<>();
                    lastFlush = System.nanoTime();
                } else if (pending.isEmpty()) {
                    lastFlush = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            engineDone = true;
        }
    }

    private void writeJobs() {
        try {
            while (!engineDone || !jobs.isEmpty()) {
                StoreJob job = jobs.poll(50, TimeUnit.MILLISECONDS);
                if (job != null) {
                    write(job);
                    room.release(job.events().size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        LOG.error("live ingestion stopped: the store write failed; acknowledged events stay in the journal and are "
                + "stored on the next start", e);
        failure = e;
        running = false;
    }

    /** The store job for events the engine has seen: their persons' current scores and the alerts raised since. */
    private StoreJob prepare(List<Event> events, Map<String, Instant> touched, long end) {
        List<Alert> all = engine.alertsSoFar();
        List<Alert> fresh = List.copyOf(all.subList(alertsPrepared, all.size()));
        alertsPrepared = all.size();
        List<DailyScore> scores = new ArrayList<>(touched.size());
        for (Map.Entry<String, Instant> t : touched.entrySet()) {
            List<Contribution> contributions = engine.currentContributions(t.getKey(), t.getValue());
            if (contributions.isEmpty()) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(t.getValue(), ZoneOffset.UTC);
            double score = contributions.stream().mapToDouble(Contribution::points).sum();
            List<String> movers = contributions.stream()
                    .filter(c -> !c.indicator().equals(RiskModel.CRITICAL_PATH) && c.last() != null
                            && LocalDate.ofInstant(c.last(), ZoneOffset.UTC).equals(day))
                    .map(Contribution::indicator).toList();
            scores.add(new DailyScore(t.getKey(), day, Math.min(100, score), movers, contributions));
        }
        return new StoreJob(events, scores, fresh, end);
    }

    private void write(StoreJob job) throws IOException {
        try (Batch batch = store.begin("live ingestion")) {
            for (Event e : job.events()) {
                batch.addEvent(e);
            }
            batch.putScores(job.scores());
            job.alerts().forEach(batch::putAlert);
            org.custos.store.BatchReceipt receipt = batch.commit();
            if (auditLog != null) {
                auditLog.append(org.custos.store.StoreAuditTrail.batchEntry(store.info().location(), receipt));
                auditLog.flush();
            }
        }
        alertsStored += job.alerts().size();
        storedEvents += job.events().size();
        Path tmp = dir.resolve("checkpoint.tmp");
        Files.writeString(tmp, Long.toString(job.end()), StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve("checkpoint"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        stored = job.end();
    }

    private void requireRunning() throws IOException {
        if (!running) {
            Throwable f = failure;
            throw new IOException("live ingestion has stopped" + (f == null ? "" : " after a failure: " + f.getMessage())
                    + "; restart the server");
        }
    }

    /** What the service holds now. */
    public Status status() {
        return new Status(forced, stored, capacity - room.availablePermits(), capacity, storedEvents, alertsStored);
    }

    /** Stores everything acknowledged, then stops the worker and closes the journal. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.MINUTES.toMillis(2));
            writer.join(TimeUnit.MINUTES.toMillis(2));
            journal.close();
            deadLetters.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
