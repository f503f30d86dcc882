package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteListTest {

    private final SiteList sites = new SiteList(Set.of("Dropbox.com", "linkedin.com/jobs"));

    @Test
    void matchesADomainAndItsSubDomainsIgnoringTheEntrysCase() {
        assertThat(sites.matches("dropbox.com", "https://dropbox.com/")).isTrue();
        assertThat(sites.matches("dl.content.dropbox.com", "https://dl.content.dropbox.com/x")).isTrue();
        assertThat(sites.matches("mydropbox.com", "https://mydropbox.com/")).isFalse();
        assertThat(sites.matches("dropbox.com.evil.net", "https://dropbox.com.evil.net/")).isFalse();
    }

    @Test
    void matchesAnEntryWithAPathOnlyWhenTheUrlHasThePath() {
        assertThat(sites.matches("linkedin.com", "https://linkedin.com/JOBS/view/1")).isTrue();
        assertThat(sites.matches("uk.linkedin.com", "https://uk.linkedin.com/jobs")).isTrue();
        assertThat(sites.matches("linkedin.com", "https://linkedin.com/in/alice")).isFalse();
    }
}
