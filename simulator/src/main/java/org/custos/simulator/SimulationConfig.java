package org.custos.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SimulationConfig is the complete description of one simulated dataset: how many people the organization
 * starts with, how many calendar days it runs, the seed every random choice derives from, the first day, and
 * whether insider scenarios are planted.
 *
 * <p>Equal configurations produce byte-identical output.
 *
 * @param people       head count on the first day; at least {@value #MIN_PEOPLE}
 * @param days         number of calendar days simulated, weekends and holidays included; at least
 *                     {@value #MIN_DAYS}
 * @param seed         the seed of the simulation's single random generator
 * @param start        the first simulated day (the CLI default is {@link #DEFAULT_START}, a Monday)
 * @param withInsiders whether the insider scenarios are planted and an answer key is written
 * @param layout       the files written and the scenarios planted (see {@link DataLayout})
 */
public record SimulationConfig(int people, int days, long seed, LocalDate start, boolean withInsiders,
                               DataLayout layout) {

    /** The smallest head count the organization chart can be built for. */
    public static final int MIN_PEOPLE = 20;

    /** The shortest simulation: scenarios need about two months of baseline behaviour before them. */
    public static final int MIN_DAYS = 60;

    /** The default first day, Monday 4 January 2010 (CERT r6.2 starts in January 2010). */
    public static final LocalDate DEFAULT_START = LocalDate.of(2010, 1, 4);

    /** Validates the configuration, naming every value that is out of range in one message. */
    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(layout, "layout");
        List<String> problems = new ArrayList<>();
        if (people < MIN_PEOPLE) {
            problems.add("people is " + people + ", expected at least " + MIN_PEOPLE);
        }
        if (days < MIN_DAYS) {
            problems.add("days is " + days + ", expected at least " + MIN_DAYS);
        }
        if (start.getYear() < 1900 || start.plusDays(Math.max(days, 0)).getYear() > 9999) {
            problems.add("start " + start + " puts the simulation outside the years 1900-9999");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid simulation config: " + String.join("; ", problems));
        }
    }

    /** A configuration in the {@link DataLayout#CUSTOS} layout. */
    public SimulationConfig(int people, int days, long seed, LocalDate start, boolean withInsiders) {
        this(people, days, seed, start, withInsiders, DataLayout.CUSTOS);
    }

    /** A configuration starting on {@link #DEFAULT_START} with insiders planted. */
    public static SimulationConfig of(int people, int days, long seed) {
        return new SimulationConfig(people, days, seed, DEFAULT_START, true);
    }

    /** The last simulated day (inclusive). */
    public LocalDate end() {
        return start.plusDays(days - 1L);
    }
}
