package org.custos.store.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * AuditLog is Custos' tamper-evident record of every action and every view: an append-only file of entries under
 * {@code DATA/audit/}, hashed into an RFC 9162 Merkle tree, with tree heads signed by the log's Ed25519 key, inclusion
 * and consistency proofs, and a verification that replays the whole log.
 *
 * <p>Use: {@code open} once per process (it takes a lock on the folder), {@link #append} for each action (cheap: it
 * buffers), {@link #flush} before acknowledging anything to a user (it forces the file once for all appends since
 * the last flush, however many threads made them), {@link #close} at the end. See docs/audit-log.md.
 */
public final class AuditLog implements Closeable {

    /*
     * Files in DATA/audit/:
     *   entries.log      one line per entry: 64 hex digits of its leaf hash, a space, its canonical JSON, "\n"
     *   heads.log        one signed tree head per line (canonical JSON)
     *   entries.idx      cache: 8-byte offset + 32-byte leaf hash per entry (rebuilt from entries.log if stale)
     *   signing-key.pem  Ed25519 private key, mode 0600;  public-key.pem  its public key
     *   lock             held (flock) by the one process that appends
     *
     * Durability: append() only fills a buffer, written out in whole 64 KiB chunks (so a crash between two chunks
     * leaves a torn record at the end of the file). flush() is group commit: the first caller writes everything
     * appended so far and forces entries.log once; callers whose entries that force covered return without
     * forcing again. Only then is an index "acknowledged" (durableSize()). A tree head is signed during a flush
     * when HEAD_EVERY entries or HEAD_INTERVAL have passed since the last head, and always on close(); signing and
     * checking a signature (half a millisecond or more each with the JDK's Ed25519) are kept out of the per-entry
     * path on purpose: verification checks every head, 100 per million entries in a bulk load.
     *
     * Crash safety: open() reads entries.log past the last indexed entry. Complete, intact lines are adopted
     * (they were written before the crash and are real actions); an incomplete last line — a record torn by a
     * crash — is cut off, and the log appends an "audit.recover" entry saying how many bytes it cut. A damaged
     * complete line, fewer entries than the last signed head covers, or a root that differs from it are not crash
     * damage: open() refuses, naming the line, and `custos audit verify` says what changed.
     */

    /** A new tree head is signed at a flush once this many entries have been appended since the last one. */
    static final int HEAD_EVERY = 10_000;
    /** A new tree head is signed at a flush once the last one is this old (and entries were appended since). */
    static final Duration HEAD_INTERVAL = Duration.ofSeconds(60);

    static final String ENTRIES = "entries.log";
    static final String HEADS = "heads.log";
    static final String INDEX = "entries.idx";
    private static final int BUFFER = 64 * 1024;

    private final Path folder;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel entries;
    private final FileChannel heads;
    private final FileChannel index;
    private final SigningKey key;
    private final LeafCache cache;
    private final Recovery recovery;
    private final Object flushLock = new Object();
    private boolean flushing;

    private byte[] buffer = new byte[BUFFER * 2];
    private int buffered;
    private long written;
    private long size;
    private volatile long durable;
    private volatile SignedTreeHead lastHead;
    private long headsEnd;
    private boolean closed;

    /**
     * A Recovery says what {@link AuditLog#open} found after the last run: entries written but not yet indexed
     * (adopted), and the bytes of a torn last record it cut off.
     *
     * @param adoptedEntries complete entries found past the index and kept
     * @param truncatedBytes bytes of an incomplete last record that were cut off
     */
    public record Recovery(long adoptedEntries, long truncatedBytes) {
    }

    private AuditLog(Path folder, Clock clock, FileChannel lockChannel, FileLock lock, FileChannel entries,
            FileChannel heads, FileChannel index, SigningKey key, LeafCache cache, Recovery recovery, long size,
            long written, SignedTreeHead lastHead, long headsEnd) {
        this.folder = folder;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.entries = entries;
        this.heads = heads;
        this.index = index;
        this.key = key;
        this.cache = cache;
        this.recovery = recovery;
        this.size = size;
        this.written = written;
        this.durable = size;
        this.lastHead = lastHead;
        this.headsEnd = headsEnd;
    }

    /** The folder of the audit log inside a Custos data directory: {@code DATA/audit}. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("audit");
    }

    /**
     * Opens the audit log of a data directory for appending, creating it and its key pair on first use, and
     * recovering from a crash of the last writer. Only one process at a time may hold a log open.
     *
     * @throws IllegalStateException when another process holds the log, or the log was damaged or edited
     */
    public static AuditLog open(Path dataDir, Clock clock) throws IOException {
        Path folder = folder(dataDir);
        Files.createDirectories(folder);
        FileChannel lockChannel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException(folder + " is in use: another Custos process has the audit log open");
        }
        List<Closeable> opened = new ArrayList<>(List.of(lockChannel));
        try {
            SigningKey key = SigningKey.loadOrCreate(folder);
            FileChannel entries = open(folder.resolve(ENTRIES), opened);
            FileChannel heads = open(folder.resolve(HEADS), opened);
            FileChannel index = open(folder.resolve(INDEX), opened);
            HeadsFile headsFile = HeadsFile.read(heads, folder.resolve(HEADS));
            if (!headsFile.problems().isEmpty()) {
                throw new IllegalStateException(headsFile.problems().get(0)
                        + " — run 'custos audit verify' to find what changed");
            }
            Scan scan = Scan.of(entries, index);
            SignedTreeHead last = headsFile.last();
            checkAgainstLastHead(folder, scan, last, key.publicKey());
            if (headsFile.tornBytes() > 0) {
                heads.truncate(headsFile.end());
            }
            if (scan.tornBytes() > 0) {
                entries.truncate(scan.end());
            }
            scan.cache().writePending();
            entries.force(false);
            index.force(false);
            Recovery recovery = new Recovery(scan.adopted(), scan.tornBytes());
            AuditLog log = new AuditLog(folder, clock, lockChannel, lock, entries, heads, index, key, scan.cache(),
                    recovery, scan.cache().size(), scan.end(), last, headsFile.end());
            if (scan.tornBytes() > 0 || headsFile.tornBytes() > 0) {
                log.append(new AuditEntry("custos", "system", "audit.recover", null, List.of(), "local",
                        Map.of("truncatedBytes", Long.toString(scan.tornBytes()), "headsTruncatedBytes",
                                Long.toString(headsFile.tornBytes()), "reason", "the last record was incomplete "
                                        + "(torn by a crash) and was cut off")));
                log.flush();
            }
            return log;
        } catch (IOException | RuntimeException e) {
            for (Closeable c : opened) {
                try {
                    c.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static FileChannel open(Path file, List<Closeable> opened) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        opened.add(channel);
        return channel;
    }

    private static void checkAgainstLastHead(Path folder, Scan scan, SignedTreeHead last, PublicKey key) {
        if (last == null) {
            return;
        }
        long n = scan.cache().size();
        String verify = " — run 'custos audit verify' to find what changed";
        if (!SigningKey.verify(key, last)) {
            throw new IllegalStateException(folder.resolve(HEADS) + ": the last signed tree head (size " + last.size()
                    + ") does not verify with " + SigningKey.PUBLIC_FILE + verify);
        }
        if (last.size() > n) {
            throw new IllegalStateException(folder.resolve(ENTRIES) + " holds " + n + " entries but the tree head "
                    + "signed at " + last.time() + " covers " + last.size() + ": entries were removed" + verify);
        }
        if (!Arrays.equals(scan.cache().root(last.size()), last.root())) {
            throw new IllegalStateException(folder.resolve(ENTRIES) + ": the first " + last.size() + " entries do "
                    + "not hash to the root signed at " + last.time() + verify);
        }
    }

    /** What opening the log recovered from the previous run. */
    public Recovery recovery() {
        return recovery;
    }

    /**
     * Appends an entry, stamped with the log's clock, and returns its index. The entry is durable only after a
     * {@link #flush()} that started after this call returned.
     */
    public synchronized long append(AuditEntry entry) {
        requireOpen();
        long index = size;
        Instant time = clock.instant();
        byte[] json = EntryCodec.json(new AuditRecord(index, time, entry));
        byte[] leaf = Merkle.leafHash(json);
        byte[] line = EntryCodec.line(json, leaf);
        if (buffered + line.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + line.length));
        }
        System.arraycopy(line, 0, buffer, buffered, line.length);
        buffered += line.length;
        cache.add(leaf, written);
        written += line.length;
        size++;
        if (buffered >= BUFFER) {
            writeBuffer(false);
        }
        return index;
    }

    /**
     * Writes buffered bytes to entries.log: everything when {@code all}, else whole 64 KiB chunks only (a record
     * may straddle two chunks; the rest stays buffered until the next chunk or flush).
     */
    private void writeBuffer(boolean all) {
        int n = all ? buffered : buffered / BUFFER * BUFFER;
        if (n == 0) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(buffer, 0, n);
            long pos = written - buffered;
            while (buf.hasRemaining()) {
                pos += entries.write(buf, pos);
            }
            System.arraycopy(buffer, n, buffer, 0, buffered - n);
            buffered -= n;
            if (all) {
                cache.writePending();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(ENTRIES), e);
        }
    }

    /**
     * Makes every entry appended before this call durable (group commit: one force of the file for all of them)
     * and returns the number of durable entries. May sign a new tree head (see docs/audit-log.md).
     */
    public long flush() {
        long target;
        synchronized (this) {
            requireOpen();
            target = size;
        }
        if (!lead(() -> durable >= target)) {
            return durable;
        }
        try {
            long covered;
            synchronized (this) {
                writeBuffer(true);
                covered = size;
            }
            try {
                entries.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force " + folder.resolve(ENTRIES) + " to disk", e);
            }
            durable = covered;
            SignedTreeHead head = lastHead;
            long since = covered - (head == null ? 0 : head.size());
            if (since >= HEAD_EVERY || since > 0 && (head == null
                    || Duration.between(head.time(), clock.instant()).compareTo(HEAD_INTERVAL) >= 0)) {
                signHead(covered);
            }
            return covered;
        } finally {
            release();
        }
    }

    /**
     * Waits until {@code done} holds (returns false: someone else's force covered the caller) or no flush is in
     * progress, in which case the caller becomes the one that forces (returns true) and must {@link #release()}.
     * The force itself runs outside any monitor, so appends and other flushers are never blocked behind disk I/O.
     */
    private boolean lead(BooleanSupplier done) {
        synchronized (flushLock) {
            while (!done.getAsBoolean()) {
                if (!flushing) {
                    flushing = true;
                    return true;
                }
                try {
                    flushLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the audit log to reach disk", e);
                }
            }
            return false;
        }
    }

    private void release() {
        synchronized (flushLock) {
            flushing = false;
            flushLock.notifyAll();
        }
    }

    /** The number of entries known to be on disk: those covered by a completed {@link #flush()}. */
    public long durableSize() {
        return durable;
    }

    /** The number of entries appended, durable or not. */
    public synchronized long size() {
        return size;
    }

    private void signHead(long covered) {
        byte[] root;
        synchronized (this) {
            root = cache.root(covered);
        }
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SignedTreeHead previous = lastHead;
        if (previous != null && time.isBefore(previous.time())) {
            time = previous.time();
        }
        SignedTreeHead head = key.sign(covered, root, time);
        byte[] line = (head.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            long pos = headsEnd;
            while (buf.hasRemaining()) {
                pos += heads.write(buf, pos);
            }
            heads.force(false);
            headsEnd = pos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(HEADS), e);
        }
        lastHead = head;
    }

    /** The current tree head: the size and root over every entry appended so far, durable or not. */
    public synchronized TreeHead treeHead() {
        return new TreeHead(size, cache.root(size));
    }

    /**
     * A tree head over every entry appended before this call, made durable and signed now unless the last signed
     * head already covers them.
     */
    public SignedTreeHead signedTreeHead() {
        long covered = flush();
        if (lead(() -> lastHead != null && lastHead.size() >= covered)) {
            try {
                signHead(durable);
            } finally {
                release();
            }
        }
        return lastHead;
    }

    /** The last signed tree head written to {@code heads.log}, or null when none was signed yet. */
    public SignedTreeHead lastSignedTreeHead() {
        return lastHead;
    }

    /** The log's public key as PEM text, to check its signed tree heads elsewhere. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /**
     * An InclusionProof shows that the entry with leaf hash {@code leafHash} is entry {@code index} of the tree of
     * the first {@code treeSize} entries, whose root is {@code root} (trust the root only when it matches a signed
     * tree head of that size).
     *
     * @param index the entry's index
     * @param treeSize the size of the tree the proof is for
     * @param leafHash the entry's leaf hash
     * @param path the audit path of RFC 9162 §2.1.3.1, from the leaf's sibling up
     * @param root the root the path leads to
     */
    public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {

        /** Checks the proof against a root the caller trusts (RFC 9162 §2.1.3.2). */
        public ProofCheck verify(byte[] trustedRoot) {
            return Merkle.verifyInclusion(index, treeSize, leafHash, path, trustedRoot);
        }
    }

    /**
     * A ConsistencyProof shows that the tree of the first {@code firstSize} entries (root {@code firstRoot}) is a
     * prefix of the tree of the first {@code secondSize} (root {@code secondRoot}): nothing was changed, removed or
     * reordered in between.
     *
     * @param firstSize the older size
     * @param secondSize the newer size
     * @param firstRoot the root at the older size
     * @param secondRoot the root at the newer size
     * @param path the proof of RFC 9162 §2.1.4.1
     */
    public record ConsistencyProof(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> path) {

        /** Checks the proof against two roots the caller trusts (RFC 9162 §2.1.4.2). */
        public ProofCheck verify(byte[] trustedFirstRoot, byte[] trustedSecondRoot) {
            return Merkle.verifyConsistency(firstSize, secondSize, trustedFirstRoot, trustedSecondRoot, path);
        }
    }

    /** The proof that entry {@code index} is in the tree of the first {@code treeSize} entries. */
    public synchronized InclusionProof inclusionProof(long index, long treeSize) {
        requireOpen();
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("entry " + index + " is not in a tree of " + treeSize + " entries");
        }
        return new InclusionProof(index, treeSize, cache.leaf(index), Merkle.inclusionPath(index, treeSize, cache),
                cache.root(treeSize));
    }

    /** The proof that the tree of the first {@code firstSize} entries is a prefix of that of {@code secondSize}. */
    public synchronized ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        requireOpen();
        requireSize(secondSize);
        if (firstSize <= 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("a consistency proof needs 0 < first size <= second size, got "
                    + firstSize + " and " + secondSize);
        }
        return new ConsistencyProof(firstSize, secondSize, cache.root(firstSize), cache.root(secondSize),
                Merkle.consistencyPath(firstSize, secondSize, cache));
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("the log has " + size + " entries, not " + treeSize);
        }
    }

    /**
     * Entry {@code index} as the log holds it.
     *
     * @throws IllegalStateException when the line in entries.log no longer hashes to the leaf in the tree
     */
    public synchronized AuditRecord entry(long index) {
        requireOpen();
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("the log has no entry " + index + " (it has " + size + ")");
        }
        writeBuffer(true);
        long start = cache.offset(index);
        long end = index + 1 < size ? cache.offset(index + 1) : written;
        ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
        try {
            while (buf.hasRemaining()) {
                if (entries.read(buf, start + buf.position()) < 0) {
                    throw new IllegalStateException(folder.resolve(ENTRIES) + " is shorter than its index");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(ENTRIES), e);
        }
        byte[] line = buf.array();
        if (!Arrays.equals(EntryCodec.computedHash(line, 0, line.length - 1), cache.leaf(index))) {
            throw new IllegalStateException(folder.resolve(ENTRIES) + " line " + (index + 1) + " was changed after "
                    + "it was appended (it no longer hashes to the leaf the tree holds) — run 'custos audit verify'");
        }
        return EntryCodec.read(line, 0, line.length - 1);
    }

    /**
     * Replays the whole log from its files (after a flush) and reports the first problem, as
     * {@code custos audit verify} does.
     */
    public Verification verify() throws IOException {
        flush();
        return AuditVerifier.verify(folder, key.publicKey(), Map.of());
    }

    /**
     * Replays the audit log of a data directory without opening it for appending (no lock, nothing written):
     * recomputes every leaf hash and the tree, checks every signed tree head in the log and each of
     * {@code exportedHeads}, and names the first bad entry.
     *
     * @param exportedHeads heads exported earlier, each under a name for messages (such as its file name)
     * @param publicKeyPem the key heads must be signed with, or null for the log's own {@code public-key.pem}
     */
    public static Verification verify(Path dataDir, Map<String, SignedTreeHead> exportedHeads, String publicKeyPem)
            throws IOException {
        Path folder = folder(dataDir);
        Path keyFile = folder.resolve(SigningKey.PUBLIC_FILE);
        PublicKey key;
        if (publicKeyPem != null) {
            key = SigningKey.publicKey(publicKeyPem, "the public key given");
        } else if (Files.exists(keyFile)) {
            key = SigningKey.publicKey(Files.readString(keyFile), keyFile.toString());
        } else {
            key = null;
        }
        return AuditVerifier.verify(folder, key, exportedHeads);
    }

    /**
     * Reads the entries of the audit log of a data directory in order, from index {@code from}, without opening it
     * for appending; ends quietly at an incomplete last line (an append in progress).
     *
     * @param each receives each record and returns whether to go on
     * @throws IllegalStateException at the first line that is not a valid entry, naming it
     */
    public static void read(Path dataDir, long from, Predicate<AuditRecord> each) throws IOException {
        Path file = folder(dataDir).resolve(ENTRIES);
        if (!Files.exists(file)) {
            return;
        }
        try (LineReader lines = new LineReader(file)) {
            long i = 0;
            for (LineReader.Line line = lines.next(); line != null && line.complete(); line = lines.next(), i++) {
                if (i < from) {
                    continue;
                }
                AuditRecord record;
                try {
                    record = EntryCodec.read(line.bytes(), line.from(), line.length());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is not a valid entry ("
                            + e.getMessage() + ") — run 'custos audit verify'");
                }
                if (!each.test(record)) {
                    return;
                }
            }
        }
    }

    /** Flushes, signs a tree head over any entries no head covers yet, and releases the log. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            signedTreeHead();
            synchronized (this) {
                cache.writePending();
                index.force(false);
            }
        } finally {
            synchronized (this) {
                closed = true;
                entries.close();
                heads.close();
                index.close();
                lock.release();
                lockChannel.close();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the audit log in " + folder + " is closed");
        }
    }
}
