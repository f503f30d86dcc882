package org.custos.core.harvest;

import java.util.List;
import java.util.Objects;

/**
 * A Harvester is one client of the public web site whose requests went far beyond human browsing, with the reasons
 * and the full list of what it took, so that assessment can be run on the same set.
 *
 * @param client the client's address
 * @param userAgent the user agent it declared
 * @param firstSecond its first request, epoch seconds
 * @param lastSecond its last request, epoch seconds
 * @param requests every request it made, assets and errors included
 * @param sessions its visits, split at silences longer than the session gap
 * @param pages the distinct pages it was served
 * @param peakPerMinute the most requests it made in one clock minute
 * @param bytes the bytes it was served
 * @param documents every distinct document it was served, in the order it first took them
 * @param areas the research areas it took documents from, most taken first
 * @param tailDocuments how many of its documents are in the less-read half of their area
 * @param reasons one sentence per threshold it crossed
 * @param announced true when it declared itself a crawler (reported apart from harvesters)
 */
public record Harvester(String client, String userAgent, long firstSecond, long lastSecond, long requests,
        int sessions, int pages, int peakPerMinute, long bytes, List<String> documents, List<AreaShare> areas,
        int tailDocuments, List<String> reasons, boolean announced) {

    /** Checks the fields and copies the lists. */
    public Harvester {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(userAgent, "userAgent");
        documents = List.copyOf(documents);
        areas = List.copyOf(areas);
        reasons = List.copyOf(reasons);
    }
}
