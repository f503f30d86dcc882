package org.custos.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DailyCountTest {

    private static final long DAY = 14_610;

    /** A count with one past day per given value (each folded by the next day's add). */
    private static DailyCount withDays(int... perDay) {
        DailyCount c = new DailyCount();
        long d = DAY;
        for (int n : perDay) {
            c.add(d++, n);
        }
        c.add(d, 0);
        return c;
    }

    @Test
    void answersZeroForAnyQuantileWithoutHistory() {
        DailyCount c = new DailyCount();

        assertThat(c.quantile(0, 0.95)).isZero();
        assertThat(c.quantile(30, 0.95)).isZero();
        assertThat(c.dayRate(0)).isZero();
        assertThat(c.neverBefore()).isTrue();
    }

    @Test
    void foldsTheCurrentDayIntoHistoryWhenTheDayChanges() {
        DailyCount c = new DailyCount();
        assertThat(c.add(DAY, 2)).isEqualTo(2);
        assertThat(c.add(DAY, 3)).isEqualTo(5);
        assertThat(c.daysWithCount()).as("today is not history yet").isZero();

        assertThat(c.add(DAY + 1, 1)).isEqualTo(1);

        assertThat(c.today()).isEqualTo(1);
        assertThat(c.daysWithCount()).isEqualTo(1);
        assertThat(c.total()).isEqualTo(5);
        assertThat(c.max()).isEqualTo(5);
    }

    @Test
    void countsAnEarlierDayAsTheCurrentOne() {
        DailyCount c = new DailyCount();
        c.add(DAY + 1, 1);

        assertThat(c.add(DAY, 4)).isEqualTo(5);
        assertThat(c.daysWithCount()).isZero();
    }

    @Test
    void keepsNoHistoryForDaysWithoutAnyCount() {
        DailyCount c = new DailyCount();
        c.add(DAY, 0);
        c.add(DAY + 1, 0);
        c.add(DAY + 2, 0);

        assertThat(c.neverBefore()).isTrue();
        assertThat(c.daysWithCount()).isZero();
    }

    @Test
    void isNeverBeforeUntilADayWithACountIsFolded() {
        DailyCount c = new DailyCount();
        c.add(DAY, 1);
        assertThat(c.neverBefore()).as("the first day is still today").isTrue();

        c.add(DAY + 1, 0);

        assertThat(c.neverBefore()).isFalse();
    }

    @Test
    void readsQuantilesAsTheUpperBoundOfAPowerOfTwoBucketCappedAtTheMaximum() {
        assertThat(withDays(1).quantile(1, 0.95)).isEqualTo(1);
        assertThat(withDays(2).quantile(1, 0.95)).as("bucket 2-3, max 2").isEqualTo(2);
        assertThat(withDays(2, 3).quantile(2, 0.95)).isEqualTo(3);
        assertThat(withDays(4, 9).quantile(2, 0.5)).as("bucket 4-7").isEqualTo(7);
        assertThat(withDays(3, 100).quantile(2, 0.5)).as("bucket 2-3").isEqualTo(3);
        assertThat(withDays(3, 100).quantile(2, 0.95)).as("bucket 64-127, capped at max").isEqualTo(100);
    }

    @Test
    void countsActiveDaysWithoutAnyAsZeros() {
        DailyCount c = withDays(4);

        assertThat(c.quantile(10, 0.5)).as("9 of 10 active days had none").isZero();
        assertThat(c.quantile(10, 0.95)).isEqualTo(4);
        assertThat(c.dayRate(10)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void neverCountsFewerDaysThanThoseWithACount() {
        DailyCount c = withDays(5, 5, 5);

        assertThat(c.quantile(0, 0.5)).isEqualTo(5);
        assertThat(c.dayRate(1)).isEqualTo(1.0);
    }

    @Test
    void capsLargeCountsAtTheMaximumSeen() {
        DailyCount c = withDays(20_000);

        assertThat(c.quantile(1, 0.95)).isEqualTo(20_000);
        assertThat(c.max()).isEqualTo(20_000);
    }

    @Test
    void treatsTheTopBucketAsOpenEnded() {
        DailyCount c = withDays(1_000_000);

        assertThat(c.quantile(1, 0.95)).isEqualTo(1_000_000);
    }
}
