package org.custos.core.harvest;

import java.util.List;

/**
 * A HarvestReport is what a harvest analysis found in a set of public web access logs.
 *
 * @param requests the requests analysed
 * @param clients the distinct clients (address and user agent)
 * @param documentsKnown the distinct documents any client was served
 * @param harvesters the clients that harvested, most documents first
 * @param crawlers the self-declared crawlers that crossed a threshold, most documents first; not harvesters
 */
public record HarvestReport(long requests, long clients, int documentsKnown, List<Harvester> harvesters,
        List<Harvester> crawlers) {

    /** Copies the lists. */
    public HarvestReport {
        harvesters = List.copyOf(harvesters);
        crawlers = List.copyOf(crawlers);
    }
}
