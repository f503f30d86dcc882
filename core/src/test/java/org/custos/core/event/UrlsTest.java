package org.custos.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void extractsTheLowerCaseHostWithoutWwwPortPathQueryOrFragment() {
        assertThat(Urls.domain("https://www.WikiLeaks.org:443/submit?x=1")).isEqualTo("wikileaks.org");
        assertThat(Urls.domain("http://files.example.com?download")).isEqualTo("files.example.com");
        assertThat(Urls.domain("http://example.com#top")).isEqualTo("example.com");
        assertThat(Urls.domain("monster.com/jobs")).as("no scheme").isEqualTo("monster.com");
        assertThat(Urls.domain("")).isEmpty();
    }

    @Test
    void extractsTheMailDomainAfterTheLastAt() {
        assertThat(Urls.mailDomain("Alice.Carter@GMAIL.com ")).isEqualTo("gmail.com");
        assertThat(Urls.mailDomain("\"odd@name\"@yahoo.com")).isEqualTo("yahoo.com");
        assertThat(Urls.mailDomain("no-address")).isEmpty();
    }

    @Test
    void matchesADomainOrItsSubDomainsOnly() {
        assertThat(Urls.domainMatches("dropbox.com", "dropbox.com")).isTrue();
        assertThat(Urls.domainMatches("dl.dropbox.com", "dropbox.com")).isTrue();
        assertThat(Urls.domainMatches("mydropbox.com", "dropbox.com")).isFalse();
        assertThat(Urls.domainMatches("com", "dropbox.com")).isFalse();
    }

    @Test
    void ignoresUserInfoBeforeTheHost() {
        assertThat(Urls.domain("https://cover@wikileaks.org/submit")).isEqualTo("wikileaks.org");
    }

    @Test
    void ignoresUserInfoWithAPasswordBeforeTheHost() {
        assertThat(Urls.domain("https://cover:secret@wikileaks.org/submit")).isEqualTo("wikileaks.org");
    }
}
