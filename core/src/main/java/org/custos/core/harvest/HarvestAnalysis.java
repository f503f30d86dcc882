package org.custos.core.harvest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A HarvestAnalysis finds harvesters among the clients of a public web site: it takes the site's access-log
 * requests one by one and, at the end, reports every client (address and user agent) that took documents or walked
 * pages far beyond human browsing, with the list of what it took.
 *
 * <p>A client is a harvester when it crosses any of four thresholds ({@link HarvestParameters}): bulk documents, a
 * sweep of one research area, a walk of many distinct pages, or taking documents regardless of how popular they are
 * (working down a listing). Clients that declare themselves crawlers are reported apart. Unlike the per-person
 * detectors, this runs over the whole log at once: web clients are not people of the organization (see ADR 0003).
 * Not thread-safe; the caller feeds requests from one thread.
 */
public final class HarvestAnalysis {

    /*
     * Every request costs two hash look-ups (the target in the catalogue, the client) and an int-set add, so the
     * analysis keeps pace with log parsing. Popularity (how many clients fetched each document) is only known at
     * the end, so the catalogue-order test and area shares are computed in finish(). Consecutive requests of one
     * client (a page and its assets) skip the client look-up when the reader hands over the very same strings.
     */

    private final HarvestParameters parameters;
    private final Catalogue catalogue;
    private final Map<ClientKey, ClientActivity> clients = new HashMap<>();
    private long requests;
    private String lastClient;
    private String lastUserAgent;
    private ClientActivity lastActivity;

    /** An analysis with the given thresholds. */
    public HarvestAnalysis(HarvestParameters parameters) {
        this.parameters = parameters;
        this.catalogue = new Catalogue(parameters);
    }

    /** Takes one request. */
    public void accept(WebRequest request) {
        accept(request.epochSecond(), request.client(), request.userAgent(), request.target(), request.status(),
                request.bytes());
    }

    /**
     * Takes one request given by its fields, without a {@link WebRequest} (what a fast log reader calls).
     *
     * @param epochSecond when, in seconds since the epoch
     * @param client the client's address
     * @param userAgent its declared user agent, empty when none
     * @param target the requested path and query
     * @param status the HTTP status
     * @param bytes the size of the answer
     */
    public void accept(long epochSecond, String client, String userAgent, String target, int status, long bytes) {
        requests++;
        ClientActivity activity;
        if (client == lastClient && userAgent == lastUserAgent) {
            activity = lastActivity;
        } else {
            ClientKey key = new ClientKey(client, userAgent);
            activity = clients.get(key);
            if (activity == null) {
                activity = new ClientActivity(client, userAgent);
                clients.put(key, activity);
            }
            lastClient = client;
            lastUserAgent = userAgent;
            lastActivity = activity;
        }
        boolean delivered = (status >= 200 && status < 300) || status == 304;
        activity.record(epochSecond, catalogue.resolve(target), delivered, bytes, parameters.sessionGapSeconds());
    }

    /* A client is its address and user agent; readers hand over repeated values as the same strings. */
    private record ClientKey(String client, String userAgent) {
        @Override
        public int hashCode() {
            return client.hashCode() * 31 + userAgent.hashCode();
        }
    }

    /** The number of requests taken so far. */
    public long requests() {
        return requests;
    }

    /** Ends the analysis and reports the harvesters and the busy self-declared crawlers. */
    public HarvestReport finish() {
        int[] popularity = new int[catalogue.size()];
        int[] known = new int[catalogue.areaCount()];
        boolean[] counted = new boolean[catalogue.size()];
        int documentsKnown = 0;
        for (ClientActivity c : clients.values()) {
            boolean light = !c.announced() && c.documents.size() < parameters.tailDocuments();
            for (int i = 0; i < c.documents.size(); i++) {
                int doc = c.documents.get(i);
                if (light) {
                    popularity[doc]++;
                }
                if (!counted[doc]) {
                    counted[doc] = true;
                    documentsKnown++;
                    known[catalogue.resource(doc).area()]++;
                }
            }
        }
        boolean[] lessRead = lessReadHalf(counted, popularity);
        List<Harvester> harvesters = new ArrayList<>();
        List<Harvester> crawlers = new ArrayList<>();
        int smallest = Math.min(Math.min(parameters.bulkDocuments(), parameters.sweepDocuments()),
                parameters.tailDocuments());
        for (ClientActivity c : clients.values()) {
            if (c.documents.size() < smallest && c.pages.size() < parameters.walkPages()) {
                continue;
            }
            Harvester judged = judge(c, lessRead, known);
            if (judged != null) {
                (judged.announced() ? crawlers : harvesters).add(judged);
            }
        }
        Comparator<Harvester> order = Comparator.comparingInt((Harvester h) -> h.documents().size()).reversed()
                .thenComparing(Comparator.comparingInt(Harvester::pages).reversed())
                .thenComparing(Harvester::client).thenComparing(Harvester::userAgent);
        harvesters.sort(order);
        crawlers.sort(order);
        return new HarvestReport(requests, clients.size(), documentsKnown, harvesters, crawlers);
    }

