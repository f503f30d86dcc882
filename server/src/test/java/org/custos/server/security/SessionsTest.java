package org.custos.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8));

    @Test
    void aSessionIsFoundByItsTokenAndKeepsOnlyTheTokensHash() {
        Sessions.Started s = sessions.start("ana", "ANALYST");
        assertThat(sessions.find(s.token())).map(Session::account).contains("ana");
        assertThat(s.session().id()).hasSize(64).isNotEqualTo(s.token());
        assertThat(sessions.find("not-a-token")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void everySignInGetsAFreshToken() {
        Sessions.Started a = sessions.start("ana", "ANALYST");
        Sessions.Started b = sessions.start("ana", "ANALYST");
        assertThat(a.token()).isNotEqualTo(b.token());
        assertThat(a.session().csrfToken()).isNotEqualTo(b.session().csrfToken());
    }

    @Test
    void endsAfterThirtyIdleMinutes() {
        Sessions.Started s = sessions.start("ana", "ANALYST");
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.token())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.token())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.token())).isEmpty();
    }

    @Test
    void endsAfterEightHoursHoweverActive() {
        Sessions.Started s = sessions.start("ana", "ANALYST");
        for (int i = 0; i < 16; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertThat(sessions.find(s.token())).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(s.token())).isEmpty();
    }

    @Test
    void signOutAndEndAllEndSessions() {
        Sessions.Started a = sessions.start("ana", "ANALYST");
        Sessions.Started b = sessions.start("ana", "ANALYST");
        Sessions.Started c = sessions.start("ivo", "INVESTIGATOR");
        sessions.end(a.session());
        assertThat(sessions.find(a.token())).isEmpty();
        sessions.endAll("ana");
        assertThat(sessions.find(b.token())).isEmpty();
        assertThat(sessions.find(c.token())).isPresent();
    }

    @Test
    void csrfTokenMustMatchExactly() {
        Session s = sessions.start("ana", "ANALYST").session();
        assertThat(Sessions.csrfMatches(s, s.csrfToken())).isTrue();
        assertThat(Sessions.csrfMatches(s, s.csrfToken() + "x")).isFalse();
        assertThat(Sessions.csrfMatches(s, null)).isFalse();
    }
}
