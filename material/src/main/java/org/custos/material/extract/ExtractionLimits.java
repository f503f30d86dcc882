package org.custos.material.extract;

/**
 * ExtractionLimits bound what one input may expand to, so zip bombs, deep archives and huge files fail with a
 * reason instead of exhausting the machine.
 *
 * @param maxFileBytes the largest single document read, in bytes
 * @param maxArchiveBytes the most bytes one top-level archive may expand to
 * @param maxArchiveEntries the most members one top-level archive may expand to
 * @param maxDepth how deeply archives may nest (1: an archive, but no archive inside it)
 * @param maxChars the longest text kept from one document, in chars
 */
public record ExtractionLimits(long maxFileBytes, long maxArchiveBytes, int maxArchiveEntries, int maxDepth,
        int maxChars) {

    /** The defaults: 256 MB per document, 1 GB and 10,000 members per archive, depth 3, 64 M chars of text. */
    public static final ExtractionLimits DEFAULT =
            new ExtractionLimits(256L << 20, 1L << 30, 10_000, 3, 64 << 20);
}
