package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    @Test
    void knowsTheFederalHolidaysOf2010IncludingObservedOnes() {
        assertThat(LocalDate.of(2010, 1, 1)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 1, 18)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 2, 15)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 5, 31)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 7, 5)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 9, 6)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 10, 11)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 11, 11)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 11, 25)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 12, 24)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 12, 31)).matches(WorkCalendar::isFederalHoliday);
        assertThat(LocalDate.of(2010, 7, 6)).matches(d -> !WorkCalendar.isFederalHoliday(d));
    }

    @Test
    void weekendsAndHolidaysAreNotWorkdays() {
        WorkCalendar calendar = new WorkCalendar(new Timestamps(LocalDate.of(2010, 1, 4), 60), 60);
        assertThat(calendar.isWorkday(0)).isTrue();
        assertThat(calendar.isWorkday(5)).isFalse();
        assertThat(calendar.isWorkday(6)).isFalse();
        assertThat(calendar.isWorkday(14)).as("Martin Luther King Day").isFalse();
        assertThat(calendar.nextWorkday(5)).isEqualTo(7);
        assertThat(calendar.nextWorkday(13)).isEqualTo(15);
    }
}
