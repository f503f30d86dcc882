package org.custos.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An Insider is a person planted in one scenario, with the detail-file name the answer key lists for them and the
 * malicious rows written for them so far.
 */
final class Insider {

    /** One malicious row as written: its feed, its time, and the exact line. */
    record KeyRow(FeedKind kind, long second, String line) {
    }

    private final Person person;
    private final int scenario;
    private final List<KeyRow> rows = new ArrayList<>();

    Insider(Person person, int scenario) {
        this.person = person;
        this.scenario = scenario;
    }

    Person person() {
        return person;
    }

    int scenario() {
        return scenario;
    }

    /** The detail file name: {@code r6.2-N-USER.csv} for the CERT scenarios 1-5, {@code custos-N-USER.csv} else. */
    String detailsFile() {
        return (scenario <= 5 ? "r6.2-" : "custos-") + scenario + "-" + person.userId() + ".csv";
    }

    void record(FeedKind kind, long second, String line) {
        rows.add(new KeyRow(kind, second, line));
    }

    /** The rows written for this insider, in time order (rows at the same second in the order written). */
    List<KeyRow> rows() {
        List<KeyRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(KeyRow::second));
        return sorted;
    }

    boolean hasRows() {
        return !rows.isEmpty();
    }
}
