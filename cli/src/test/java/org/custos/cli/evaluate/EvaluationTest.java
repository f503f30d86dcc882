package org.custos.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @Test
    void aucCountsTiesAsHalf() {
        double[] innocent = {1, 2, 3, 4};
        assertThat(Evaluation.auc(new double[] {5}, innocent)).isEqualTo(1.0);
        assertThat(Evaluation.auc(new double[] {0}, innocent)).isEqualTo(0.0);
        assertThat(Evaluation.auc(new double[] {2}, innocent)).isEqualTo((1 + 0.5) / 4);
    }

    @Test
    void detectionRateAllowsOnlyTheGivenShareOfInnocentsAboveTheThreshold() {
        double[] innocent = new double[100];
        for (int i = 0; i < 100; i++) {
            innocent[i] = i;
        }
        // 1 % of 100 innocents = 1 may score above the threshold, so the threshold is 98.
        assertThat(Evaluation.detectionAt(new double[] {98.5, 97, 99.5}, innocent, 0.01)).isEqualTo(2 / 3.0);
        assertThat(Evaluation.detectionAt(new double[] {98}, innocent, 0.01)).isZero();
    }

    @Test
    void recallAtBudgetCountsInsidersAmongTheTopRankedPeople() {
        List<String> ranked = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(Evaluation.recallAt(ranked, Set.of("a", "j"), 10, 0.1)).isEqualTo(0.5);
        assertThat(Evaluation.recallAt(ranked, Set.of("a", "j"), 10, 1.0)).isEqualTo(1.0);
    }

    @Test
    void delayIsFirstAlertAfterTheStartMinusTheStart() {
        Map<String, Double> scores = new HashMap<>(Map.of("x", 90.0, "y", 10.0, "z", 5.0));
        Instant start = Instant.parse("2010-03-01T00:00:00Z");
        Map<String, List<Instant>> alerts = Map.of("x",
                List.of(Instant.parse("2010-01-01T00:00:00Z"), Instant.parse("2010-03-03T12:00:00Z")));
        Evaluation e = Evaluation.of("all", scores, List.of("x", "y", "z"), Map.of("x", start), Set.of(), alerts);
        assertThat(e.medianDelayDays()).isEqualTo(2.5);
        assertThat(e.alerted()).isEqualTo(1);
        assertThat(e.auc()).isEqualTo(1.0);
        assertThat(e.worstInsiderPercentile()).isEqualTo(1.0);
    }

    @Test
    void answerKeyReportsEveryBadRowWithItsLine(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("insiders.csv");
        Files.writeString(key, """
                dataset,scenario,details,user,start,end
                6.2,1,r6.2-1-AAM0658.csv,AAM0658,10/23/2010 03:12:43,10/30/2010 02:37:40
                6.2,2,x.csv,BBB0001,13/45/2010 03:12:43,10/30/2010 02:37:40
                6.2,2,x.csv
                """);
        assertThatThrownBy(() -> AnswerKey.read(key)).isInstanceOf(UsageException.class)
                .hasMessageContaining("insiders.csv:3: bad start or end time")
                .hasMessageContaining("insiders.csv:4: expected 6 fields, found 3");
    }

    @Test
    void answerKeyReadsCertTimes(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("insiders.csv");
        Files.writeString(key, """
                dataset,scenario,details,user,start,end
                6.2,1,r6.2-1-AAM0658.csv,AAM0658,10/23/2010 03:12:43,10/30/2010 02:37:40
                """);
        AnswerKey.Insider i = AnswerKey.read(key).insiders().get(0);
        assertThat(i.user()).isEqualTo("AAM0658");
        assertThat(i.start()).isEqualTo(Instant.parse("2010-10-23T03:12:43Z"));
    }
}