    /*
     * Within each area, documents are ranked by how many light visitors fetched them; equal counts share their mean
     * rank. A document is in the less-read half when its rank is in the lower half of its area. People follow what
     * is popular (a Zipf-like pull), so few of their picks fall there; a client working down a listing takes them
     * at about the rate they exist.
     */
    private boolean[] lessReadHalf(boolean[] counted, int[] popularity) {
        List<List<Integer>> byArea = new ArrayList<>();
        for (int a = 0; a < catalogue.areaCount(); a++) {
            byArea.add(new ArrayList<>());
        }
        for (int doc = 0; doc < counted.length; doc++) {
            if (counted[doc]) {
                byArea.get(catalogue.resource(doc).area()).add(doc);
            }
        }
        boolean[] lessRead = new boolean[counted.length];
        for (List<Integer> docs : byArea) {
            docs.sort((x, y) -> Integer.compare(popularity[y], popularity[x]));
            int n = docs.size();
            int i = 0;
            while (i < n) {
                int j = i;
                while (j + 1 < n && popularity[docs.get(j + 1)] == popularity[docs.get(i)]) {
                    j++;
                }
                double meanRank = (i + j) / 2.0;
                boolean lower = n > 1 && meanRank / (n - 1) >= 0.5;
                for (int k = i; k <= j; k++) {
                    lessRead[docs.get(k)] = lower;
                }
                i = j + 1;
            }
        }
        return lessRead;
    }

    private Harvester judge(ClientActivity c, boolean[] lessRead, int[] known) {
        boolean announced = c.announced();
        int docs = c.documents.size();
        int[] taken = new int[catalogue.areaCount()];
        int[] lessTaken = new int[catalogue.areaCount()];
        int tail = 0;
        List<String> names = new ArrayList<>(docs);
        for (int i = 0; i < docs; i++) {
            Resource doc = catalogue.resource(c.documents.get(i));
            names.add(doc.name());
            taken[doc.area()]++;
            if (lessRead[doc.id()]) {
                tail++;
                lessTaken[doc.area()]++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < taken.length; a++) {
            if (taken[a] > 0) {
                order.add(a);
            }
        }
        order.sort(Comparator.comparingInt((Integer a) -> taken[a]).reversed().thenComparing(catalogue::area));
        List<AreaShare> areas = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (docs >= parameters.bulkDocuments()) {
            reasons.add("bulk: took " + docs + " distinct documents (threshold " + parameters.bulkDocuments() + ")");
        }
        for (int a : order) {
            AreaShare area = new AreaShare(catalogue.area(a), taken[a], known[a]);
            areas.add(area);
            if (area.taken() >= parameters.sweepDocuments() && area.known() >= parameters.sweepMinCatalogue()
                    && area.share() >= parameters.sweepShare()
                    && lessTaken[a] >= parameters.sweepLessRead() * taken[a]) {
                reasons.add(String.format(Locale.ROOT, "area sweep: took %d of the %d known documents of %s (%.0f %%),"
                        + " %d of them from its less-read half", area.taken(), area.known(), area.area(),
                        100 * area.share(), lessTaken[a]));
            }
        }
        if (c.pages.size() >= parameters.walkPages()) {
            reasons.add("site walk: visited " + c.pages.size() + " distinct pages (threshold "
                    + parameters.walkPages() + ")");
        }
        if (docs >= parameters.tailDocuments() && tail >= parameters.tailShare() * docs) {
            reasons.add(String.format(Locale.ROOT, "catalogue order: %d of its %d documents are in the less-read half"
                    + " of their area (%.0f %%; readers who follow interest take few of those)", tail, docs,
                    100.0 * tail / docs));
        }
        if (reasons.isEmpty()) {
            return null;
        }
        return new Harvester(c.address, c.userAgent, c.first, c.last, c.requests, c.sessions, c.pages.size(),
                c.peakPerMinute, c.bytes, names, areas, tail, reasons, announced);
    }
}
