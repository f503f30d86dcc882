package org.custos.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertThresholdTest {

    private static final AlertBudget ONE_PER_THOUSAND = new AlertBudget(1, 70, 25);

    /** Feeds {@code weeks} weeks in which {@code peaks[i]} is one person's best score that week. */
    private static AlertThreshold after(int weeks, int people, double... peaks) {
        AlertThreshold t = new AlertThreshold(ONE_PER_THOUSAND, 35);
        for (int w = 0; w < weeks; w++) {
            t.startWeek(w, people);
            for (double p : peaks) {
                t.peakRose(-1, p);
            }
        }
        t.startWeek(weeks, people);
        return t;
    }

    @Test
    void keepsTheStartingThresholdUntilFourWeeksOfHistory() {
        assertThat(after(3, 1000, 90, 80, 60).current()).isEqualTo(35);
    }

    @Test
    void risesInANoisyOrganizationSoOnlyTheBudgetWouldCross() {
        AlertThreshold t = after(6, 2000, 55, 50, 45, 40, 30, 20);
        assertThat(t.current()).as("two per week allowed for 2,000 people: just above the third-highest peak")
                .isEqualTo(45.5);
    }

    @Test
    void fallsToTheFloorInAQuietOrganization() {
        assertThat(after(6, 1000, 12, 8, 3).current()).isEqualTo(25);
    }

    @Test
    void neverRisesAboveTheUrgentScore() {
        assertThat(after(6, 1000, 99, 98, 97, 96).current()).isEqualTo(70);
    }

    @Test
    void aPeakThatRisesWithinTheWeekCountsOnce() {
        AlertThreshold t = new AlertThreshold(ONE_PER_THOUSAND, 35);
        for (int w = 0; w < 6; w++) {
            t.startWeek(w, 1000);
            t.peakRose(-1, 30);
            t.peakRose(30, 44);
            t.peakRose(-1, 40);
        }
        t.startWeek(6, 1000);
        assertThat(t.current()).as("one per week allowed: just above the 40 peak, so only the 44 would cross")
                .isEqualTo(40.5);
    }

    @Test
    void forgetsWeeksOlderThanTheTrailingWindow() {
        AlertThreshold t = new AlertThreshold(ONE_PER_THOUSAND, 35);
        for (int w = 0; w < 20; w++) {
            t.startWeek(w, 1000);
            if (w < 10) {
                t.peakRose(-1, 60);
                t.peakRose(-1, 65);
            }
        }
        t.startWeek(20, 1000);
        assertThat(t.current()).isEqualTo(25);
    }
}
