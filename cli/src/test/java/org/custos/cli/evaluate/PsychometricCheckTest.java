package org.custos.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.cli.report.Report;
import org.custos.ingest.Psychometrics;
import org.junit.jupiter.api.Test;

class PsychometricCheckTest {

    private static final Instant START = Instant.parse("2010-03-01T00:00:00Z");

    /** 100 people; the first 10 are insiders; {@code score(i)} and {@code neuroticism(i)} per person. */
    private static PsychometricCheck check(java.util.function.IntToDoubleFunction score,
            java.util.function.IntUnaryOperator neuroticism) {
        List<Report.PersonEntry> people = new ArrayList<>();
        Map<String, Psychometrics> traits = new HashMap<>();
        List<AnswerKey.Insider> insiders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String user = String.format("U%03d", i);
            people.add(new Report.PersonEntry(user, score.applyAsDouble(i), i + 1, null, 10, List.of()));
            traits.put(user, new Psychometrics(30, 30, 30, 30, neuroticism.applyAsInt(i)));
            if (i < 10) {
                insiders.add(new AnswerKey.Insider("d", "1", user, START, START));
            }
        }
        Report report = new Report(Report.VERSION, people, List.of(), null);
        return PsychometricCheck.of(report, new AnswerKey(insiders), traits);
    }

    @Test
    void findsNoGainWhenTheScoreAlreadySeparatesAndTraitsCarryNoInformation() {
        PsychometricCheck c = check(i -> i < 10 ? 80 : 10 + i % 7, i -> 20 + (i * 37) % 23);
        assertThat(c.scoreAuc()).isEqualTo(1.0);
        assertThat(c.helps()).isFalse();
        assertThat(c.traitAuc().get("O")).isEqualTo(0.5);
    }

    @Test
    void reportsATraitThatSeparatesInsidersWhereTheScoreCannot() {
        PsychometricCheck c = check(i -> 20 + (i * 13) % 11, i -> i < 10 ? 45 : 20 + i % 5);
        assertThat(c.traitAuc().get("N")).isEqualTo(1.0);
        assertThat(c.bestBlendAuc()).isGreaterThan(c.scoreAuc() + PsychometricCheck.MIN_GAIN);
        assertThat(c.helps()).isTrue();
        assertThat(c.bestBlend()).startsWith("N +");
    }
}
