package org.custos.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lockout is the back-off rule for failed sign-ins, counted per account: the first {@value #FREE_ATTEMPTS}
 * failures cost nothing, then each further failure locks the account for twice as long as the one before, from
 * {@value #FIRST_LOCK_SECONDS} seconds up to {@value #MAX_LOCK_MINUTES} minutes. A successful sign-in resets the
 * count. While an account is locked, sign-in is refused without checking the password, with the same message as
 * a wrong password, so the lock does not tell an attacker whether a guess was right.
 */
public final class Lockout {

    /** Failures allowed before the first lock. */
    public static final int FREE_ATTEMPTS = 5;
    /** The first lock, in seconds. */
    public static final int FIRST_LOCK_SECONDS = 30;
    /** The longest lock, in minutes. */
    public static final int MAX_LOCK_MINUTES = 60;

    private Lockout() {
    }

    /** The instant until which an account stays locked after its {@code failures}-th failure at {@code now}; empty while failures are still free. */
    public static Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < FREE_ATTEMPTS) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        long seconds = Math.min((long) FIRST_LOCK_SECONDS << doublings, MAX_LOCK_MINUTES * 60L);
        return Optional.of(now.plus(Duration.ofSeconds(seconds)));
    }
}
