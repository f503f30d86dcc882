package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.custos.core.testkit.Contexts;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final long DAY = 14_610;

    private static Instant at(long day, int hour) {
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L);
    }

    @Test
    void countsActiveDaysBeforeTodayAndTheWarmUp() {
        Person p = new Person("ACM2278", Contexts.empty());
        for (int d = 0; d < 20; d++) {
            p.advanceTo(at(DAY + 2L * d, 9));
            p.advanceTo(at(DAY + 2L * d, 15));
        }
        assertThat(p.activeDaysBefore()).isEqualTo(19);
        assertThat(p.hasBaseline()).isFalse();

        p.advanceTo(at(DAY + 40, 9));

        assertThat(p.activeDaysBefore()).isEqualTo(20);
        assertThat(p.hasBaseline()).isTrue();
        assertThat(p.daysObserved()).isEqualTo(40);
        assertThat(p.today()).isEqualTo(DAY + 40);
    }

    @Test
    void ignoresAnEarlierDayAsTheCurrentOne() {
        Person p = new Person("ACM2278", Contexts.empty());
        p.advanceTo(at(DAY + 1, 9));
        p.advanceTo(at(DAY, 9));

        assertThat(p.today()).isEqualTo(DAY + 1);
        assertThat(p.activeDaysBefore()).isZero();
    }

    @Test
    void countsRecentActiveCalendarDays() {
        Person p = new Person("ACM2278", Contexts.empty());
        for (int d = 0; d < 100; d += 2) {
            p.advanceTo(at(DAY + d, 9));
        }

        assertThat(p.recentActiveDays(10)).as("days 88..97 of 0..98 every other day").isEqualTo(5);
        assertThat(p.recentActiveDays(63)).isEqualTo(31);
        assertThat(p.recentActiveDays(0)).isZero();
    }
}
