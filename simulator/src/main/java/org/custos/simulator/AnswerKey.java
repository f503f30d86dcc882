package org.custos.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The AnswerKey writes what was planted: {@code answers/insiders.csv} (one row per insider: dataset, scenario,
 * detail file, user, first and last malicious event) and one detail file per insider holding every malicious row,
 * prefixed by its feed, exactly as written in the event files.
 */
final class AnswerKey {

    static final String HEADER = "dataset,scenario,details,user,start,end";

    private final String dataset;
    private final Timestamps time;

    AnswerKey(long seed, Timestamps time) {
        this.dataset = "custos-sim-" + seed;
        this.time = time;
    }

    /** Writes the key for the insiders that have rows; returns how many were listed. */
    int write(Path answersDirectory, List<Insider> insiders) throws IOException {
        List<Insider> listed = new ArrayList<>();
        for (Insider insider : insiders) {
            if (insider.hasRows()) {
                listed.add(insider);
            }
        }
        listed.sort(Comparator.comparingInt(Insider::scenario).thenComparing(i -> i.person().userId()));
        try (BufferedWriter index = Files.newBufferedWriter(answersDirectory.resolve("insiders.csv"),
                StandardCharsets.UTF_8)) {
            index.write(HEADER);
            index.write('\n');
            for (Insider insider : listed) {
                List<Insider.KeyRow> rows = insider.rows();
                index.write(Csv.line(dataset, Integer.toString(insider.scenario()), insider.detailsFile(),
                        insider.person().userId(), time.format(rows.get(0).second()),
                        time.format(rows.get(rows.size() - 1).second())));
                index.write('\n');
                try (BufferedWriter details = Files.newBufferedWriter(
                        answersDirectory.resolve(insider.detailsFile()), StandardCharsets.UTF_8)) {
                    for (Insider.KeyRow row : rows) {
                        details.write(row.kind().keyName());
                        details.write(',');
                        details.write(row.line());
                        details.write('\n');
                    }
                }
            }
        }
        return listed.size();
    }
}
