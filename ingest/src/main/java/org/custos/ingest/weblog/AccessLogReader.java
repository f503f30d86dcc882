package org.custos.ingest.weblog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.custos.ingest.DeadLetters;

/**
 * An AccessLogReader streams a web server's access log (Common or Combined Log Format, Apache's
 * {@code vhost_combined}, and nginx's {@code combined} with extra fields after the user agent) as requests,
 * sending every line it cannot read to the dead letters with its line number and reason.
 *
 * <p>Lines are read as bytes through a 1 MiB buffer; a line longer than {@link #MAX_LINE} bytes is rejected
 * without being held whole, so a hostile multi-megabyte line costs no memory. Fields are kept as logged (Apache's
 * {@code \"} and {@code \xhh} escapes included). Files ending in {@code .gz} are decompressed. See
 * docs/input-formats.md, "Web access logs".
 */
public final class AccessLogReader {

    /** The longest line read, in bytes; longer lines go to the dead letters. */
    public static final int MAX_LINE = 64 * 1024;

    private static final int RAW_KEPT = 2048;

    /** A Sink receives the requests of a log, field by field (no object per request). */
    @FunctionalInterface
    public interface Sink {
        /**
         * Receives one request.
         *
         * @param epochSecond when, in seconds since the epoch (the log's offset applied)
         * @param client the client address (Apache {@code %h}, nginx {@code $remote_addr})
         * @param userAgent the declared user agent; empty in Common Log Format or when logged as {@code -}
         * @param method the request method; empty when the request line was not a request
         * @param target the requested path and query, as logged
         * @param status the HTTP status
         * @param bytes the size of the answer, 0 for {@code -}
         * @param referrer the declared referrer; empty when none
         */
        void request(long epochSecond, String client, String userAgent, String method, String target, int status,
                long bytes, String referrer);
    }

    /**
     * What reading one log found.
     *
     * @param file the file's name in messages
     * @param format the layout of its first good line ({@code combined}, {@code common}, {@code vhost_combined},
     *     {@code vhost_common}, with {@code +extra} when fields follow the user agent); {@code none} when no line
     *     was read
     * @param lines the non-empty lines
     * @param requests the lines read as requests
     * @param rejected the lines sent to the dead letters
     */
    public record Stats(String file, String format, long lines, long requests, long rejected) {
    }

    private final String name;
    private final DeadLetters deadLetters;
    private final Sink sink;
    private final LogTime time = new LogTime();
    private final Strings strings = new Strings();
    private String format;
    private long lines;
    private long requests;
    private long rejected;

    private AccessLogReader(String name, DeadLetters deadLetters, Sink sink) {
        this.name = name;
        this.deadLetters = deadLetters;
        this.sink = sink;
    }

