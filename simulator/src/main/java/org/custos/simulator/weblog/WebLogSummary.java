package org.custos.simulator.weblog;

/**
 * A WebLogSummary says what a web-log simulation wrote.
 *
 * @param lines the access-log lines
 * @param visitors the ordinary visitors, binge readers included
 * @param bingers the binge readers among them
 * @param crawlers the self-announcing crawlers
 * @param fastHarvesters the fast harvesters
 * @param slowHarvesters the slow harvesters
 */
public record WebLogSummary(long lines, int visitors, int bingers, int crawlers, int fastHarvesters,
        int slowHarvesters) {
}
