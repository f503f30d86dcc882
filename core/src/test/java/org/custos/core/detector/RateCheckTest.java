package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.baseline.DailyCount;
import org.custos.core.testkit.Contexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateCheckTest {

    private static final long FIRST_DAY = 14_610; // 2010-01-01

    private Person person;
    private DailyCount count;
    private long day;

    @BeforeEach
    void newPerson() {
        person = new Person("ACM2278", Contexts.empty());
        count = new DailyCount();
        day = FIRST_DAY - 1;
    }

    /** Moves to the next day, as the engine does before a person's first event of the day. */
    private void nextDay() {
        day++;
        person.advanceTo(Instant.ofEpochSecond(day * 86_400 + 9 * 3_600));
    }

    /** Days with the given counts (zero: active without any). */
    private void history(int days, int perDay) {
        for (int i = 0; i < days; i++) {
            nextDay();
            if (perDay > 0) {
                count.add(day, perDay);
            }
        }
    }

    /** Adds one at a time up to {@code upTo} today, checking after each, and returns the outcomes. */
    private List<RateCheck.Outcome> countUpTo(int upTo, int minFirst, int minSpike, boolean allowFirst) {
        List<RateCheck.Outcome> outcomes = new ArrayList<>();
        while (count.today() < upTo) {
            count.add(day, 1);
            outcomes.add(RateCheck.check(count, person, 1, "things", minFirst, minSpike, allowFirst));
        }
        return outcomes;
    }

    private static List<Integer> firedAt(List<RateCheck.Outcome> outcomes) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).fired()) {
                at.add(i + 1);
            }
        }
        return at;
    }

    @Test
    void firesAFirstEverOnceAfterWarmUp() {
        history(25, 0);
        nextDay();

        List<RateCheck.Outcome> outcomes = countUpTo(5, 1, 3, true);

        assertThat(firedAt(outcomes)).containsExactly(1);
        assertThat(outcomes.get(0).factor()).isEqualTo(1.0);
        assertThat(outcomes.get(0).why()).isEqualTo("first things in 25 active days (1 today)");
    }

    @Test
    void firesAFirstEverAtItsMinimumCount() {
        history(25, 0);
        nextDay();

        List<RateCheck.Outcome> outcomes = countUpTo(3, 2, 4, true);

        assertThat(firedAt(outcomes)).containsExactly(2);
        assertThat(outcomes.get(1).why()).isEqualTo("first things in 25 active days (2 today)");
    }

    @Test
    void treatsAHeavyFirstDayAsASpikeAgainstAnEmptyPastFromTwiceTheMinimum() {
        history(25, 0);
        nextDay();

        List<RateCheck.Outcome> outcomes = countUpTo(12, 1, 3, true);

        assertThat(firedAt(outcomes)).containsExactly(1, 6, 12);
        assertThat(outcomes.get(5).why()).startsWith("6 things today; usual at most 0 on 95% of 25 active days");
        assertThat(outcomes.get(11).factor()).isEqualTo(2.0);
    }

    @Test
    void neverFiresAFirstEverWhenAnotherIndicatorCoversIt() {
        history(25, 0);
        nextDay();

        assertThat(firedAt(countUpTo(40, 1, 3, false))).isEmpty();
    }

    @Test
    void neverFiresBeforeWarmUp() {
        history(5, 2);
        nextDay();

        assertThat(firedAt(countUpTo(100, 1, 3, true))).isEmpty();
    }

    @Test
    void firesASpikeAtTheThresholdAtTwiceAndAtFourTimesIt() {
        history(25, 2);
        nextDay();

        List<RateCheck.Outcome> outcomes = countUpTo(40, 1, 3, true);

        assertThat(firedAt(outcomes)).as("threshold max(3, 3*2+1) = 7").containsExactly(7, 14, 28);
        assertThat(outcomes.get(6).factor()).isEqualTo(1.0);
        assertThat(outcomes.get(13).factor()).isEqualTo(1.0);
        assertThat(outcomes.get(27).factor()).isEqualTo(2.0);
        assertThat(outcomes.get(6).why())
                .isEqualTo("7 things today; usual at most 2 on 95% of 25 active days (past maximum 2)");
    }

    @Test
    void doesNotFireOnUsualCounts() {
        history(25, 2);
        nextDay();

        assertThat(firedAt(countUpTo(6, 1, 3, true))).isEmpty();
    }

    @Test
    void usesTheMinimumSpikeWhenThePastIsQuiet() {
        history(24, 0);
        nextDay();
        count.add(day, 1);
        history(1, 0);
        nextDay();

        assertThat(firedAt(countUpTo(25, 1, 10, true))).as("q95 is 0 so the threshold is minSpike")
                .containsExactly(10, 20);
    }

    @Test
    void firesOnlyTheHighestCrossingOfOneLargeAddition() {
        history(25, 2);
        nextDay();
        count.add(day, 30);

        RateCheck.Outcome outcome = RateCheck.check(count, person, 30, "pages", 30, 3, true);

        assertThat(outcome.factor()).isEqualTo(2.0);
        assertThat(outcome.why()).startsWith("30 pages today");
    }

    /** Sixty quiet days (a count on one early day only), then the activity on each of {@code habitDays} days. */
    private List<RateCheck.Outcome> newDailyHabit(int habitDays) {
        List<RateCheck.Outcome> firstOfDay = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            nextDay();
            if (i == 4) {
                count.add(day, 1);
            }
        }
        for (int i = 0; i < habitDays; i++) {
            nextDay();
            count.add(day, 1);
            firstOfDay.add(RateCheck.check(count, person, 1, "things", 1, 3, true));
        }
        return firstOfDay;
    }

    private static final java.util.regex.Pattern BURST = java.util.regex.Pattern.compile(
            "(\\d+) of the last (\\d+) active days had it; before that (\\d+) of (\\d+) days \\(chance [0-9.e-]+\\)");

    /** Checks a burst outcome against the documented rule, using the k, n and earlier rate it reports. */
    private static void assertConsistentBurst(RateCheck.Outcome outcome) {
        java.util.regex.Matcher m = BURST.matcher(outcome.why());
        assertThat(m.matches()).as(outcome.why()).isTrue();
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        double p = (Integer.parseInt(m.group(3)) + 0.5) / (Integer.parseInt(m.group(4)) + 1.0);
        double tail = RateCheck.binomialTail(k, n, p);
        assertThat(tail).isLessThan(RateCheck.BURST_TAIL);
        assertThat(outcome.factor()).isCloseTo(Math.min(1.0, -Math.log10(tail) / 6), within(1e-12));
    }

    @Test
    void firesABurstWhenAHabitStartsAfterMonthsWithoutIt() {
        List<RateCheck.Outcome> outcomes = newDailyHabit(10);

        List<Integer> fired = firedAt(outcomes);
        assertThat(fired).as("not on the first days of the habit, and every day once it fires")
                .isNotEmpty().doesNotContain(1, 2);
        assertThat(fired.get(0)).isLessThanOrEqualTo(7);
        assertThat(fired).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(fired.get(0), 10).boxed().toList());
        fired.forEach(day -> assertConsistentBurst(outcomes.get(day - 1)));
        assertThat(outcomes.get(9).factor()).as("a long run weighs fully").isEqualTo(1.0);
    }

    @Test
    void doesNotFireABurstForARareDayOrAnEstablishedHabit() {
        assertThat(firedAt(newDailyHabit(2))).isEmpty();

        newPerson();
        history(60, 1);
        nextDay();
        assertThat(firedAt(countUpTo(3, 1, 3, true))).isEmpty();

        newPerson();
        for (int i = 0; i < 90; i++) {
            nextDay();
            if (i % 2 == 0) {
                count.add(day, 1);
            }
        }
        nextDay();
        count.add(day, 1);
        assertThat(RateCheck.check(count, person, 1, "things", 1, 3, true).fired())
                .as("one more day of an every-other-day habit").isFalse();
    }

    @Test
    void computesTheBinomialTail() {
        assertThat(RateCheck.binomialTail(0, 10, 0.3)).isCloseTo(1.0, within(1e-12));
        assertThat(RateCheck.binomialTail(10, 10, 0.5)).isCloseTo(Math.pow(0.5, 10), within(1e-15));
        assertThat(RateCheck.binomialTail(1, 2, 0.5)).isCloseTo(0.75, within(1e-15));
    }
}
