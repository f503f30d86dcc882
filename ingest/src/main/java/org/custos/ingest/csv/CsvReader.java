package org.custos.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A CsvReader is a streaming, byte-level reader of comma-separated records that keeps each record's line number,
 * raw text and any malformation, so that a caller can reject one bad record and go on with the next.
 *
 * <p>Fields are separated by commas; a field may be enclosed in double quotes, and then may hold commas, line
 * breaks and doubled quotes ({@code ""} for one {@code "}). A quote inside an unquoted field is an ordinary
 * character. Records end at {@code \n} or {@code \r\n} outside quotes; empty lines are skipped. Only the current
 * record is held in memory, so memory depends on the longest record, never on the size of the input.
 *
 * <p>A record is <em>malformed</em> ({@link #malformation()} is not null) when it holds bytes that are not valid
 * UTF-8, a character follows a closing quote, a quoted field is still open at the end of the input, or it is longer
 * than the record limit; its fields are then unreliable but its raw text and line are known.
 */
public final class CsvReader implements Closeable {

    /** The default size of the read buffer: 1 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    /** The default longest record accepted: 16 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

    private static final int RAW_TEXT_LIMIT = 64 * 1024;

    /*
     * The buffer always holds the whole current record contiguously: when a record runs past the end of the buffer,
     * its bytes are moved to the front (and the buffer grows if the record alone fills it), so field positions are
     * kept relative to the record's start and survive the move. The scan ORs every byte into one int; a negative
     * result means the record has bytes >= 0x80, and only those records are run through a strict UTF-8 decoder.
     */

    private final InputStream in;
    private final LongConsumer progress;
    private final int maxRecordBytes;
    private byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    private long nextLine = 1;

    private int start;
    private int end;
    private long line;
    private boolean terminated;
    private int count;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private boolean[] escaped = new boolean[16];
    private String malformation;
    private int malformedField;
    private String rawOverride;
    private int highBits;

    private CharsetDecoder strictDecoder;
    private CharBuffer decodeScratch;

    /** A reader over {@code in} with the default buffer and record limit, reporting nothing. */
    public CsvReader(InputStream in) {
        this(in, DEFAULT_BUFFER_BYTES, DEFAULT_MAX_RECORD_BYTES, n -> { });
    }

    /**
     * A reader over {@code in}.
     *
     * @param bufferBytes the initial buffer size
     * @param maxRecordBytes the longest record accepted; longer ones are reported as malformed and skipped
     * @param progress told the number of bytes read from {@code in} after every read
     */
    public CsvReader(InputStream in, int bufferBytes, int maxRecordBytes, LongConsumer progress) {
        if (bufferBytes < 16 || maxRecordBytes < bufferBytes) {
            throw new IllegalArgumentException("need 16 <= bufferBytes <= maxRecordBytes, got " + bufferBytes
                    + " and " + maxRecordBytes);
        }
        this.in = in;
        this.buf = new byte[bufferBytes];
        this.maxRecordBytes = maxRecordBytes;
        this.progress = progress;
    }

    /** Advances to the next non-empty record; false at the end of the input. */
    public boolean next() throws IOException {
        while (true) {
            switch (parse()) {
                case RECORD:
                    return true;
                case END:
                    return false;
                default:
                    break;
            }
        }
    }

    /** The 1-based line on which the current record starts. */
    public long line() {
        return line;
    }

    /** The number of fields in the current record. */
    public int fieldCount() {
        return count;
    }

    /** True when the current record ended with a line break, false when the input ended first. */
    public boolean terminated() {
        return terminated;
    }

    /** What is wrong with the current record, or null when it is well-formed. */
    public String malformation() {
        return malformation;
    }

    /** The 0-based field a malformation was found in, or -1 when it concerns the whole record. */
    public int malformedField() {
        return malformedField;
    }

    /** The text of field {@code i}, unquoted and unescaped; only meaningful for a well-formed record. */
    public String text(int i) {
        String s = new String(buf, start + fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
        return escaped[i] ? s.replace("\"\"", "\"") : s;
    }

    /** The buffer holding the current record's bytes; read it with {@link #offset} and {@link #length}. */
    public byte[] buffer() {
        return buf;
    }

    /** Where field {@code i}'s bytes start in {@link #buffer()} (inside the quotes of a quoted field). */
    public int offset(int i) {
        return start + fieldStart[i];
    }

    /** The number of bytes of field {@code i} as stored (doubled quotes counted twice). */
    public int length(int i) {
        return fieldEnd[i] - fieldStart[i];
    }

    /** True when field {@code i} holds doubled quotes, so its stored bytes differ from its {@link #text}. */
    public boolean escaped(int i) {
        return escaped[i];
    }

    /**
     * The raw text of the current record without its line break, for error reports: bytes that are not UTF-8 appear
     * as {@code \xNN}, and text beyond 64 KiB is cut off with a note of the full length.
     */
    public String raw() {
        if (rawOverride != null) {
            return rawOverride;
        }
        return rawText(buf, start, end - start);
    }

    /** Closes the underlying input. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    // ------------------------------------------------------------------------------------------------ scanning

    private static final int RECORD = 0;
    private static final int EMPTY = 1;
    private static final int END = 2;

    private static final class RecordTooLong extends Exception {
        RecordTooLong() {
            super(null, null, false, false);
        }
    }

    private int parse() throws IOException {
        start = pos;
        line = nextLine;
        count = 0;
        malformation = null;
        malformedField = -1;
        rawOverride = null;
        try {
            int result = scan();
            if (result == RECORD && malformation == null && highBits < 0) {
                checkUtf8();
            }
            return result;
        } catch (RecordTooLong e) {
            skipLongRecord();
            return RECORD;
        }
    }

    private int scan() throws IOException, RecordTooLong {
        int p = pos;
        int high = 0;
        long breaks = 0;
        while (true) {
            if (p == limit) {
                p -= refill();
                if (p == limit) {
                    if (count == 0 && p == start) {
                        pos = p;
                        return END;
                    }
                    addField(p - start, p - start, false);
                    return finish(p, p, false, high, breaks);
                }
            }
            if (buf[p] != '"') {
                int fs = p;
                while (true) {
                    if (p == limit) {
                        int shift = refill();
                        p -= shift;
                        fs -= shift;
                        if (p == limit) {
                            int fe = p > fs && buf[p - 1] == '\r' ? p - 1 : p;
                            if (count == 0 && fe == fs) {
                                pos = p;
                                return END;
                            }
                            addField(fs - start, fe - start, false);
                            return finish(fe, p, false, high, breaks);
                        }
                    }
                    byte b = buf[p];
                    if (b == ',') {
                        addField(fs - start, p - start, false);
                        p++;
                        break;
                    }
                    if (b == '\n') {
                        int fe = p > fs && buf[p - 1] == '\r' ? p - 1 : p;
                        if (count == 0 && fe == fs) {
                            pos = p + 1;
                            nextLine++;
                            return EMPTY;
                        }
                        addField(fs - start, fe - start, false);
                        return finish(fe, p + 1, true, high, breaks);
                    }
                    high |= b;
                    p++;
                }
            } else {
                int fs = ++p;
                boolean esc = false;
                while (true) {
                    if (p + 1 >= limit) {
                        int shift = refill();
                        p -= shift;
                        fs -= shift;
                        if (p == limit) {
                            addField(fs - start, p - start, esc);
                            flag(count - 1, "quoted field not closed before the end of the input");
                            return finish(p, p, false, high, breaks);
                        }
                    }
                    byte b = buf[p];
                    if (b == '"') {
                        if (p + 1 < limit && buf[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (b == '\n') {
                        breaks++;
                    }
                    high |= b;
                    p++;
                }
                addField(fs - start, p - start, esc);
                p++;
                while (true) {
                    if (p == limit) {
                        p -= refill();
                        if (p == limit) {
                            return finish(p, p, false, high, breaks);
                        }
                    }
                    byte b = buf[p];
                    if (b == ',') {
                        p++;
                        break;
                    }
                    if (b == '\n') {
                        int re = buf[p - 1] == '\r' ? p - 1 : p;
                        return finish(re, p + 1, true, high, breaks);
                    }
                    if (b != '\r') {
                        flag(count - 1, "characters after the closing quote");
                    }
                    high |= b;
                    p++;
                }
            }
        }
    }

    private int finish(int recordEnd, int next, boolean lineBreak, int high, long breaks) {
        end = recordEnd;
        pos = next;
        terminated = lineBreak;
        highBits = high;
        nextLine += breaks + (lineBreak ? 1 : 0);
        return RECORD;
    }

    private void flag(int field, String what) {
        if (malformation == null) {
            malformation = what;
            malformedField = field;
        }
    }

    private void addField(int from, int to, boolean esc) {
        if (count == fieldStart.length) {
            int n = count * 2;
            fieldStart = Arrays.copyOf(fieldStart, n);
            fieldEnd = Arrays.copyOf(fieldEnd, n);
            escaped = Arrays.copyOf(escaped, n);
        }
        fieldStart[count] = from;
        fieldEnd[count] = to;
        escaped[count] = esc;
        count++;
    }

    /** Moves the current record to the front, reads more, and returns how far the record moved. */
    private int refill() throws IOException, RecordTooLong {
        if (eof) {
            return 0;
        }
        int shift = start;
        if (shift > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= shift;
            start = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxRecordBytes) {
                throw new RecordTooLong();
            }
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxRecordBytes));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            progress.accept(n);
        }
        return shift;
    }

    /*
     * The record is longer than the limit (typically an unclosed quote swallowing the rest of the file). Report its
     * first line as one malformed record and resume on the following line.
     */
    private void skipLongRecord() throws IOException {
        count = 0;
        malformation = "record longer than " + maxRecordBytes + " bytes (an unclosed quote?); resuming on the next line";
        malformedField = -1;
        terminated = true;
        nextLine = line + 1;
        int newline = indexOf((byte) '\n', start, limit);
        if (newline >= 0) {
            end = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
            pos = newline + 1;
            return;
        }
        rawOverride = rawText(buf, start, limit - start);
        while (true) {
            limit = 0;
            start = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                pos = end = 0;
                terminated = false;
                return;
            }
            limit = n;
            progress.accept(n);
            newline = indexOf((byte) '\n', 0, limit);
            if (newline >= 0) {
                pos = newline + 1;
                end = 0;
                return;
            }
        }
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ UTF-8

    private void checkUtf8() {
        if (strictDecoder == null) {
            strictDecoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        int len = end - start;
        if (decodeScratch == null || decodeScratch.capacity() < len) {
            decodeScratch = CharBuffer.allocate(Math.max(len, 1024));
        }
        ByteBuffer bytes = ByteBuffer.wrap(buf, start, len);
        CharBuffer chars = decodeScratch.clear();
        strictDecoder.reset();
        CoderResult result = strictDecoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = strictDecoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            int field = fieldAt(at - start);
            malformation = String.format("invalid UTF-8 byte 0x%02X at byte %d of the record", buf[at] & 0xFF,
                    at - start + 1);
            malformedField = field;
        }
    }

    private int fieldAt(int relative) {
        for (int i = 0; i < count; i++) {
            if (relative < fieldEnd[i]) {
                return i;
            }
        }
        return count - 1;
    }

    /** Decodes bytes as UTF-8, writing each byte that is not part of valid UTF-8 as {@code \xNN}. */
    static String rawText(byte[] bytes, int offset, int length) {
        int shown = Math.min(length, RAW_TEXT_LIMIT);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, shown);
        CharBuffer out = CharBuffer.allocate(shown + 16);
        StringBuilder sb = new StringBuilder(shown + 16);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    sb.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        if (shown < length) {
            sb.append("... [").append(length).append(" bytes in all]");
        }
        return sb.toString();
    }
}
