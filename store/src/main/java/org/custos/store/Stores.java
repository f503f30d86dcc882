package org.custos.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stores opens a {@link Store}: the embedded one in a data directory (the default) or PostgreSQL by JDBC URL.
 */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens the store at {@code location}: a {@code jdbc:postgresql://…} URL (credentials as {@code user} and
     * {@code password} URL parameters, or else from the {@code PGUSER} and {@code PGPASSWORD} environment variables),
     * or else a data directory for the embedded store.
     *
     * @throws StoreException with a one-line message when the store cannot be opened
     */
    public static Store open(String location) {
        if (location.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            boolean hasUser = location.matches("(?i).*[?&]user=.*");
            boolean hasPassword = location.matches("(?i).*[?&]password=.*");
            return postgres(location, hasUser ? null : System.getenv("PGUSER"),
                    hasPassword ? null : System.getenv("PGPASSWORD"));
        }
        if (location.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported store URL " + location
                    + " (expected jdbc:postgresql://… or a data directory)");
        }
        return embedded(Path.of(location));
    }

    /** Opens (creating when absent) the embedded store in a data directory, using every core. */
    public static Store embedded(Path dataDirectory) {
        return EmbeddedStore.open(dataDirectory, 0);
    }

    /**
     * Rewrites a store's events in (person, time) order, so that each person's timeline is one contiguous run
     * however many batches wrote it; the events themselves do not change. It holds the store's write lock
     * throughout and takes about as long as sorting the events once (a minute or two at 30 million).
     *
     * @return the number of events rewritten
     * @throws IllegalArgumentException for a store not opened by {@link Stores}
     */
    public static long compactEvents(Store store) {
        if (!(store instanceof JdbcStore jdbc)) {
            throw new IllegalArgumentException("only a store opened by Stores can be compacted, not "
                    + store.getClass().getSimpleName());
        }
        return jdbc.compactEvents();
    }

    /** True when a data directory holds an embedded store (so opening it will not create one). */
    public static boolean hasEmbedded(Path dataDirectory) {
        return java.nio.file.Files.isRegularFile(dataDirectory.resolve(EmbeddedStore.FILE));
    }

    /** Opens the embedded store with DuckDB limited to {@code threads} threads (for measurements on one core). */
    public static Store embedded(Path dataDirectory, int threads) {
        return EmbeddedStore.open(dataDirectory, threads);
    }

    /** Opens the PostgreSQL store, migrating its schema with Flyway; {@code user}/{@code password} may be null. */
    public static Store postgres(String jdbcUrl, String user, String password) {
        return PostgresStore.open(jdbcUrl, user, password);
    }
}
