package org.custos.core.risk;

/**
 * RiskParameters are the settings of the {@link RiskModel}.
 *
 * @param halfLifeDays the days after which a signal's points have halved
 * @param scale the raw points at which the score reaches 63 (the score is {@code 100·(1−e^(−raw/scale))})
 * @param indicatorCap how many times its weight one indicator may add at most, however often it fires
 * @param pathBonus the raw points added per critical-path stage beyond the first, when stages occur in order
 * @param stressorAlone the raw points stressors may add without any technical signal (kept below alerting)
 * @param alertThreshold the score at which an alert is raised
 * @param maxEventIds the most event ids kept per contribution
 */
public record RiskParameters(double halfLifeDays, double scale, double indicatorCap, double pathBonus,
        double stressorAlone, double alertThreshold, int maxEventIds) {

    /** Checks the ranges. */
    public RiskParameters {
        require(halfLifeDays > 0, "halfLifeDays must be > 0");
        require(scale > 0, "scale must be > 0");
        require(indicatorCap >= 1, "indicatorCap must be >= 1");
        require(pathBonus >= 0, "pathBonus must be >= 0");
        require(stressorAlone >= 0, "stressorAlone must be >= 0");
        require(alertThreshold > 0 && alertThreshold < 100, "alertThreshold must be in (0, 100)");
        require(maxEventIds >= 1, "maxEventIds must be >= 1");
        require(100 * (1 - Math.exp(-stressorAlone / scale)) < alertThreshold,
                "stressorAlone must stay below the alert threshold");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The defaults: half-life 14 days, scale 60, cap 2.5×, path bonus 12, stressors alone 15, alert at 50. */
    public static RiskParameters defaults() {
        return new RiskParameters(14, 60, 2.5, 12, 15, 50, 50);
    }
}
