package org.custos.store.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custos.store.audit.Verification.Kind;
import org.custos.store.audit.Verification.Problem;

/**
 * AuditVerifier replays an audit log from its files alone — never its index — and finds the first bad entry.
 */
final class AuditVerifier {

    /*
     * One pass over entries.log, in blocks of complete lines. For each line a pool of threads recomputes the leaf
     * hash of the JSON, compares it with the hash recorded at the start of the line, and checks the canonical JSON
     * for the entry's sequence number; in file order, Replay then adds the leaf to a Merkle frontier; whenever
     * the number of lines reaches the size of a tree head (signed in heads.log, or exported earlier and given
     * back), the frontier's root must equal the head's.
     *
     * Which problem is "first": per-entry evidence is exact. A line whose content no longer matches its recorded
     * hash is CHANGED at that line. Sequence numbers tell the rest: entry n where n-1 is due is a copy (INSERTED);
     * entry n+1 where n is due means n was REMOVED, unless n turns up later (REORDERED). Someone who rewrites the
     * recorded hashes and renumbers the entries beats those checks, but not the tree: the first head whose root
     * differs says an entry between the last matching head and it was CHANGED (or inserted or removed); the index
     * reported is the first entry no good head vouches for. A head larger than the log means TRUNCATED. Among all
     * problems the lowest index wins, entry evidence before head evidence. A head whose signature does not verify
     * is reported and is no evidence either way: its root is not compared.
     */

    /** How many sequence numbers after the first misplaced one are kept to tell a moved entry from a removed one. */
    private static final int MAX_KEPT = 1 << 24;
    /**
     * Bytes of entries.log read and checked as one block: under half a G1 region, so blocks are ordinary young
     * objects rather than humongous ones, and recycled once their chunk is replayed.
     */
    private static final int BLOCK = 1 << 20;

    private AuditVerifier() {
    }

    private record Check(String source, SignedTreeHead head) {
    }

    private record Found(Problem problem, int rank) {
    }

