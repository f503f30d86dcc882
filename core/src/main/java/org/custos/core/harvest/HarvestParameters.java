package org.custos.core.harvest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HarvestParameters are the thresholds that separate a harvester from an ordinary visitor; every threshold names
 * one reason a client is reported.
 *
 * @param bulkDocuments distinct documents one client took over the whole log that make it a bulk downloader
 * @param sweepDocuments distinct documents of one research area one client must take for an area sweep
 * @param sweepShare share of an area's known documents (0-1) that one client must take for an area sweep
 * @param sweepMinCatalogue known documents an area must have before a sweep of it is judged
 * @param sweepLessRead share (0-1) of the swept documents that must lie in the area's less-read half (a reader who
 *     binges on an area's popular papers is not sweeping it)
 * @param walkPages distinct pages (not documents, not assets) one client visited that make it a site walker
 * @param tailDocuments distinct documents a client must take before its long-tail share is judged
 * @param tailShare share (0-1) of a client's documents that lie in the less-read half of their area (ranked by
 *     how many light visitors fetched each), at or above which the client is reported as working down the
 *     catalogue rather than following interest
 * @param sessionGapSeconds seconds of silence after which a client's next request starts a new session
 * @param areaDepth how many leading path segments name a research area ({@code /publications/photonics} is 2)
 * @param documentExtensions file extensions (lower case, no dot) of documents: papers, reports, data
 * @param assetExtensions file extensions of page furniture (style sheets, scripts, images, fonts), ignored
 * @param downloadSegments path segments that serve documents by query ({@code /download?id=12})
 */
public record HarvestParameters(int bulkDocuments, int sweepDocuments, double sweepShare, int sweepMinCatalogue,
        double sweepLessRead, int walkPages, int tailDocuments, double tailShare, long sessionGapSeconds, int areaDepth,
        Set<String> documentExtensions, Set<String> assetExtensions, Set<String> downloadSegments) {

    /** Checks every threshold and copies the sets. */
    public HarvestParameters {
        require(bulkDocuments >= 1, "bulkDocuments must be >= 1, was " + bulkDocuments);
        require(sweepDocuments >= 1, "sweepDocuments must be >= 1, was " + sweepDocuments);
        require(sweepShare > 0 && sweepShare <= 1, "sweepShare must be in (0, 1], was " + sweepShare);
        require(sweepMinCatalogue >= 1, "sweepMinCatalogue must be >= 1, was " + sweepMinCatalogue);
        require(sweepLessRead >= 0 && sweepLessRead <= 1, "sweepLessRead must be in [0, 1], was " + sweepLessRead);
        require(walkPages >= 1, "walkPages must be >= 1, was " + walkPages);
        require(tailDocuments >= 1, "tailDocuments must be >= 1, was " + tailDocuments);
        require(tailShare > 0 && tailShare <= 1, "tailShare must be in (0, 1], was " + tailShare);
        require(sessionGapSeconds >= 1, "sessionGapSeconds must be >= 1, was " + sessionGapSeconds);
        require(areaDepth >= 1, "areaDepth must be >= 1, was " + areaDepth);
        documentExtensions = lower(documentExtensions);
        assetExtensions = lower(assetExtensions);
        downloadSegments = lower(downloadSegments);
    }

    /** The defaults, documented in docs/harvest.md: 100 documents, a 30-document sweep of half an area, 400 pages. */
    public static HarvestParameters defaults() {
        return new HarvestParameters(100, 30, 0.5, 30, 0.25, 400, 40, 0.35, 30 * 60, 2,
                Set.of("pdf", "ps", "doc", "docx", "odt", "ppt", "pptx", "xls", "xlsx", "csv", "zip", "gz", "tgz",
                        "tar", "epub", "djvu", "rtf"),
                Set.of("css", "js", "mjs", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "woff", "woff2",
                        "ttf", "eot", "map"),
                Set.of("download", "downloads", "bitstream", "getfile", "attachment"));
    }

    /** These parameters with other volume thresholds (documents, sweep documents, pages). */
    public HarvestParameters withVolumes(int bulk, int sweep, int pages) {
        return new HarvestParameters(bulk, sweep, sweepShare, sweepMinCatalogue, sweepLessRead, pages, tailDocuments,
                tailShare, sessionGapSeconds, areaDepth, documentExtensions, assetExtensions, downloadSegments);
    }

    private static Set<String> lower(Set<String> values) {
        return Set.copyOf(List.copyOf(values).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
