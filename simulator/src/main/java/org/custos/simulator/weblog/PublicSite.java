package org.custos.simulator.weblog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The PublicSite is a research institute's public web site: research areas, each with a listing of papers and
 * reports (PDF) in the order the site lists them, people and news pages, and the page furniture every page loads.
 */
final class PublicSite {

    static final String[] AREAS = {"photonics", "materials", "quantum", "propulsion", "cryptography", "climate",
        "robotics", "genomics", "acoustics", "control", "radar", "batteries", "hydrology", "optics"};
    static final String[] ASSETS = {"/static/site.css", "/static/app.js", "/static/logo.png", "/favicon.ico"};
    static final int PER_LISTING_PAGE = 20;

    /** One research area: its documents in listing order and a popularity order for readers. */
    record Area(String name, List<String> documents, int[] byPopularity, double[] cumulative) {

        String page() {
            return "/research/" + name;
        }

        String listing(int page) {
            return "/publications/" + name + (page == 0 ? "" : "?page=" + page);
        }

        int listingPages() {
            return (documents.size() + PER_LISTING_PAGE - 1) / PER_LISTING_PAGE;
        }

        /** A document a reader who follows interest picks: popular ones far more often (Zipf, s = 1). */
        String popular(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return documents.get(byPopularity[lo]);
        }
    }

    final List<Area> areas = new ArrayList<>();
    final double[] areaCumulative;
    final List<String> people = new ArrayList<>();
    final List<String> news = new ArrayList<>();

    PublicSite(SplittableRandom random) {
        for (String name : AREAS) {
            int size = 60 + random.nextInt(341);
            List<String> docs = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int year = 2009 - i * 10 / size;
                String kind = random.nextInt(5) == 0 ? "reports" : "papers";
                docs.add("/publications/" + name + "/" + year + "/" + kind + "-" + name.substring(0, 3) + "-"
                        + (1000 + i) + ".pdf");
            }
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double[] cumulative = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1.0 / (r + 1);
                cumulative[r] = sum;
            }
            areas.add(new Area(name, docs, order, cumulative));
        }
        areaCumulative = new double[areas.size()];
        double sum = 0;
        for (int i = 0; i < areas.size(); i++) {
            sum += 1.0 / StrictMath.pow(i + 1, 0.7);
            areaCumulative[i] = sum;
        }
        for (int i = 0; i < 300; i++) {
            people.add("/people/staff-" + (100 + i));
        }
        for (int i = 0; i < 120; i++) {
            news.add("/news/2009/item-" + (1 + i));
        }
    }

    /** An area picked by popularity. */
    Area area(SplittableRandom random) {
        double u = random.nextDouble() * areaCumulative[areaCumulative.length - 1];
        for (int i = 0; i < areaCumulative.length; i++) {
            if (u <= areaCumulative[i]) {
                return areas.get(i);
            }
        }
        return areas.get(areas.size() - 1);
    }

    /** A general page: home, about, a person, a news item, a research area. */
    String page(SplittableRandom random) {
        int k = random.nextInt(10);
        return switch (k) {
            case 0, 1 -> "/";
            case 2 -> "/about";
            case 3, 4 -> people.get(random.nextInt(people.size()));
            case 5, 6 -> news.get(random.nextInt(news.size()));
            default -> area(random).page();
        };
    }
}
