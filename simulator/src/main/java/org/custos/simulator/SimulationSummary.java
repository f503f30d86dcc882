package org.custos.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SimulationSummary is what one run of the {@link Simulator} wrote: the number of activity events, the number
 * of distinct people in the dataset, the number of planted insiders, and the events per output file.
 *
 * @param events        activity rows written over all event files (logon, device, file, email, http, badge, print,
 *                      custody, personnel); reference files (LDAP, psychometric, decoys, answers) are not counted
 * @param people        distinct people employed at some point of the simulation (the initial head count plus hires)
 * @param insiders      insiders listed in {@code answers/insiders.csv} (0 without insiders)
 * @param eventsPerFile data rows per event file, keyed by the file's path relative to the output directory,
 *                      in name order
 */
public record SimulationSummary(long events, int people, int insiders, Map<String, Long> eventsPerFile) {

    /** Copies the per-file counts into an unmodifiable map in file-name order. */
    public SimulationSummary {
        eventsPerFile = Collections.unmodifiableMap(new TreeMap<>(eventsPerFile));
    }
}
