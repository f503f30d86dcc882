package org.custos.simulator;

import java.util.Locale;

/**
 * WebActivity writes a person's web requests ({@code http.csv}): browsing sessions on their favourite sites, the
 * occasional download or upload, and the rarer visits some innocent people make to job boards, Dropbox and news
 * about leaks. The same methods write the scenarios' visits, downloads and uploads.
 */
final class WebActivity {

    static final String VISIT = "WWW Visit";
    static final String DOWNLOAD = "WWW Download";
    static final String UPLOAD = "WWW Upload";

    private static final String[] PAGE_ENDINGS = {".html", ".html", ".html", ".htm", ".php", ".aspx", ".jsp"};
    private static final String[] DOWNLOAD_ENDINGS = {".pdf", ".pdf", ".zip", ".exe", ".doc"};
    private static final double AVERAGE_DAY = 8.8 * Timestamps.HOUR;

    private final Dice dice;

    WebActivity(Dice dice) {
        this.dice = dice;
    }

    void emit(Recorder rec, Shift shift) {
        Person person = shift.person();
        Habits habits = person.habits();
        String pc = person.pc();
        int requests = dice.poisson(habits.httpRate() * Math.min(1.3, shift.length() / AVERAGE_DAY));
        while (requests > 0) {
            WebCatalog.Site site = dice.pickFavourite(person.favouriteSites());
            int pages = Math.min(requests, dice.between(1, 5));
            long t = shift.anyTime(dice);
            for (int i = 0; i < pages; i++) {
                double roll = dice.unit();
                if (roll < 0.02) {
                    download(rec, person, pc, t, site, dice.alnum(6).toLowerCase(Locale.ROOT)
                            + dice.pick(DOWNLOAD_ENDINGS));
                } else if (roll < 0.03 && (site.host().contains("facebook") || site.host().contains("flickr"))) {
                    page(rec, person, pc, t, site, UPLOAD);
                } else {
                    page(rec, person, pc, t, site, VISIT);
                }
                t += dice.between(5, 240);
            }
            requests -= pages;
        }
        if (dice.chance(habits.jobSiteProb())) {
            WebCatalog.Site board = dice.pick(WebCatalog.JOB_BOARDS);
            long t = shift.anyTime(dice);
            int pages = dice.between(1, 3);
            for (int i = 0; i < pages; i++) {
                page(rec, person, pc, t + i * (long) dice.between(20, 200), board, VISIT);
            }
        }
        if (dice.chance(habits.dropboxProb())) {
            page(rec, person, pc, shift.anyTime(dice), WebCatalog.DROPBOX, VISIT);
        }
        if (dice.chance(habits.dropboxUploadProb()) && !person.documents().isEmpty()) {
            upload(rec, person, pc, shift.anyTime(dice), WebCatalog.DROPBOX, dice.pick(person.documents()));
        }
        if (dice.chance(habits.leakNewsProb())) {
            long t = shift.anyTime(dice);
            page(rec, person, pc, t, dice.pick(WebCatalog.LEAK_NEWS), VISIT);
            if (dice.chance(0.15)) {
                page(rec, person, pc, t + dice.between(30, 300), WebCatalog.WIKILEAKS, VISIT);
            }
        }
    }

    /** A page of {@code site} visited (or uploaded to) at {@code second}. */
    void page(Recorder rec, Person person, String pc, long second, WebCatalog.Site site, String activity) {
        StringBuilder url = new StringBuilder(96).append("http://").append(site.host()).append('/')
                .append(dice.pick(site.sections())).append('/').append(dice.pick(site.words()));
        if (dice.chance(0.5)) {
            url.append('/').append(dice.pick(site.words()));
        }
        url.append(dice.pick(PAGE_ENDINGS));
        rec.http(second, person, pc, url.toString(), activity, content(site.words()));
    }

    /** A file {@code fileName} downloaded from {@code site}. */
    void download(Recorder rec, Person person, String pc, long second, WebCatalog.Site site, String fileName) {
        String url = "http://" + site.host() + "/" + dice.pick(site.sections()) + "/" + fileName;
        rec.http(second, person, pc, url, DOWNLOAD, content(site.words()));
    }

    /** A document uploaded to {@code site}; the content is the document's words. */
    void upload(Recorder rec, Person person, String pc, long second, WebCatalog.Site site, Document document) {
        String url = "http://" + site.host() + "/" + dice.pick(site.sections()) + "/"
                + document.fileName().replace(' ', '_');
        String words = document.content();
        int firstSpace = words.indexOf(' ');
        if (!Lexicon.magic(document.extension()).isEmpty() && firstSpace > 0) {
            words = words.substring(firstSpace + 1);
        }
        rec.http(second, person, pc, url, UPLOAD, words + " " + content(site.words(), 4, 10));
    }

    private String content(String[] words) {
        return content(words, 10, 40);
    }

    private String content(String[] words, int min, int max) {
        return Lexicon.words(dice, words, dice.between(min, max));
    }
}
