package org.custos.store.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A Scan is what opening a log learns from its entries file and index: the leaf cache, where the last complete
 * entry ends, how many entries it adopted past the index, and the bytes of a torn last record.
 *
 * @param cache the leaves and subtree hashes of every complete entry
 * @param end where the last complete entry ends in entries.log
 * @param adopted complete entries found past the index
 * @param tornBytes bytes of an incomplete last line
 */
record Scan(LeafCache cache, long end, long adopted, long tornBytes) {

    /** Reads the index, checks its last record against entries.log (rebuilding it when stale) and scans the rest. */
    static Scan of(FileChannel entries, FileChannel index) throws IOException {
        long count = index.size() / LeafCache.RECORD;
        if (index.size() % LeafCache.RECORD != 0) {
            index.truncate(count * LeafCache.RECORD);
        }
        long end = 0;
        if (count > 0) {
            end = endOfLastIndexed(entries, index, count);
            if (end < 0) {
                count = 0;
                end = 0;
                index.truncate(0);
            }
        }
        LeafCache cache = LeafCache.load(index, count);
        long adopted = 0;
        long torn = 0;
        LineReader lines = new LineReader(entries, end);
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.complete()) {
                torn = line.length();
                break;
            }
            String problem = problem(line, cache.size());
            if (problem != null) {
                throw new IllegalStateException(AuditLog.ENTRIES + " line " + (cache.size() + 1) + ": " + problem
                        + " — the log was edited or damaged; run 'custos audit verify'");
            }
            cache.add(EntryCodec.computedHash(line.bytes(), line.from(), line.length()), line.offset());
            adopted++;
            end = line.offset() + line.length() + 1;
        }
        return new Scan(cache, end, adopted, torn);
    }

    private static String problem(LineReader.Line line, long expectedSeq) {
        byte[] recorded = EntryCodec.recordedHash(line.bytes(), line.from(), line.length());
        if (recorded == null) {
            return "not an entry (no leaf hash at the start)";
        }
        if (!Arrays.equals(recorded, EntryCodec.computedHash(line.bytes(), line.from(), line.length()))) {
            return "its content does not match its recorded hash";
        }
        AuditRecord record;
        try {
            record = EntryCodec.read(line.bytes(), line.from(), line.length());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (record.index() != expectedSeq) {
            return "entry number " + record.index() + " where " + expectedSeq + " was due";
        }
        return null;
    }

    private static long endOfLastIndexed(FileChannel entries, FileChannel index, long count) throws IOException {
        ByteBuffer rec = ByteBuffer.allocate(LeafCache.RECORD);
        while (rec.hasRemaining()) {
            if (index.read(rec, (count - 1) * LeafCache.RECORD + rec.position()) < 0) {
                return -1;
            }
        }
        rec.flip();
        long offset = rec.getLong();
        byte[] leaf = new byte[Merkle.HASH_SIZE];
        rec.get(leaf);
        if (offset < 0 || offset >= entries.size()) {
            return -1;
        }
        LineReader.Line line = new LineReader(entries, offset).next();
        if (line == null || !line.complete() || problem(line, count - 1) != null
                || !Arrays.equals(leaf, EntryCodec.computedHash(line.bytes(), line.from(), line.length()))) {
            return -1;
        }
        return offset + line.length() + 1;
    }
}
