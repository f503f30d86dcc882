package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary words = Vocabulary.defaults();

    @Test
    void matchesSitesAndTheirSubDomainsButNotLookAlikes() {
        Set<String> jobs = words.jobSites();

        assertThat(Vocabulary.siteMatches("http://www.monster.com/jobs?q=engineer", jobs)).isTrue();
        assertThat(Vocabulary.siteMatches("https://uk.indeed.com/", jobs)).isTrue();
        assertThat(Vocabulary.siteMatches("https://HotJobs.Yahoo.com/", jobs)).isTrue();
        assertThat(Vocabulary.siteMatches("https://mail.yahoo.com/", jobs)).isFalse();
        assertThat(Vocabulary.siteMatches("https://notindeed.com/", jobs)).isFalse();
        assertThat(Vocabulary.siteMatches("https://indeed.com.example.net/", jobs)).isFalse();
    }

    @Test
    void matchesSitesListedWithAPathOnlyUnderThatPath() {
        Set<String> jobs = words.jobSites();

        assertThat(Vocabulary.siteMatches("https://www.linkedin.com/jobs/view/123", jobs)).isTrue();
        assertThat(Vocabulary.siteMatches("https://de.linkedin.com/jobs/", jobs)).isTrue();
        assertThat(Vocabulary.siteMatches("https://www.linkedin.com/in/alice", jobs)).isFalse();
        assertThat(Vocabulary.siteMatches("https://example.com/linkedin.com/jobs", jobs)).isFalse();
    }

    @Test
    void recognizesKeyloggerStemsAtTheStartOfWordsIgnoringCase() {
        assertThat(words.mentionsKeylogger("http://www.example.com/KeyLogger.exe", "")).isTrue();
        assertThat(words.mentionsKeylogger("http://example.com/", "Ardamax Keylogger review")).isTrue();
        assertThat(words.mentionsKeylogger("http://example.com/", "logs every keystroke")).isTrue();
        assertThat(words.mentionsKeylogger("http://example.com/keyboard", "mechanical keyboards")).isFalse();
        assertThat(words.mentionsKeylogger("http://example.com/", "the building inspector")).isFalse();
    }

    @Test
    void readsOnlyTheFirst8192CharactersOfText() {
        assertThat(words.mentionsKeylogger("http://example.com/", "x".repeat(8000) + " keylogger")).isTrue();
        assertThat(words.mentionsKeylogger("http://example.com/", "x".repeat(8192) + " keylogger")).isFalse();
    }

    @Test
    void countsDistinctWholeJobWordsIgnoringCaseAndPunctuation() {
        assertThat(words.jobWordCount("My Résumé, for the INTERVIEW; salary?")).isEqualTo(3);
        assertThat(words.jobWordCount("jobs, jobs and more jobs")).isEqualTo(1);
        assertThat(words.jobWordCount("jobsite careerist hiringmanager")).isZero();
        assertThat(words.jobWordCount("")).isZero();
    }

    @Test
    void stopsCountingJobWordsAtEight() {
        assertThat(words.jobWordCount("resume cv interview job jobs career careers hiring recruiter salary"))
                .isEqualTo(8);
    }

    @Test
    void recognizesSiteCategoriesFromADomainAndUrl() {
        assertThat(words.isJobSite("uk.indeed.com", "https://uk.indeed.com/")).isTrue();
        assertThat(words.isFileSharing("dl.dropbox.com", "https://dl.dropbox.com/x")).isTrue();
        assertThat(words.isLeakSite("wikileaks.org", "https://wikileaks.org/")).isTrue();
        assertThat(words.isLeakSite("notwikileaks.org", "https://notwikileaks.org/")).isFalse();
    }

    @Test
    void knowsPersonalMailAndLeakSites() {
        assertThat(words.personalMail()).contains("gmail.com", "yahoo.com", "163.com");
        assertThat(Vocabulary.siteMatches("https://wikileaks.org/", words.leakSites())).isTrue();
        assertThat(Vocabulary.siteMatches("https://drive.google.com/upload", words.fileSharing())).isTrue();
        assertThat(Vocabulary.siteMatches("https://www.google.com/", words.fileSharing())).isFalse();
    }
}
