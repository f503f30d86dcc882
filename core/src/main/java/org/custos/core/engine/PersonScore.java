package org.custos.core.engine;

import java.time.Instant;
import org.custos.core.risk.PersonRisk;
import org.custos.core.risk.RiskScore;

/** A PersonScore is what {@link Scoring} keeps about one person: live signals, daily series and alert status. */
final class PersonScore implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    final String user;
    final String peerGroup;
    final PersonRisk risk;
    final DailySeries series = new DailySeries();
    long today = Long.MIN_VALUE;
    long lastScoredDay = Long.MIN_VALUE;
    long firedMask;
    boolean alerting;
    long lastAlertDay = Long.MIN_VALUE;
    long peakWeek = Long.MIN_VALUE;
    double weekPeak = -1;
    RiskScore peak;

    PersonScore(String user, String peerGroup) {
        this.user = user;
        this.peerGroup = peerGroup;
        this.risk = new PersonRisk(user);
        this.peak = RiskScore.zero(user, Instant.EPOCH);
    }
}
