package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.event.Urls;

/**
 * A Vocabulary names the web sites and words detectors recognize: job sites, file-sharing and leak sites,
 * personal mail providers, and the words of job searching and of keyloggers.
 *
 * <p>Sites match by domain and sub-domain; job words match whole words and keylogger stems match at the start of a
 * word ("keylog" finds "keylogger", "spector" does not find "inspector"), ignoring case. One scan finds both kinds
 * in a text, and the detectors that read the same page or mail one after the other share it.
 */
public final class Vocabulary {

    private static final int SCAN_CHARS = 8192;

    private final Set<String> jobSites;
    private final Set<String> fileSharing;
    private final Set<String> leakSites;
    private final Set<String> personalMail;
    private final Set<String> jobWords;
    private final List<String> keyloggerWords;
    private final SiteList jobSiteList;
    private final SiteList fileSharingList;
    private final SiteList leakSiteList;
    private final PhraseMatcher matcher;
    private Scan last; // not volatile: a Scan is immutable, so a racing reader at worst scans again

    /** The phrases found in one text: a one-entry cache, since two detectors read the same page. */
    private record Scan(String text, long found) {
    }

    /**
     * Creates a vocabulary.
     *
     * @param jobSites domains of job boards and recruiters (an entry may carry a path: {@code linkedin.com/jobs})
     * @param fileSharing domains of cloud storage and file-transfer services
     * @param leakSites domains of leak and whistle-blowing publication sites
     * @param personalMail domains of personal (consumer) mail providers
     * @param jobWords words that mark job searching in page or mail content
     * @param keyloggerWords word stems that mark keystroke-logging tools
     */
    public Vocabulary(Set<String> jobSites, Set<String> fileSharing, Set<String> leakSites, Set<String> personalMail,
            Set<String> jobWords, List<String> keyloggerWords) {
        this.jobSites = Set.copyOf(jobSites);
        this.fileSharing = Set.copyOf(fileSharing);
        this.leakSites = Set.copyOf(leakSites);
        this.personalMail = Set.copyOf(personalMail);
        this.jobWords = Set.copyOf(jobWords);
        this.keyloggerWords = List.copyOf(keyloggerWords);
        this.jobSiteList = new SiteList(jobSites);
        this.fileSharingList = new SiteList(fileSharing);
        this.leakSiteList = new SiteList(leakSites);
        this.matcher = new PhraseMatcher(jobWords, keyloggerWords);
    }

    /** The built-in vocabulary (English-language sites and words). */
    public static Vocabulary defaults() {
        return new Vocabulary(
                Set.of("monster.com", "careerbuilder.com", "indeed.com", "simplyhired.com", "glassdoor.com",
                        "jobhuntersbible.com", "hotjobs.yahoo.com", "craigslist.org", "dice.com", "ziprecruiter.com",
                        "linkedin.com/jobs", "job-hunt.org", "theladders.com", "usajobs.gov", "careerone.com",
                        "snagajob.com", "hirecentral.com", "jobs.com"),
                Set.of("dropbox.com", "box.com", "drive.google.com", "docs.google.com", "onedrive.live.com",
                        "mega.nz", "mega.co.nz", "wetransfer.com", "mediafire.com", "sendspace.com", "4shared.com",
                        "rapidshare.com", "megaupload.com", "yousendit.com", "icloud.com", "pcloud.com"),
                Set.of("wikileaks.org", "wikileaks.com", "cryptome.org", "leakbase.org", "ddosecrets.com",
                        "publeaks.nl", "globaleaks.org", "openleaks.org"),
                Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
                        "msn.com", "aol.com", "comcast.net", "verizon.net", "juno.com", "cox.net", "att.net",
                        "earthlink.net", "icloud.com", "me.com", "mail.com", "gmx.com", "protonmail.com", "qq.com",
                        "163.com", "126.com", "sina.com", "yandex.ru"),
                Set.of("resume", "résumé", "cv", "interview", "job", "jobs", "career", "careers", "hiring", "recruiter",
                        "recruiting", "salary", "vacancy", "vacancies", "applicant", "employment", "position",
                        "openings", "headhunter"),
                List.of("keylog", "key-log", "keystroke", "keycatcher", "keygrabber", "spector", "refog", "spyrix",
                        "ardamax", "revealer"));
    }

    /** Domains of job boards and recruiters. */
    public Set<String> jobSites() {
        return jobSites;
    }

    /** Domains of cloud storage and file-transfer services. */
    public Set<String> fileSharing() {
        return fileSharing;
    }

    /** Domains of leak and whistle-blowing publication sites. */
    public Set<String> leakSites() {
        return leakSites;
    }

    /** Domains of personal (consumer) mail providers. */
    public Set<String> personalMail() {
        return personalMail;
    }

    /** Words that mark job searching. */
    public Set<String> jobWords() {
        return jobWords;
    }

    /** Word stems that mark keystroke-logging tools. */
    public List<String> keyloggerWords() {
        return keyloggerWords;
    }

    /** True when the URL is on a site of the given list; list entries may carry a path ({@code linkedin.com/jobs}). */
    public static boolean siteMatches(String url, Set<String> sites) {
        return new SiteList(sites).matches(Urls.domain(url), url);
    }

    /** True when a URL with the given lower-case domain is a job site. */
    public boolean isJobSite(String domain, String url) {
        return jobSiteList.matches(domain, url);
    }

    /** True when a URL with the given lower-case domain is a file-sharing site. */
    public boolean isFileSharing(String domain, String url) {
        return fileSharingList.matches(domain, url);
    }

    /** True when a URL with the given lower-case domain is a leak site. */
    public boolean isLeakSite(String domain, String url) {
        return leakSiteList.matches(domain, url);
    }

    /** True when the URL or the text contains a word starting with a keylogger stem. */
    public boolean mentionsKeylogger(String url, String text) {
        long stems = matcher.stemBits();
        return (matcher.found(url, SCAN_CHARS) & stems) != 0 || (scan(text) & stems) != 0;
    }

    /**
     * The number of distinct job-search words in a text, as whole words (stops counting at 8): a news page that
     * says "jobs" five times counts one, a job advert with "position", "salary" and "interview" counts three.
     */
    public int jobWordCount(String text) {
        return Math.min(8, Long.bitCount(scan(text) & matcher.wordBits()));
    }

    /** The phrases in a text, scanned once however many detectors ask about the same text in a row. */
    private long scan(String text) {
        Scan scan = last;
        if (scan != null && scan.text() == text) {
            return scan.found();
        }
        long found = matcher.found(text, SCAN_CHARS);
        last = new Scan(text, found);
        return found;
    }
}
