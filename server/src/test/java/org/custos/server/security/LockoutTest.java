package org.custos.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void fiveFailuresAreFreeThenLocksDoubleUpToAnHour() {
        assertThat(Lockout.lockedUntil(4, NOW)).isEmpty();
        assertThat(Lockout.lockedUntil(5, NOW)).contains(NOW.plusSeconds(30));
        assertThat(Lockout.lockedUntil(6, NOW)).contains(NOW.plusSeconds(60));
        assertThat(Lockout.lockedUntil(7, NOW)).contains(NOW.plusSeconds(120));
        assertThat(Lockout.lockedUntil(12, NOW)).contains(NOW.plus(Duration.ofMinutes(60)));
        assertThat(Lockout.lockedUntil(1000, NOW)).contains(NOW.plus(Duration.ofMinutes(60)));
    }

    @Test
    void redirectsAfterSignInOnlyToLocalPaths() {
        assertThat(SignIn.safeNext("/people/P-1?days=90")).isEqualTo("/people/P-1?days=90");
        assertThat(SignIn.safeNext("https://evil.example/")).isEmpty();
        assertThat(SignIn.safeNext("//evil.example/")).isEmpty();
        assertThat(SignIn.safeNext("/\\evil.example/")).isEmpty();
        assertThat(SignIn.safeNext("/a\r\nSet-Cookie: x")).isEmpty();
        assertThat(SignIn.safeNext(null)).isEmpty();
    }
}
