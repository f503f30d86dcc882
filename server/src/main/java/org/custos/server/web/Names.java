package org.custos.server.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Names turns account ids into the pseudonyms the dashboard shows and back: pages and URLs name people only by
 * pseudonym, so neither a screen nor a browser history reveals who is under review.
 */
public final class Names {

    private final UnaryOperator<String> pseudonymOf;
    private final Supplier<Iterable<String>> everyone;
    private final Map<String, String> userByPseudonym = new ConcurrentHashMap<>();
    private final Map<String, String> pseudonymByUser = new ConcurrentHashMap<>();

    /**
     * Names from a pseudonym function and the list of everyone the store knows (used to map a pseudonym back).
     */
    public Names(UnaryOperator<String> pseudonymOf, Supplier<Iterable<String>> everyone) {
        this.pseudonymOf = pseudonymOf;
        this.everyone = everyone;
    }

    /** The pseudonym of a person. */
    public String pseudonym(String user) {
        return pseudonymByUser.computeIfAbsent(user, u -> {
            String p = pseudonymOf.apply(u);
            userByPseudonym.put(p, u);
            return p;
        });
    }

    /** The person behind a pseudonym; empty when nobody the store knows has it. */
    public Optional<String> user(String pseudonym) {
        String u = userByPseudonym.get(pseudonym);
        if (u == null) {
            synchronized (this) {
                u = userByPseudonym.get(pseudonym);
                if (u == null) {
                    for (String each : everyone.get()) {
                        pseudonym(each);
                    }
                    u = userByPseudonym.get(pseudonym);
                }
            }
        }
        return Optional.ofNullable(u);
    }
}
