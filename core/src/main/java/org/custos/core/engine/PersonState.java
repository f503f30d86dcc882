package org.custos.core.engine;

import java.time.Instant;
import org.custos.core.detector.Person;
import org.custos.core.risk.PersonRisk;
import org.custos.core.risk.RiskScore;

/** A PersonState is everything the engine keeps about one person while it runs. */
final class PersonState {

    final Person person;
    final Object[] detectorStates;
    final PersonRisk risk;
    final DailySeries series = new DailySeries();
    long events;
    long lastScoredDay = Long.MIN_VALUE;
    Instant latest = Instant.MIN;
    long firedMask;
    boolean alerting;
    long lastAlertDay = Long.MIN_VALUE;
    long peakWeek = Long.MIN_VALUE;
    double weekPeak = -1;
    RiskScore peak;

    final String peerGroup;

    static final int RECENT = 32;
    private final long[] recent = new long[RECENT];
    private int recentNext;
    private int recentSize;

    /** True when the event repeats one of the last {@value #RECENT} (same id, kind and instant); remembers it if not. */
    boolean seenRecently(org.custos.core.event.Event event) {
        long key = ((long) event.id().hashCode() << 32) ^ (event.time().getEpochSecond() * 31 + event.time().getNano())
                ^ event.kind().ordinal();
        for (int i = 0; i < recentSize; i++) {
            if (recent[i] == key) {
                return true;
            }
        }
        recent[recentNext] = key;
        recentNext = (recentNext + 1) % RECENT;
        recentSize = Math.min(recentSize + 1, RECENT);
        return false;
    }

    PersonState(Person person, Object[] detectorStates, String peerGroup) {
        this.person = person;
        this.peerGroup = peerGroup;
        this.detectorStates = detectorStates;
        this.risk = new PersonRisk(person.user());
        this.peak = RiskScore.zero(person.user(), Instant.EPOCH);
    }
}