    static Verification verify(Path folder, PublicKey key, Map<String, SignedTreeHead> exported) throws IOException {
        List<Found> found = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Path headsPath = folder.resolve(AuditLog.HEADS);
        int signedHeads = 0;
        SignedTreeHead lastSigned = null;
        if (Files.exists(headsPath)) {
            HeadsFile headsFile;
            try (FileChannel channel = FileChannel.open(headsPath, StandardOpenOption.READ)) {
                headsFile = HeadsFile.read(channel, headsPath);
            }
            for (String p : headsFile.problems()) {
                found.add(new Found(new Problem(0, Kind.BAD_HEAD, p), 3));
            }
            SignedTreeHead previous = null;
            for (HeadsFile.Numbered n : headsFile.heads()) {
                String source = AuditLog.HEADS + " line " + n.line();
                SignedTreeHead head = n.head();
                boolean signed = key != null && SigningKey.verify(key, head);
                if (key == null) {
                    found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, source + ": there is no "
                            + SigningKey.PUBLIC_FILE + " to check its signature with"), 3));
                } else if (!signed) {
                    found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, source + " (size " + head.size()
                            + ", signed " + head.time() + "): the signature does not verify with the log's public "
                            + "key — the head was forged or edited"), 3));
                }
                if (previous != null && (head.size() < previous.size() || head.time().isBefore(previous.time()))) {
                    found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, source + " (size " + head.size()
                            + ", signed " + head.time() + ") comes after a head of size " + previous.size()
                            + " signed " + previous.time() + ": tree heads were reordered or replaced"), 3));
                }
                previous = head;
                if (signed) {
                    lastSigned = head;
                    checks.add(new Check(source, head));
                }
                signedHeads++;
            }
        }
        for (Map.Entry<String, SignedTreeHead> e : exported.entrySet()) {
            SignedTreeHead head = e.getValue();
            if (key == null || !SigningKey.verify(key, head)) {
                found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, e.getKey() + " (size " + head.size()
                        + ", signed " + head.time() + "): the signature does not verify with the log's public key "
                        + "— the head was forged, or the log's key pair was replaced"), 3));
            } else {
                checks.add(new Check(e.getKey(), head));
            }
        }
        checks.sort(Comparator.comparingLong(c -> c.head().size()));

        Replay replay = new Replay(checks);
        long tail = 0;
        Path entriesPath = folder.resolve(AuditLog.ENTRIES);
        if (Files.exists(entriesPath)) {
            tail = replayInParallel(entriesPath, replay);
        }
        MerkleFrontier frontier = replay.frontier;
        long count = replay.count;
        Problem entryProblem = replay.entryProblem;
        Check mismatch = replay.mismatch;
        long vouched = replay.vouched;
        int next = replay.next;
        byte[] root = frontier.root();
        Problem sequenceProblem = replay.firstMisplaced < 0 ? null
                : sequenceProblem(replay.firstMisplaced, replay.seqs, replay.kept);
        if (sequenceProblem != null && (entryProblem == null || sequenceProblem.index() < entryProblem.index())) {
            entryProblem = sequenceProblem;
        }
        if (entryProblem != null) {
            found.add(new Found(entryProblem, 0));
        }
        if (mismatch != null && (entryProblem == null || entryProblem.index() >= mismatch.head().size())) {
            SignedTreeHead h = mismatch.head();
            found.add(new Found(new Problem(vouched, Kind.CHANGED, "entries " + vouched + " to " + (h.size() - 1)
                    + " do not hash to the root of " + mismatch.source() + " (size " + h.size() + ", signed "
                    + h.time() + "): an entry among them was changed, inserted or removed, and the recorded hashes "
                    + "were rewritten to hide it"), 1));
        }
        for (int i = next; i < checks.size(); i++) {
            Check c = checks.get(i);
            if (c.head().size() > count) {
                found.add(new Found(new Problem(count, Kind.TRUNCATED, c.source() + " (signed " + c.head().time()
                        + ") covers " + c.head().size() + " entries but the log holds " + count + ": entries "
                        + count + " to " + (c.head().size() - 1) + " were removed from its end"), 2));
                break;
            }
        }
        Optional<Problem> first = found.stream()
                .min(Comparator.comparingLong((Found f) -> f.problem().index()).thenComparingInt(Found::rank))
                .map(Found::problem);
        long unsigned = count - (lastSigned == null ? 0 : Math.min(count, lastSigned.size()));
        return new Verification(count, root, signedHeads, exported.size(), unsigned, tail, first);
    }

    /**
     * Replay is the in-order half of verification: it takes each line's leaf hash, whether its recorded hash
     * matched, and its sequence number, grows the tree, and compares roots at the heads' sizes.
     */
    private static final class Replay {
        final List<Check> checks;
        final MerkleFrontier frontier = new MerkleFrontier();
        long firstMisplaced = -1;
        long[] seqs = new long[0];
        int kept;
        long count;
        Problem entryProblem;
        Check mismatch;
        long vouched;
        int next;

        Replay(List<Check> checks) {
            this.checks = checks;
            while (next < checks.size() && checks.get(next).head().size() == 0) {
                Check c = checks.get(next++);
                if (!Arrays.equals(Merkle.emptyRoot(), c.head().root()) && mismatch == null) {
                    mismatch = c;
                }
            }
        }

        void accept(Chunk chunk) {
            for (int i = 0; i < chunk.lines; i++) {
                long seq = chunk.seqs[i];
                String invalid = chunk.invalid == null ? null : chunk.invalid[i];
                if (entryProblem == null && (invalid != null || !chunk.hashMatches[i])) {
                    String where = "entry " + count + " (" + AuditLog.ENTRIES + " line " + (count + 1) + ")";
                    entryProblem = invalid != null
                            ? new Problem(count, Kind.CHANGED, where + " is not a valid entry: " + invalid)
                            : new Problem(count, Kind.CHANGED, where + " was changed: its content no longer "
                                    + "matches the hash recorded when it was appended");
                }
                if (firstMisplaced < 0 && seq != count) {
                    firstMisplaced = count;
                    seqs = new long[1024];
                }
                if (firstMisplaced >= 0 && kept < MAX_KEPT) {
                    if (kept == seqs.length) {
                        seqs = Arrays.copyOf(seqs, Math.min(MAX_KEPT, seqs.length * 2));
                    }
                    seqs[kept++] = seq;
                }
                frontier.add(chunk.leaves, i * Merkle.HASH_SIZE);
                count++;
                while (next < checks.size() && checks.get(next).head().size() == count) {
                    Check c = checks.get(next++);
                    if (Arrays.equals(frontier.root(), c.head().root())) {
                        if (mismatch == null) {
                            vouched = count;
                        }
                    } else if (mismatch == null) {
                        mismatch = c;
                    }
                }
            }
        }
    }

    /**
     * A Chunk is the per-line work on a block of complete lines, done in parallel: each line's leaf hash (32 bytes
     * each in {@code leaves}), whether it matches the recorded hash, its sequence number (-1 when the line is not
     * a valid entry) and, for such lines, why.
     */
    private static final class Chunk {
        final int lines;
        final byte[] leaves;
        final boolean[] hashMatches;
        final long[] seqs;
        final String[] invalid;

        private Chunk(int lines, byte[] leaves, boolean[] hashMatches, long[] seqs, String[] invalid) {
            this.lines = lines;
            this.leaves = leaves;
            this.hashMatches = hashMatches;
            this.seqs = seqs;
            this.invalid = invalid;
        }

        private static final byte[] LEAF_PREFIX = {0x00};
        private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(Merkle::newSha256);

        /** True when the 64 characters at {@code at} are the lower-case hex of the 32 bytes at {@code hashAt}. */
        private static boolean matchesHex(byte[] line, int at, byte[] hash, int hashAt) {
            for (int i = 0; i < Merkle.HASH_SIZE; i++) {
                int b = hash[hashAt + i] & 0xff;
                if (line[at + 2 * i] != HEX_DIGITS[b >>> 4] || line[at + 2 * i + 1] != HEX_DIGITS[b & 0xf]) {
                    return false;
                }
            }
            return true;
        }

        private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        static Chunk of(byte[] bytes, int length) {
            MessageDigest sha = SHA.get();
            int capacity = Math.max(16, length / 256);
            byte[] leaves = new byte[capacity * Merkle.HASH_SIZE];
            boolean[] matches = new boolean[capacity];
            long[] seqs = new long[capacity];
            String[] invalid = null;
            int n = 0;
            for (int start = 0; start < length; n++) {
                if (n == capacity) {
                    capacity *= 2;
                    leaves = Arrays.copyOf(leaves, capacity * Merkle.HASH_SIZE);
                    matches = Arrays.copyOf(matches, capacity);
                    seqs = Arrays.copyOf(seqs, capacity);
                    invalid = invalid == null ? null : Arrays.copyOf(invalid, capacity);
                }
                int end = start;
                while (bytes[end] != '\n') {
                    end++;
                }
                int lineLength = end - start;
                boolean prefixed = lineLength >= EntryCodec.HEX_LENGTH + 1 && bytes[start + EntryCodec.HEX_LENGTH] == ' ';
                int skip = prefixed ? EntryCodec.HEX_LENGTH + 1 : 0;
                sha.reset();
                sha.update(LEAF_PREFIX);
                sha.update(bytes, start + skip, lineLength - skip);
                try {
                    sha.digest(leaves, n * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
                } catch (DigestException e) {
                    throw new IllegalStateException(e);
                }
                matches[n] = prefixed && matchesHex(bytes, start, leaves, n * Merkle.HASH_SIZE);
                try {
                    seqs[n] = EntryCodec.seq(bytes, start, end - start);
                } catch (IllegalArgumentException e) {
                    seqs[n] = -1;
                    if (invalid == null) {
                        invalid = new String[capacity];
                    }
                    invalid[n] = e.getMessage();
                }
                start = end + 1;
            }
            return new Chunk(n, leaves, matches, seqs, invalid);
        }
    }

    /**
     * Reads entries.log in blocks of complete lines, has a pool of threads (one per processor) hash and check the
     * lines of each block, and feeds the results to {@code replay} in file order; returns the bytes of an
     * incomplete last line.
     */
    private static long replayInParallel(Path file, Replay replay) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-verify");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] carry = new byte[0];
            long position = 0;
            Deque<byte[]> free = new ArrayDeque<>();
            Deque<byte[]> used = new ArrayDeque<>();
            while (true) {
                byte[] recycled = free.pollFirst();
                byte[] block = recycled != null && recycled.length >= carry.length * 2 ? recycled
                        : new byte[Math.max(BLOCK, carry.length * 2)];
                System.arraycopy(carry, 0, block, 0, carry.length);
                int filled = carry.length;
                boolean eof = false;
                while (filled < block.length) {
                    int n = channel.read(ByteBuffer.wrap(block, filled, block.length - filled), position);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    filled += n;
                    position += n;
                }
                int cut = filled;
                while (cut > 0 && block[cut - 1] != '\n') {
                    cut--;
                }
                carry = Arrays.copyOfRange(block, cut, filled);
                if (cut > 0) {
                    int length = cut;
                    inFlight.add(pool.submit(() -> Chunk.of(block, length)));
                    used.add(block);
                } else if (block.length == BLOCK) {
                    free.add(block);
                }
                while (inFlight.size() > 2 * threads || eof && !inFlight.isEmpty()) {
                    replay.accept(await(inFlight.removeFirst()));
                    byte[] done = used.removeFirst();
                    if (done.length == BLOCK) {
                        free.add(done);
                    }
                }
                if (eof) {
                    return carry.length;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("verification was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Classifies the first line whose sequence number is not its position. {@code seqs} holds the numbers from that
     * line on ({@code kept} of them, at most MAX_KEPT).
     */
    private static Problem sequenceProblem(long p, long[] seqs, int kept) {
        long s = seqs[0];
        String line = AuditLog.ENTRIES + " line " + (p + 1);
        if (s < 0) {
            return null;
        }
        if (s < p) {
            return new Problem(p, Kind.INSERTED, line + " holds a second entry " + s + " where entry " + p
                    + " is due: a copy, or an entry inserted into the log");
        }
        for (int q = 1; q < kept; q++) {
            if (seqs[q] == p) {
                return new Problem(p, Kind.REORDERED, "entry " + p + " was moved: it is at line " + (p + q + 1)
                        + ", and " + line + " holds entry " + s);
            }
        }
        return new Problem(p, Kind.REMOVED, (s - p == 1 ? "entry " + p + " was" : "entries " + p + " to "
                + (s - 1) + " were") + " removed: " + line + " holds entry " + s);
    }
}
