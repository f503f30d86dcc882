package org.custos.server.accounts;

import java.time.Instant;
import java.util.Optional;
import org.custos.server.security.Passwords;
import org.custos.store.Role;
import org.custos.store.Store;

/**
 * InitialAdmin creates the {@value #NAME} account with a random password when a store has no accounts at all, so
 * a fresh installation can be signed into without a default password.
 */
public final class InitialAdmin {

    /** The name of the first account. */
    public static final String NAME = "admin";

    private InitialAdmin() {
    }

    /** The new admin's password, to be shown once; empty when the store already has accounts. */
    public static Optional<String> ensure(Store store, Instant now) {
        if (!store.accounts().isEmpty()) {
            return Optional.empty();
        }
        String password = Passwords.random();
        store.createAccount(NAME, Role.ADMIN, Passwords.hash(password), now);
        return Optional.of(password);
    }
}
