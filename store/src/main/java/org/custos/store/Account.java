package org.custos.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An Account is a dashboard user.
 *
 * @param name the sign-in name
 * @param role what the account may do
 * @param passwordHash the Argon2id hash in its encoded string form ({@code $argon2id$v=19$...}); the store never sees
 *     a password
 * @param failedAttempts failed sign-ins since the last successful one
 * @param lockedUntil the account refuses sign-in before this instant; empty when not locked
 * @param created when the account was created
 */
public record Account(String name, Role role, String passwordHash, int failedAttempts, Optional<Instant> lockedUntil,
                      Instant created) {

    /** Checks the fields. */
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(created, "created");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an account needs a name");
        }
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0, was " + failedAttempts);
        }
    }

    /** True when the account refuses sign-in at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }
}
