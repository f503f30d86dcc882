package org.custos.server.web;

import java.util.Optional;
import org.custos.core.alert.Alert;

/**
 * AlertIds shows alert ids with the person's pseudonym in place of their account id ({@code P-…@EPOCH}), since an
 * alert's stored id starts with the account id, and maps them back.
 */
public final class AlertIds {

    private AlertIds() {
    }

    /** The id to show for an alert. */
    public static String shown(Alert alert, Names names) {
        return names.pseudonym(alert.user()) + "@" + alert.time().getEpochSecond();
    }

    /** The stored id behind a shown id; empty when the pseudonym is unknown or the id malformed. */
    public static Optional<String> stored(String shown, Names names) {
        int at = shown.lastIndexOf('@');
        if (at <= 0 || at == shown.length() - 1 || shown.length() > 120) {
            return Optional.empty();
        }
        String epoch = shown.substring(at + 1);
        if (!epoch.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            return Optional.empty();
        }
        return names.user(shown.substring(0, at)).map(user -> user + "@" + epoch);
    }
}
