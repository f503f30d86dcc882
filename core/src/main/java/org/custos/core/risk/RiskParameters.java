package org.custos.core.risk;

/**
 * RiskParameters are the settings of the {@link RiskModel}.
 *
 * @param halfLifeDays the days after which a signal's points have halved
 * @param scale the raw points at which the score reaches 63 (the score is {@code 100·(1−e^(−raw/scale))})
 * @param indicatorCap how many times its weight one indicator may add at most, however often it fires
 * @param pathBonus the share of the weaker critical-path stages' points added as the sequence bonus (see
 *     {@link RiskModel})
 * @param stressorAlone the raw points stressors may add without any technical signal (kept below alerting)
 * @param alertThreshold the score at which an alert is raised
 * @param maxEventIds the most event ids kept per contribution
 * @param stressorHalfLifeDays the half-life of stressor signals, longer than others: financial trouble or a
 *     layoff weighs on a person for months
 */
public record RiskParameters(double halfLifeDays, double scale, double indicatorCap, double pathBonus,
        double stressorAlone, double alertThreshold, int maxEventIds, double stressorHalfLifeDays)
        implements java.io.Serializable {

    /** Checks the ranges. */
    public RiskParameters {
        require(halfLifeDays > 0, "halfLifeDays must be > 0");
        require(scale > 0, "scale must be > 0");
        require(indicatorCap >= 1, "indicatorCap must be >= 1");
        require(pathBonus >= 0, "pathBonus must be >= 0");
        require(stressorAlone >= 0, "stressorAlone must be >= 0");
        require(alertThreshold > 0 && alertThreshold < 100, "alertThreshold must be in (0, 100)");
        require(maxEventIds >= 1, "maxEventIds must be >= 1");
        require(stressorHalfLifeDays > 0, "stressorHalfLifeDays must be > 0");
        require(100 * (1 - Math.exp(-stressorAlone / scale)) < alertThreshold,
                "stressorAlone must stay below the alert threshold");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The default half-life of a signal, in days. */
    public static final double DEFAULT_HALF_LIFE_DAYS = 14;

    /** The default score at which an alert is raised. */
    public static final double DEFAULT_ALERT_THRESHOLD = 35;

    /**
     * The defaults: half-life 14 days (stressors 60), scale 60, cap 2.5×, path bonus 1, stressors alone 15,
     * alert at 35, 50 event ids per contribution.
     */
    public static RiskParameters defaults() {
        return new RiskParameters(DEFAULT_HALF_LIFE_DAYS, 60, 2.5, 1, 15, DEFAULT_ALERT_THRESHOLD, 50, 60);
    }
}
