package org.custos.core.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.custos.core.detector.Person;

/**
 * A PersonTrack is what {@link Detection} keeps about one person: their calendar, every detector's state, the
 * latest event time and the departure date they reported. It is a plain serializable value, so a distributed runner
 * keeps it as keyed state.
 */
public final class PersonTrack implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    final Person person;
    final Object[] detectorStates;
    final String peerGroup;
    Instant latest = Instant.MIN;
    long events;
    LocalDate departure;

    PersonTrack(Person person, Object[] detectorStates, String peerGroup) {
        this.person = person;
        this.detectorStates = detectorStates;
        this.peerGroup = Objects.requireNonNull(peerGroup, "peerGroup");
    }

    /** The person's account id. */
    public String user() {
        return person.user();
    }

    /** The peer group the person was placed in at their first event (their role, or "unknown"). */
    public String peerGroup() {
        return peerGroup;
    }

    /** The number of the person's events analyzed. */
    public long events() {
        return events;
    }

    /** Each detector's state for this person, in registry order (null for stateless detectors). */
    public List<Object> detectorStates() {
        return Arrays.asList(detectorStates.clone());
    }
}
