package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.core.detector.OrgContext;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.DailySeries;
import org.custos.core.engine.Engine;
import org.custos.core.engine.PersonOutcome;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.simulator.SimulationConfig;
import org.custos.simulator.Simulator;

/**
 * The reference a Flink run is compared with: {@code custos analyze}'s engine over the same directory, with the
 * settings {@code Analyzer} uses, and its findings in the sink's JSON form; and the reading of a sink's files.
 */
final class Reference {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reference() {
    }

    /** Simulates a small organization with planted insiders into {@code dir}. */
    static Path simulate(Path dir, int people, int days, long seed) throws IOException {
        Simulator.run(new SimulationConfig(people, days, seed, LocalDate.of(2010, 1, 4), true), dir);
        return dir;
    }

    /** What the CLI's engine concludes about a directory. */
    static Analysis analyze(Path dir) throws IOException {
        JobSettings settings = JobSettings.defaults(dir);
        try (CertDirectory input = CertDirectory.open(dir, DeadLetters.discard())) {
            OrgContext org = settings.openContext();
            Engine engine = new Engine(settings.registry(), org, settings.model(), settings.budget());
            input.forEachEvent(engine::accept);
            return engine.finish();
        }
    }

    /** The findings of an analysis, by kind, each as the JSON line the sink writes, in a stable order. */
    static Map<JsonLinesSink.Kind, List<String>> findings(Analysis analysis) {
        Map<JsonLinesSink.Kind, List<String>> out = new TreeMap<>();
        List<String> alerts = new ArrayList<>();
        analysis.alerts().forEach(a -> alerts.add(line(new Finding.AlertRaised(a))));
        List<String> people = new ArrayList<>();
        List<String> days = new ArrayList<>();
        int rank = 0;
        for (PersonOutcome o : analysis.people()) {
            people.add(line(new Finding.PersonResult(++rank, o.user(), o.events(), o.peak())));
            DailySeries s = o.series();
            for (int i = 0; i < s.length(); i++) {
                if (s.score(i) != 0 || s.movers(i) != null) {
                    days.add(line(new Finding.DailyScore(o.user(), LocalDate.ofEpochDay(s.firstDay() + i), s.score(i),
                            s.movers(i))));
                }
            }
        }
        long alertCount = analysis.alerts().size();
        out.put(JsonLinesSink.Kind.ALERT, sorted(alerts));
        out.put(JsonLinesSink.Kind.PERSON, sorted(people));
        out.put(JsonLinesSink.Kind.DAILY_SCORE, sorted(days));
        out.put(JsonLinesSink.Kind.SUMMARY, List.of(line(new Finding.Summary(analysis.people().size(),
                analysis.events(), analysis.signals(), analysis.outOfOrder(), analysis.duplicates(),
                analysis.unlistedPeople(), analysis.heldBackAlerts(), alertCount))));
        return out;
    }

    /**
     * The findings of {@code analysis} that a live job has written once its watermark reached {@code watermark}
     * (and the input has not ended): each alert whose time is at or before the watermark (scoring decides it at its
     * event's time), and each daily score of a person for a day {@code d} once an event of theirs on a later day is
     * at or before the watermark (scoring closes a person's days when their next active day starts). No person's
     * result and no summary (those come at the end of the input).
     *
     * @param events the events of the analysis
     * @param zone the zone of local days
     */
    static Map<JsonLinesSink.Kind, List<String>> findingsUpTo(Analysis analysis,
            List<org.custos.core.event.Event> events, java.time.Instant watermark, java.time.ZoneId zone) {
        Map<String, Long> lastDayStarted = new java.util.HashMap<>();
        for (org.custos.core.event.Event e : events) {
            if (!e.time().isAfter(watermark)) {
                lastDayStarted.merge(e.user(), LocalDate.ofInstant(e.time(), zone).toEpochDay(), Math::max);
            }
        }
        Map<JsonLinesSink.Kind, List<String>> out = new TreeMap<>();
        List<String> alerts = new ArrayList<>();
        analysis.alerts().stream().filter(a -> !a.time().isAfter(watermark))
                .forEach(a -> alerts.add(line(new Finding.AlertRaised(a))));
        List<String> days = new ArrayList<>();
        for (PersonOutcome o : analysis.people()) {
            DailySeries s = o.series();
            long started = lastDayStarted.getOrDefault(o.user(), Long.MIN_VALUE);
            for (int i = 0; i < s.length(); i++) {
                long day = s.firstDay() + i;
                if (day < started && (s.score(i) != 0 || s.movers(i) != null)) {
                    days.add(line(new Finding.DailyScore(o.user(), LocalDate.ofEpochDay(day), s.score(i),
                            s.movers(i))));
                }
            }
        }
        out.put(JsonLinesSink.Kind.ALERT, sorted(alerts));
        out.put(JsonLinesSink.Kind.PERSON, List.of());
        out.put(JsonLinesSink.Kind.DAILY_SCORE, sorted(days));
        out.put(JsonLinesSink.Kind.SUMMARY, List.of());
        return out;
    }

    /**
     * The lines a sink wrote, by kind, sorted; daily scores of zero with no movers (a day on which a person's last
     * signal decayed away) are left out, as the engine's series cannot tell them from days never scored.
     */
    static Map<JsonLinesSink.Kind, List<String>> written(Path dir) throws IOException {
        Map<JsonLinesSink.Kind, List<String>> out = new TreeMap<>();
        for (JsonLinesSink.Kind kind : JsonLinesSink.Kind.values()) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(kind.file))) {
                JsonNode node = JSON.readTree(line);
                if (kind == JsonLinesSink.Kind.DAILY_SCORE && node.get("score").asDouble() == 0
                        && node.get("movers").isNull()) {
                    continue;
                }
                lines.add(line);
            }
            out.put(kind, sorted(lines));
        }
        return out;
    }

    /**
     * Asserts that a sink wrote exactly the findings of {@code analyze} for the same input, kind by kind, and each
     * once (no key twice).
     */
    static void assertWroteExactly(Analysis analysis, Path dir) throws IOException {
        Map<JsonLinesSink.Kind, List<String>> expected = findings(analysis);
        Map<JsonLinesSink.Kind, List<String>> actual = written(dir);
        for (JsonLinesSink.Kind kind : JsonLinesSink.Kind.values()) {
            assertThat(actual.get(kind)).as(kind.file).containsExactlyElementsOf(expected.get(kind));
        }
        assertThat(keys(dir)).doesNotHaveDuplicates();
    }

    /** The keys of every line a sink wrote, in file order, across its files. */
    static List<String> keys(Path dir) throws IOException {
        List<String> keys = new ArrayList<>();
        for (JsonLinesSink.Kind kind : JsonLinesSink.Kind.values()) {
            for (String line : Files.readAllLines(dir.resolve(kind.file))) {
                keys.add(JSON.readTree(line).get("key").asText());
            }
        }
        return keys;
    }

    private static String line(Finding finding) {
        try {
            return JSON.writeValueAsString(JsonLinesSink.FindingJson.of(JSON, finding));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
