package org.custos.core.harvest;

import java.util.regex.Pattern;

/** A ClientActivity is what one client (address and user agent) did on the public site, kept while reading. */
final class ClientActivity {

    private static final Pattern ANNOUNCED = Pattern.compile(
            "(?i).*(bot|crawler|spider|slurp|archiver|crawl|fetcher|facebookexternalhit|ia_archiver).*");

    final String address;
    final String userAgent;
    final IdSet documents = new IdSet();
    final IdSet pages = new IdSet();
    long first = Long.MIN_VALUE;
    long last;
    long requests;
    long bytes;
    int sessions;
    boolean fetchedRobots;
    private long minute = Long.MIN_VALUE;
    private int inMinute;
    int peakPerMinute;

    ClientActivity(String address, String userAgent) {
        this.address = address;
        this.userAgent = userAgent;
    }

    void record(long second, Resource resource, boolean delivered, long size, long sessionGap) {
        if (first == Long.MIN_VALUE) {
            first = second;
            sessions = 1;
        } else if (second - last > sessionGap) {
            sessions++;
        }
        if (second > last || requests == 0) {
            last = second;
        }
        requests++;
        long m = Math.floorDiv(second, 60);
        if (m == minute) {
            inMinute++;
        } else {
            minute = m;
            inMinute = 1;
        }
        peakPerMinute = Math.max(peakPerMinute, inMinute);
        if (!delivered) {
            return;
        }
        bytes += size;
        switch (resource.kind()) {
            case DOCUMENT -> documents.add(resource.id());
            case PAGE -> pages.add(resource.id());
            case ROBOTS -> fetchedRobots = true;
            case ASSET -> { }
        }
    }

    /** True when the client says what it is: a robot's user agent, or one that read robots.txt and names a bot. */
    boolean announced() {
        return ANNOUNCED.matcher(userAgent).matches() || (fetchedRobots && userAgent.contains("+http"));
    }
}
