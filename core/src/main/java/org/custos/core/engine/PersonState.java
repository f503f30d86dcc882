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
    RiskScore peak;

    final String peerGroup;

    PersonState(Person person, Object[] detectorStates, String peerGroup) {
        this.person = person;
        this.peerGroup = peerGroup;
        this.detectorStates = detectorStates;
        this.risk = new PersonRisk(person.user());
        this.peak = RiskScore.zero(person.user(), Instant.EPOCH);
    }
}
