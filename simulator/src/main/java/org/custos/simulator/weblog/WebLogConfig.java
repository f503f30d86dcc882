package org.custos.simulator.weblog;

import java.time.LocalDate;

/**
 * A WebLogConfig says what public-site access log to simulate: how many ordinary visitors over how many days, and
 * how many harvesters of each kind to plant.
 *
 * @param visitors ordinary visitors (about 1 % of them binge readers), at least 100
 * @param days days of log, at least 1
 * @param seed the random seed; the same configuration always gives the same bytes
 * @param start the first day
 * @param fastHarvesters harvesters that take hundreds of documents at several requests a second
 * @param slowHarvesters harvesters that take tens to hundreds of documents politely, a request every 0.5-5 minutes
 * @param crawlers search-engine crawlers that announce themselves
 */
public record WebLogConfig(int visitors, int days, long seed, LocalDate start, int fastHarvesters,
        int slowHarvesters, int crawlers) {

    /** Checks the ranges. */
    public WebLogConfig {
        if (visitors < 100) {
            throw new IllegalArgumentException("visitors must be >= 100, was " + visitors);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        if (fastHarvesters < 0 || slowHarvesters < 0 || crawlers < 0) {
            throw new IllegalArgumentException("harvester and crawler counts must be >= 0");
        }
        if (start == null) {
            throw new IllegalArgumentException("start must be given");
        }
    }

    /** A week of logs from 2010-01-04 with 3 fast and 10 slow harvesters and 3 crawlers. */
    public static WebLogConfig of(int visitors, long seed) {
        return new WebLogConfig(visitors, 7, seed, LocalDate.of(2010, 1, 4), 3, 10, 3);
    }
}
