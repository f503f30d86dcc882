package org.custos.cli.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Report is the document {@code custos analyze --report} writes (format version 1, see
 * {@code docs/report-format.md} and {@code docs/report.schema.json}): every person ranked by score with the reasons
 * behind it, the alerts, and what was read.
 *
 * @param version the report format version
 * @param people every person with at least one event, highest score first
 * @param alerts the alerts raised, oldest first
 * @param input what was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int version, List<PersonEntry> people, List<AlertEntry> alerts, Input input) {

    /** The format version written by this code. */
    public static final int VERSION = 1;

    /**
     * One person's ranking.
     *
     * @param user the account id
     * @param score the peak score, 0–100, rounded to 2 decimals
     * @param rank 1 for the highest score; people with equal scores are ordered by user id
     * @param peakTime when the peak score was reached (null for a score of 0)
     * @param events the number of the person's events analyzed
     * @param reasons the contributions at the peak, largest first; their contributions add up to the score
     */
    public record PersonEntry(String user, double score, int rank, String peakTime, long events,
            List<Reason> reasons) {
    }

    /**
     * One contribution to a person's score.
     *
     * @param indicator the indicator id, or {@code critical-path} for the sequence bonus
     * @param category the critical-path category
     * @param contribution the score points, rounded to 2 decimals
     * @param events ids of the events behind it (at most 50, the most recent)
     * @param eventCount how many events are behind it
     * @param first ISO-8601 time of the first event
     * @param last ISO-8601 time of the last event
     * @param explanation what was seen and what it was compared with
     */
    public record Reason(String indicator, String category, double contribution, List<String> events, int eventCount,
            String first, String last, String explanation) {
    }

    /**
     * One alert.
     *
     * @param id the stable alert id
     * @param user the account id
     * @param time ISO-8601 time of the event that crossed the threshold
     * @param score the score then
     * @param indicators the contributing indicators, largest first
     * @param story a one-line account of what changed
     */
    public record AlertEntry(String id, String user, String time, double score, List<String> indicators,
            String story) {
    }

    /**
     * What was read.
     *
     * @param events the events analyzed
     * @param rejected the records sent to the dead-letter file
     * @param outOfOrder events older than their person's latest event when they arrived
     * @param files each input file read
     * @param notices one-line notices about the input (missing files, skipped files)
     * @param deadLetters the dead-letter file's path, when one was written
     * @param firstRejected the first rejected records (at most 10), each as {@code file:line: reason}
     * @param unlistedPeople people with events who appear in no directory snapshot
     * @param duplicates events skipped because they repeated one of their person's recent events (same id, kind and
     *     instant)
     * @param heldBackAlerts threshold crossings not alerted because the alert budget's allowance was spent
     */
    public record Input(long events, long rejected, long outOfOrder, List<FileEntry> files, List<String> notices,
            String deadLetters, List<String> firstRejected, long unlistedPeople, long duplicates,
            long heldBackAlerts) {
    }

    /**
     * One input file.
     *
     * @param file the file name relative to the input directory
     * @param layout the layout detected from its header ({@code r4.2}, {@code r6.x}, {@code custos}; {@code ocsf},
     *     {@code ecs} or {@code custos-json} for JSON-lines files)
     * @param events the events read from it
     * @param rejected its records sent to the dead-letter file
     */
    public record FileEntry(String file, String layout, long events, long rejected) {
    }
}
