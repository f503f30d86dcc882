package org.custos.store.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.store.audit.Verification.Kind;
import org.custos.store.audit.Verification.Problem;

/**
 * AuditVerifier replays an audit log from its files alone — never its index — and finds the first bad entry.
 */
final class AuditVerifier {

    /*
     * One sequential pass over entries.log. For each line it recomputes the leaf hash of the JSON, compares it with
     * the hash recorded at the start of the line, reads the entry's sequence number, and adds the leaf to a Merkle
     * frontier; whenever the number of lines reaches the size of a tree head (signed in heads.log, or exported
     * earlier and given back), the frontier's root must equal the head's.
     *
     * Which problem is "first": per-entry evidence is exact. A line whose content no longer matches its recorded
     * hash is CHANGED at that line. Sequence numbers tell the rest: entry n where n-1 is due is a copy (INSERTED);
     * entry n+1 where n is due means n was REMOVED, unless n turns up later (REORDERED). Someone who rewrites the
     * recorded hashes and renumbers the entries beats those checks, but not the tree: the first head whose root
     * differs says an entry between the last matching head and it was CHANGED (or inserted or removed); the index
     * reported is the first entry no good head vouches for. A head larger than the log means TRUNCATED. Among all
     * problems the lowest index wins, entry evidence before head evidence.
     */

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
                if (key == null) {
                    found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, source + ": there is no "
                            + SigningKey.PUBLIC_FILE + " to check its signature with"), 3));
                } else if (!SigningKey.verify(key, head)) {
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
                lastSigned = head;
                checks.add(new Check(source, head));
                signedHeads++;
            }
        }
        for (Map.Entry<String, SignedTreeHead> e : exported.entrySet()) {
            SignedTreeHead head = e.getValue();
            if (key == null || !SigningKey.verify(key, head)) {
                found.add(new Found(new Problem(head.size(), Kind.BAD_HEAD, e.getKey() + " (size " + head.size()
                        + ", signed " + head.time() + "): the signature does not verify with the log's public key "
                        + "— the head was forged, or the log's key pair was replaced"), 3));
            }
            checks.add(new Check(e.getKey(), head));
        }
        checks.sort(Comparator.comparingLong(c -> c.head().size()));

        MerkleFrontier frontier = new MerkleFrontier();
        long[] seqs = new long[1024];
        long count = 0;
        long tail = 0;
        Problem entryProblem = null;
        Check mismatch = null;
        long vouched = 0;
        int next = 0;
        while (next < checks.size() && checks.get(next).head().size() == 0) {
            Check c = checks.get(next++);
            if (!Arrays.equals(Merkle.emptyRoot(), c.head().root()) && mismatch == null) {
                mismatch = c;
            }
        }
        Path entriesPath = folder.resolve(AuditLog.ENTRIES);
        if (Files.exists(entriesPath)) {
            try (LineReader lines = new LineReader(entriesPath)) {
                for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                    if (!line.complete()) {
                        tail = line.length();
                        break;
                    }
                    byte[] computed = EntryCodec.computedHash(line.bytes(), line.from(), line.length());
                    byte[] recorded = EntryCodec.recordedHash(line.bytes(), line.from(), line.length());
                    long seq = -1;
                    String invalid = null;
                    try {
                        seq = EntryCodec.read(line.bytes(), line.from(), line.length()).index();
                    } catch (IllegalArgumentException e) {
                        invalid = e.getMessage();
                    }
                    if (entryProblem == null) {
                        String where = "entry " + count + " (" + AuditLog.ENTRIES + " line " + (count + 1) + ")";
                        if (invalid != null) {
                            entryProblem = new Problem(count, Kind.CHANGED, where + " is not a valid entry: "
                                    + invalid);
                        } else if (!Arrays.equals(recorded, computed)) {
                            entryProblem = new Problem(count, Kind.CHANGED, where + " was changed: its content no "
                                    + "longer matches the hash recorded when it was appended");
                        }
                    }
                    if (count == seqs.length) {
                        seqs = Arrays.copyOf(seqs, seqs.length * 2);
                    }
                    seqs[(int) count] = seq;
                    frontier.add(computed);
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
        byte[] root = frontier.root();
        Problem sequenceProblem = sequenceProblem(seqs, count);
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

    private static Problem sequenceProblem(long[] seqs, long count) {
        for (int p = 0; p < count; p++) {
            long s = seqs[p];
            if (s == p || s < 0) {
                continue;
            }
            String line = AuditLog.ENTRIES + " line " + (p + 1);
            if (s < p) {
                return new Problem(p, Kind.INSERTED, line + " holds a second entry " + s + " where entry " + p
                        + " is due: a copy, or an entry inserted into the log");
            }
            for (int q = p + 1; q < count; q++) {
                if (seqs[q] == p) {
                    return new Problem(p, Kind.REORDERED, "entry " + p + " was moved: it is at line " + (q + 1)
                            + ", and " + line + " holds entry " + s);
                }
            }
            long missing = s - p;
            return new Problem(p, Kind.REMOVED, (missing == 1 ? "entry " + p + " was" : "entries " + p + " to "
                    + (s - 1) + " were") + " removed: " + line + " holds entry " + s);
        }
        return null;
    }
}
