package org.custos.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Alert is a lead for a human reviewer: a person's score crossed the alert threshold at an instant, with the
 * indicators that carried it.
 *
 * @param id a stable id derived from the person and the instant, so the same alert is never stored twice
 * @param user the person
 * @param time the time of the event that made the score cross the threshold
 * @param score the score at that time
 * @param indicators the contributing indicator ids, largest contribution first
 * @param story a one-line account of what changed, for the alert queue
 */
public record Alert(String id, String user, Instant time, double score, List<String> indicators, String story)
        implements java.io.Serializable {

    /** Checks the fields and copies the list. */
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(time, "time");
        indicators = List.copyOf(indicators);
        story = story == null ? "" : story;
    }

    /** The id of the alert on {@code user} at {@code time}. */
    public static String idFor(String user, Instant time) {
        return user + "@" + time.getEpochSecond();
    }
}