    /** Reads a log file (decompressing {@code .gz}), naming it {@code name} in dead letters and statistics. */
    public static Stats read(Path file, String name, DeadLetters deadLetters, Sink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                        ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return read(in, name, deadLetters, sink);
        }
    }

    /** Reads a log from a stream, which the caller closes. */
    public static Stats read(InputStream in, String name, DeadLetters deadLetters, Sink sink) throws IOException {
        AccessLogReader reader = new AccessLogReader(name, deadLetters, sink);
        reader.run(in);
        return new Stats(name, reader.format == null ? "none" : reader.format, reader.lines, reader.requests,
                reader.rejected);
    }

    /** True when a line (without its line break) is an access-log line this reader understands. */
    public static boolean isAccessLogLine(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        AccessLogReader probe = new AccessLogReader("probe", DeadLetters.discard(), (t, c, u, m, g, s, n, r) -> { });
        return probe.parse(b, 0, b.length) == null;
    }

    private void run(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 20];
        int start = 0;
        int end = 0;
        int scan = 0;
        long line = 1;
        boolean skipping = false;
        long skippedLength = 0;
        while (true) {
            int nl = -1;
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                if (skipping) {
                    skippedLength += nl - start;
                    overlong(line, skippedLength);
                    skipping = false;
                } else {
                    handle(buf, start, nl, line);
                }
                line++;
                start = nl + 1;
                scan = start;
                continue;
            }
            if (skipping) {
                skippedLength += end - start;
                start = 0;
                end = 0;
            } else if (end - start > MAX_LINE) {
                skipping = true;
                rawStart = new String(buf, start, Math.min(RAW_KEPT, end - start), StandardCharsets.UTF_8);
                skippedLength = end - start;
                start = 0;
                end = 0;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            scan = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (skipping) {
                    overlong(line, skippedLength);
                } else if (end > start) {
                    handle(buf, start, end, line);
                }
                return;
            }
            end += n;
        }
    }

    private String rawStart = "";

    private void overlong(long line, long length) {
        lines++;
        rejected++;
        deadLetters.reject(name, line, "line longer than " + MAX_LINE + " bytes (" + length + " bytes); skipped",
                printable(rawStart) + "... [" + length + " bytes]");
    }

    private void handle(byte[] b, int s, int e, long line) {
        if (e > s && b[e - 1] == '\r') {
            e--;
        }
        if (e == s) {
            return;
        }
        lines++;
        if (e - s > MAX_LINE) {
            rawStart = new String(b, s, RAW_KEPT, StandardCharsets.UTF_8);
            lines--;
            overlong(line, e - s);
            return;
        }
        String problem = parse(b, s, e);
        if (problem != null) {
            rejected++;
            int keep = Math.min(e - s, RAW_KEPT);
            String raw = printable(new String(b, s, keep, StandardCharsets.UTF_8));
            deadLetters.reject(name, line, problem, keep < e - s ? raw + "... [" + (e - s) + " bytes]" : raw);
        }
    }

    /* Parses one line and hands it to the sink; returns null, or why the line is not a request. */
    private String parse(byte[] b, int s, int e) {
        int bracket = -1;
        int[] spaces = new int[4];
        int tokens = 0;
        int tokenStart = s;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == '[' && i == tokenStart) {
                bracket = i;
                break;
            }
            if (c == ' ') {
                if (i == tokenStart || tokens == 4) {
                    return "expected 'host ident user [time] \"request\" status bytes': "
                            + (tokens == 4 ? "too many fields before [time]" : "empty field before [time]");
                }
                spaces[tokens++] = i;
                tokenStart = i + 1;
            }
        }
        if (bracket < 0) {
            return "expected 'host ident user [time] \"request\" status bytes': no [time] field";
        }
        if (tokens != 3 && tokens != 4) {
            return "expected 'host ident user [time] ...': " + tokens + " fields before [time], expected 3 (or 4 "
                    + "with a virtual host first)";
        }
        boolean vhost = tokens == 4;
        int clientStart = vhost ? spaces[0] + 1 : s;
        int clientEnd = vhost ? spaces[1] : spaces[0];
        if (bracket + 28 > e || b[bracket + 27] != ']') {
            return "time: not of the form [dd/MMM/yyyy:HH:mm:ss +hhmm]: '" + snippet(b, bracket, e) + "'";
        }
        long epochSecond = time.parse(b, bracket + 1, 26);
        if (epochSecond == Long.MIN_VALUE) {
            return "time: '" + snippet(b, bracket + 1, bracket + 27) + "' is not of the form dd/MMM/yyyy:HH:mm:ss"
                    + " +hhmm";
        }
        int p = bracket + 28;
        if (p + 1 >= e || b[p] != ' ' || b[p + 1] != '"') {
            return "request: expected a quoted request after the time";
        }
        int q0 = p + 2;
        int q1 = closingQuote(b, q0, e);
        if (q1 < 0) {
            return "request: quote not closed";
        }
        p = q1 + 1;
        if (p + 4 > e || b[p] != ' ') {
            return "status: missing after the request";
        }
        int status = 0;
        for (int i = p + 1; i < p + 4; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return "status: '" + snippet(b, p + 1, Math.min(e, p + 4)) + "' is not a three-digit HTTP status";
            }
            status = status * 10 + d;
        }
        if (status < 100) {
            return "status: '" + status + "' is not an HTTP status";
        }
        p += 4;
        if (p >= e || b[p] != ' ') {
            return "bytes: missing after the status";
        }
        p++;
        long bytes = 0;
        int bytesStart = p;
        if (p < e && b[p] == '-') {
            p++;
        } else {
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                if (p - bytesStart >= 18) {
                    return "bytes: number too long";
                }
                bytes = bytes * 10 + (b[p] - '0');
                p++;
            }
            if (p == bytesStart) {
                return "bytes: '" + snippet(b, bytesStart, e) + "' is not a whole number or -";
            }
        }
        String referrer = "";
        String userAgent = "";
        boolean combined = false;
        boolean extra = false;
        if (p < e) {
            if (b[p] != ' ') {
                return "bytes: '" + snippet(b, bytesStart, e) + "' is not a whole number or -";
            }
            if (p + 1 < e && b[p + 1] == '"') {
                int r0 = p + 2;
                int r1 = closingQuote(b, r0, e);
                if (r1 < 0) {
                    return "referrer: quote not closed";
                }
                int u0 = r1 + 3;
                if (r1 + 2 >= e || b[r1 + 1] != ' ' || b[r1 + 2] != '"') {
                    return "user agent: expected a quoted user agent after the referrer";
                }
                int u1 = closingQuote(b, u0, e);
                if (u1 < 0) {
                    return "user agent: quote not closed";
                }
                referrer = dash(b, r0, r1);
                userAgent = dash(b, u0, u1);
                combined = true;
                extra = u1 + 1 < e;
            } else {
                extra = true;
            }
        }
        int m1 = indexOf(b, q0, q1, (byte) ' ');
        String method;
        String target;
        if (m1 < 0) {
            method = "";
            target = "";
        } else {
            int t1 = indexOf(b, m1 + 1, q1, (byte) ' ');
            method = strings.ascii(b, q0, m1);
            target = strings.utf8(b, m1 + 1, t1 < 0 ? q1 : t1);
        }
        if (format == null) {
            format = (vhost ? "vhost_" : "") + (combined ? "combined" : "common") + (extra ? "+extra" : "");
        }
        requests++;
        sink.request(epochSecond, strings.ascii(b, clientStart, clientEnd), userAgent, method, target, status, bytes,
                referrer);
        return null;
    }

    private String dash(byte[] b, int s, int e) {
        if (e - s == 1 && b[s] == '-') {
            return "";
        }
        return strings.utf8(b, s, e);
    }

    /* The index of the quote closing a field that starts at s; a backslash escapes the next byte (Apache's \"). */
    private static int closingQuote(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String snippet(byte[] b, int s, int e) {
        String text = new String(b, s, Math.min(e - s, 60), StandardCharsets.UTF_8);
        return printable(text) + (e - s > 60 ? "..." : "");
    }

    /** The text with control characters (terminal escape sequences among them) shown as {@code \xNN}. */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
