package org.custos.core.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A PersonnelChange is a signal about a person from HR or the security office: a hire, a departure, or a
 * stressor such as a court-defaulter listing.
 *
 * @param details free text from the feed
 */
public record PersonnelChange(String id, Instant time, String user, String host, Kind change, String details)
        implements Event {

    /** The kinds of personnel signal Custos understands, with their feed names. */
    public enum Kind {
        HIRE("hire", false),
        DEPARTURE("departure", false),
        RESIGNATION("resignation", true),
        TERMINATION("termination", true),
        COURT_DEFAULTER("court-defaulter", true),
        ACCOUNTS_FROZEN("accounts-frozen", true),
        INVESTMENT_LOSS("investment-loss", true),
        PERFORMANCE_PLAN("performance-plan", true),
        LAYOFF("layoff", true),
        ACCESS_REVOKED("access-revoked", false);

        private final String feedName;
        private final boolean stressor;

        Kind(String feedName, boolean stressor) {
            this.feedName = feedName;
            this.stressor = stressor;
        }

        /** The name of this kind in the personnel feed ({@code court-defaulter}, ...). */
        public String feedName() {
            return feedName;
        }

        /** True for kinds that are stressors on the critical path (financial, work or separation pressure). */
        public boolean stressor() {
            return stressor;
        }

        /** The kind with the given feed name, ignoring case, or throws naming the allowed values. */
        public static Kind ofFeedName(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.feedName.equals(wanted)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown personnel event '" + name + "', expected one of "
                    + java.util.Arrays.stream(values()).map(Kind::feedName).toList());
        }
    }

    /** Checks that the required fields are present. */
    public PersonnelChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(change, "change");
        host = host == null ? "" : host;
        details = details == null ? "" : details;
    }

    @Override
    public EventKind kind() {
        return EventKind.PERSONNEL;
    }
}
