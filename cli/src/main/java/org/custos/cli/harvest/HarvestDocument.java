package org.custos.cli.harvest;

import java.time.Instant;
import java.util.List;
import org.custos.core.harvest.AreaShare;
import org.custos.core.harvest.Harvester;
import org.custos.ingest.weblog.AccessLogReader;

/**
 * A HarvestDocument is the {@code harvest.json} that {@code custos harvest} writes (docs/harvest.md): what was read,
 * every harvester with the list of what it took, and the busy self-declared crawlers.
 *
 * @param input what was read
 * @param harvesters the harvesters, most documents first
 * @param crawlers self-declared crawlers that crossed a threshold
 */
public record HarvestDocument(Input input, List<Client> harvesters, List<Client> crawlers) {

    /**
     * What was read.
     *
     * @param files per log file: its format and counts
     * @param requests requests read
     * @param clients distinct clients (address and user agent)
     * @param documentsKnown distinct documents served to anyone
     * @param rejected lines sent to the dead letters
     * @param deadLetters the dead-letter file, when lines were rejected
     * @param notices one line per file skipped
     */
    public record Input(List<AccessLogReader.Stats> files, long requests, long clients, int documentsKnown,
            long rejected, String deadLetters, List<String> notices) {
    }

    /**
     * One client that harvested (or crawled).
     *
     * @param client its address
     * @param userAgent its declared user agent
     * @param first its first request, ISO-8601
     * @param last its last request, ISO-8601
     * @param requests all its requests
     * @param sessions its visits (split at 30 minutes of silence)
     * @param pages distinct pages served to it
     * @param peakPerMinute the most requests in one clock minute
     * @param bytes bytes served to it
     * @param documentCount distinct documents served to it
     * @param reasons the thresholds it crossed, one sentence each
     * @param areas the research areas it took from
     * @param documents every document it took, in the order first taken
     */
    public record Client(String client, String userAgent, String first, String last, long requests, int sessions,
            int pages, int peakPerMinute, long bytes, int documentCount, List<String> reasons, List<Area> areas,
            List<String> documents) {

        static Client of(Harvester h) {
            return new Client(h.client(), h.userAgent(), Instant.ofEpochSecond(h.firstSecond()).toString(),
                    Instant.ofEpochSecond(h.lastSecond()).toString(), h.requests(), h.sessions(), h.pages(),
                    h.peakPerMinute(), h.bytes(), h.documents().size(), h.reasons(),
                    h.areas().stream().map(Area::of).toList(), h.documents());
        }
    }

    /**
     * How much of one research area a client took.
     *
     * @param area the area's leading path
     * @param taken documents of it taken
     * @param known documents of it anyone fetched
     * @param share taken / known, rounded to 3 places
     */
    public record Area(String area, int taken, int known, double share) {

        static Area of(AreaShare a) {
            return new Area(a.area(), a.taken(), a.known(), Math.round(a.share() * 1000) / 1000.0);
        }
    }
}
