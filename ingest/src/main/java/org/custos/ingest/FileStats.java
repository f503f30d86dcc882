package org.custos.ingest;

/**
 * FileStats is what streaming one activity file produced.
 *
 * @param file the file's name ({@code logon.csv})
 * @param layout the release its header showed: {@code r4.2}, {@code r6.x}, {@code r4.2/r6.x} (a header both share)
 *     or {@code custos} (a feed Custos adds)
 * @param events the rows that became events
 * @param rejected the rows sent to the dead letters
 */
public record FileStats(String file, String layout, long events, long rejected) {
}
