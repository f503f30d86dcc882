package org.custos.simulator.weblog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The WebLogSimulator writes a research institute's public-site access log (Combined Log Format, as Apache and
 * nginx write it) with ordinary visitors, binge readers, self-announcing crawlers and planted harvesters, fast and
 * slow, and an answer key that lists every harvester, crawler and binge reader with what it took.
 *
 * <p>Writes {@code OUT/weblogs/access.log} and {@code OUT/answers/harvesters.csv}
 * ({@code client,user_agent,kind,documents,first,last}; kinds {@code fast}, {@code slow}, {@code crawler},
 * {@code binge}). See docs/simulator.md, "Public web logs".
 */
public final class WebLogSimulator {

    /** The answer key's header. */
    public static final String ANSWER_HEADER = "client,user_agent,kind,documents,first,last";

    static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"};
    static final String[] CRAWLERS = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "Mozilla/5.0 (compatible; Applebot/0.1; +http://www.apple.com/go/applebot)"};
    static final String[] TOOLS = {"python-requests/2.31.0", "Wget/1.21.3", "curl/8.4.0", "Scrapy/2.11.0"};
    private static final String SITE = "https://www.institute.example";
    private static final String[] SEARCH = {"https://www.google.com/", "https://www.bing.com/",
        "https://scholar.google.com/", "https://duckduckgo.com/"};
    private static final int[] OCTETS = {81, 93, 141, 178, 188, 203, 212};

    private record Hit(long second, long seq, String client, String userAgent, String target, int status,
            long bytes, String referrer) {
    }

    private record Planted(String client, String userAgent, String kind, Set<String> taken, long[] span) {
    }

    private final WebLogConfig config;
    private final SplittableRandom random;
    private final PublicSite site;
    private final long startSecond;
    private final List<List<Hit>> byDay = new ArrayList<>();
    private final List<Planted> planted = new ArrayList<>();
    private long seq;
    private int addresses;

    private WebLogSimulator(WebLogConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 17);
        this.site = new PublicSite(new SplittableRandom(config.seed()));
        this.startSecond = config.start().toEpochDay() * 86400;
        for (int d = 0; d < config.days() + 30; d++) {
            byDay.add(new ArrayList<>());
        }
    }

    /** Simulates and writes the log and its answer key under {@code out}; the same config gives the same bytes. */
    public static WebLogSummary run(WebLogConfig config, Path out) throws IOException {
        WebLogSimulator simulator = new WebLogSimulator(config);
        int bingers = simulator.cast();
        long lines = simulator.write(out);
        return new WebLogSummary(lines, config.visitors(), bingers, config.crawlers(), config.fastHarvesters(),
                config.slowHarvesters());
    }

    private int cast() {
        int bingers = 0;
        for (int i = 0; i < config.visitors(); i++) {
            String address = nextAddress();
            String agent = BROWSERS[random.nextInt(BROWSERS.length)];
            if (random.nextInt(100) == 0) {
                bingers++;
                binge(address, agent);
            } else {
                visit(address, agent);
            }
        }
        for (int i = 0; i < config.crawlers(); i++) {
            crawl("66.249." + (64 + i) + "." + (10 + random.nextInt(200)), CRAWLERS[i % CRAWLERS.length]);
        }
        for (int i = 0; i < config.fastHarvesters(); i++) {
            String agent = random.nextInt(3) == 0 ? BROWSERS[random.nextInt(BROWSERS.length)]
                    : TOOLS[random.nextInt(TOOLS.length)];
            harvestFast(nextAddress(), agent);
        }
        for (int i = 0; i < config.slowHarvesters(); i++) {
            harvestSlow(nextAddress(), BROWSERS[random.nextInt(BROWSERS.length)], i);
        }
        return bingers;
    }

    /* Unique public-looking addresses: a first octet from a small table, the rest a bijection of the index. */
    private String nextAddress() {
        int i = addresses++;
        int first = OCTETS[i % OCTETS.length];
        int x = (int) (((long) (i / OCTETS.length) * 40503L) & 0xFFFFFF);
        return first + "." + (x >>> 16) + "." + ((x >>> 8) & 255) + "." + (x & 255);
    }

    private long sessionStart(int day) {
        int hour;
        double u = random.nextDouble();
        if (u < 0.7) {
            hour = 8 + random.nextInt(10);
        } else if (u < 0.93) {
            hour = 18 + random.nextInt(5);
        } else {
            hour = random.nextInt(8);
        }
        return startSecond + day * 86400L + hour * 3600L + random.nextInt(3600);
    }

    private void hit(long second, String client, String agent, String target, int status, long bytes,
            String referrer, Set<String> taken) {
        int day = (int) Math.floorDiv(second - startSecond, 86400);
        if (day >= config.days()) {
            return;
        }
        byDay.get(day).add(new Hit(second, seq++, client, agent, target, status, bytes, referrer));
        if (taken != null && target.endsWith(".pdf") && status == 200) {
            taken.add(target);
        }
    }

    private static long size(String target) {
        if (target.endsWith(".pdf")) {
            return 180_000 + Math.floorMod(target.hashCode(), 4_800_000);
        }
        return 9_000 + Math.floorMod(target.hashCode(), 30_000);
    }

    private void page(long t, String client, String agent, String target, String referrer, boolean assets,
            boolean revisit) {
        hit(t, client, agent, target, 200, size(target), referrer, null);
        if (assets) {
            for (String asset : PublicSite.ASSETS) {
                hit(t + random.nextInt(2), client, agent, asset, revisit ? 304 : 200, revisit ? 0 : 4_000,
                        SITE + target, null);
            }
        }
    }

    private void visit(String client, String agent) {
        int sessions = random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1;
        for (int s = 0; s < sessions; s++) {
            long t = sessionStart(random.nextInt(config.days()));
            PublicSite.Area area = site.area(random);
            String current = "/";
            double entry = random.nextDouble();
            if (entry < 0.35) {
                current = area.popular(random);
                hit(t, client, agent, current, 200, size(current), SEARCH[random.nextInt(SEARCH.length)], null);
                if (random.nextInt(10) < 4) {
                    continue;
                }
                t += 30 + random.nextInt(600);
                page(t, client, agent, area.page(), SITE + current, true, s > 0);
            } else if (entry < 0.65) {
                page(t, client, agent, "/", random.nextBoolean() ? "" : SEARCH[0], true, s > 0);
            } else {
                page(t, client, agent, area.page(), SEARCH[random.nextInt(SEARCH.length)], true, s > 0);
            }
            current = area.page();
            int steps = geometric(3.0, 30);
            for (int k = 0; k < steps; k++) {
                t += 5 + (long) (random.nextDouble() * random.nextDouble() * 240);
                double u = random.nextDouble();
                String next;
                if (u < 0.25) {
                    next = area.popular(random);
                } else if (u < 0.5) {
                    next = area.listing(random.nextInt(Math.min(3, area.listingPages())));
                } else if (u < 0.6) {
                    area = site.area(random);
                    next = area.page();
                } else if (u < 0.98) {
                    next = site.page(random);
                } else {
                    hit(t, client, agent, "/publications/" + area.name() + "/missing-" + random.nextInt(50) + ".pdf",
                            404, 1_200, SITE + current, null);
                    continue;
                }
                hit(t, client, agent, next, 200, size(next), SITE + current, null);
                if (!next.endsWith(".pdf")) {
                    current = next;
                }
            }
        }
    }

    private void binge(String client, String agent) {
        Set<String> taken = new LinkedHashSet<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        int sessions = 1 + random.nextInt(3);
        int day = random.nextInt(config.days());
        List<PublicSite.Area> interests = new ArrayList<>(List.of(site.area(random)));
        if (random.nextBoolean()) {
            interests.add(site.area(random));
        }
        for (int s = 0; s < sessions && day + s < config.days(); s++) {
            long t = sessionStart(day + s);
            span[0] = Math.min(span[0], t);
            page(t, client, agent, "/", SEARCH[random.nextInt(SEARCH.length)], true, s > 0);
            int docs = 8 + random.nextInt(23);
            for (int k = 0; k < docs; k++) {
                PublicSite.Area area = interests.get(random.nextInt(interests.size()));
                t += 20 + random.nextInt(220);
                String listing = area.listing(random.nextInt(Math.min(4, area.listingPages())));
                if (random.nextInt(3) == 0) {
                    hit(t, client, agent, listing, 200, size(listing), SITE + area.page(), null);
                    t += 5 + random.nextInt(40);
                }
                hit(t, client, agent, area.popular(random), 200, 0, SITE + listing, taken);
            }
            span[1] = Math.max(span[1], t);
        }
        planted.add(new Planted(client, agent, "binge", taken, span));
    }

    private void crawl(String client, String agent) {
        Set<String> taken = new LinkedHashSet<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        List<String> everything = new ArrayList<>();
        for (PublicSite.Area area : site.areas) {
            everything.add(area.page());
            for (int p = 0; p < area.listingPages(); p++) {
                everything.add(area.listing(p));
            }
            everything.addAll(area.documents());
        }
        everything.addAll(site.people);
        everything.addAll(site.news);
        for (int day = 0; day < config.days(); day++) {
            long t = startSecond + day * 86400L + random.nextInt(6 * 3600);
            span[0] = Math.min(span[0], t);
            hit(t, client, agent, "/robots.txt", 200, 120, "", null);
            for (String target : everything) {
                if (random.nextInt(100) < 15) {
                    t += 3 + random.nextInt(13);
                    hit(t, client, agent, target, 200, size(target), "", taken);
                }
            }
            span[1] = Math.max(span[1], t);
        }
        planted.add(new Planted(client, agent, "crawler", taken, span));
    }

    private void harvestFast(String client, String agent) {
        Set<String> taken = new LinkedHashSet<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        List<PublicSite.Area> targets = pickAreas(1 + random.nextInt(4));
        double fraction = random.nextBoolean() ? 1.0 : 0.6 + 0.4 * random.nextDouble();
        int sessions = random.nextInt(3) == 0 ? 2 : 1;
        int day = random.nextInt(config.days());
        long t = sessionStart(day);
        span[0] = t;
        int perSession = targets.size() / sessions + 1;
        for (int a = 0; a < targets.size(); a++) {
            if (a > 0 && a % perSession == 0) {
                day = Math.min(config.days() - 1, day + 1);
                t = Math.max(t + 3600, sessionStart(day));
            }
            PublicSite.Area area = targets.get(a);
            for (int p = 0; p < area.listingPages(); p++) {
                t += random.nextInt(2);
                hit(t, client, agent, area.listing(p), 200, size(area.listing(p)), "", null);
                for (int k = p * PublicSite.PER_LISTING_PAGE;
                        k < Math.min(area.documents().size(), (p + 1) * PublicSite.PER_LISTING_PAGE); k++) {
                    if (random.nextDouble() < fraction) {
                        t += random.nextInt(100) < 70 ? 0 : 1;
                        hit(t, client, agent, area.documents().get(k), 200, 0, SITE + area.listing(p), taken);
                    }
                }
            }
        }
        span[1] = t;
        planted.add(new Planted(client, agent, "fast", taken, span));
    }

    /*
     * Slow harvesters look like readers: a browser's user agent, the listing page before its documents, a request
     * every 30 s to 5 min during working hours, day after day. Three habits: a whole area; part of two or three
     * areas; or a run of 45-90 documents down one area's listing.
     */
    private void harvestSlow(String client, String agent, int index) {
        Set<String> taken = new LinkedHashSet<>();
        List<String> plan = new ArrayList<>();
        int habit = index % 3;
        if (habit == 0) {
            PublicSite.Area area = pickAreas(1).get(0);
            planArea(plan, area, 0, area.documents().size(), 1.0);
        } else if (habit == 1) {
            for (PublicSite.Area area : pickAreas(2 + random.nextInt(2))) {
                planArea(plan, area, 0, area.documents().size(), 0.3 + 0.3 * random.nextDouble());
            }
        } else {
            PublicSite.Area area = pickAreas(1).get(0);
            int count = Math.min(area.documents().size(), 45 + random.nextInt(46));
            int from = random.nextInt(area.documents().size() - count + 1);
            planArea(plan, area, from, from + count, 1.0);
        }
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        int day = random.nextInt(Math.max(1, config.days() / 2));
        int next = 0;
        boolean robots = random.nextBoolean();
        while (next < plan.size() && day < config.days()) {
            long t = startSecond + day * 86400L + (8 + random.nextInt(3)) * 3600L + random.nextInt(3600);
            long end = t + (2 + random.nextInt(5)) * 3600L;
            span[0] = Math.min(span[0], t);
            if (robots) {
                hit(t, client, agent, "/robots.txt", 200, 120, "", null);
            }
            String referrer = "";
            while (next < plan.size() && t < end) {
                String target = plan.get(next++);
                hit(t, client, agent, target, 200, size(target), referrer, taken);
                if (!target.endsWith(".pdf")) {
                    referrer = SITE + target;
                }
                t += 30 + (long) (270 * random.nextDouble());
            }
            span[1] = Math.max(span[1], t);
            day++;
        }
        planted.add(new Planted(client, agent, "slow", taken, span));
    }

    private void planArea(List<String> plan, PublicSite.Area area, int from, int to, double fraction) {
        int lastListing = -1;
        for (int k = from; k < to; k++) {
            int listing = k / PublicSite.PER_LISTING_PAGE;
            if (listing != lastListing) {
                plan.add(area.listing(listing));
                lastListing = listing;
            }
            if (random.nextDouble() < fraction) {
                plan.add(area.documents().get(k));
            }
        }
    }

    private List<PublicSite.Area> pickAreas(int n) {
        List<PublicSite.Area> all = new ArrayList<>(site.areas);
        List<PublicSite.Area> picked = new ArrayList<>();
        for (int i = 0; i < n && !all.isEmpty(); i++) {
            picked.add(all.remove(random.nextInt(all.size())));
        }
        return picked;
    }

    private int geometric(double mean, int cap) {
        double p = 1 / (mean + 1);
        int n = 0;
        while (n < cap && random.nextDouble() > p) {
            n++;
        }
        return n;
    }

    private long write(Path out) throws IOException {
        Path logs = out.resolve("weblogs");
        Path answers = out.resolve("answers");
        Files.createDirectories(logs);
        Files.createDirectories(answers);
        long lines = 0;
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MMM/yyyy:", Locale.ROOT);
        Comparator<Hit> order = Comparator.comparingLong(Hit::second).thenComparingLong(Hit::seq);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(logs.resolve("access.log"),
                StandardCharsets.UTF_8), 1 << 20)) {
            for (int d = 0; d < config.days(); d++) {
                List<Hit> hits = byDay.get(d);
                hits.sort(order);
                String date = LocalDate.ofEpochDay(config.start().toEpochDay() + d).format(day);
                StringBuilder line = new StringBuilder(256);
                for (Hit h : hits) {
                    long inDay = h.second() - startSecond - d * 86400L;
                    line.setLength(0);
                    line.append(h.client()).append(" - - [").append(date);
                    two(line, (int) (inDay / 3600)).append(':');
                    two(line, (int) (inDay / 60 % 60)).append(':');
                    two(line, (int) (inDay % 60)).append(" +0000] \"GET ").append(h.target())
                            .append(" HTTP/1.1\" ").append(h.status()).append(' ')
                            .append(h.bytes() == 0 && h.status() == 200 ? size(h.target()) : h.bytes())
                            .append(" \"").append(h.referrer().isEmpty() ? "-" : h.referrer()).append("\" \"")
                            .append(h.userAgent()).append("\"\n");
                    w.append(line);
                    lines++;
                }
                byDay.set(d, List.of());
            }
        }
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        try (Writer w = Files.newBufferedWriter(answers.resolve("harvesters.csv"), StandardCharsets.UTF_8)) {
            w.write(ANSWER_HEADER + "\n");
            for (Planted p : planted) {
                w.write(p.client() + ",\"" + p.userAgent().replace("\"", "\"\"") + "\"," + p.kind() + ","
                        + p.taken().size() + "," + iso.format(Instant.ofEpochSecond(p.span()[0]).atOffset(
                                ZoneOffset.UTC)) + "," + iso.format(Instant.ofEpochSecond(p.span()[1])
                                        .atOffset(ZoneOffset.UTC)) + "\n");
            }
        }
        return lines;
    }

    private static StringBuilder two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        return b.append(v);
    }
}
