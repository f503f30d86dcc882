package org.custos.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * A WorkCalendar tells which simulation days are working days: Monday to Friday except US federal holidays
 * (observed on the Friday before or Monday after when they fall on a weekend).
 */
final class WorkCalendar {

    private final Timestamps timestamps;
    private final boolean[] workdays;

    WorkCalendar(Timestamps timestamps, int days) {
        this.timestamps = timestamps;
        this.workdays = new boolean[days + 3];
        for (int day = 0; day < workdays.length; day++) {
            LocalDate date = timestamps.date(day);
            DayOfWeek dow = date.getDayOfWeek();
            workdays[day] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isFederalHoliday(date);
        }
    }

    /** Whether the day is a working day; days past the end count as ordinary weekdays. */
    boolean isWorkday(int day) {
        if (day < 0) {
            return false;
        }
        return day < workdays.length ? workdays[day] : true;
    }

    /** The first working day at or after {@code day}. */
    int nextWorkday(int day) {
        int d = day;
        while (!isWorkday(d)) {
            d++;
        }
        return d;
    }

    /** The date of a simulation day. */
    LocalDate date(int day) {
        return timestamps.date(day);
    }

    /** Whether the date is a (observed) US federal holiday. */
    static boolean isFederalHoliday(LocalDate date) {
        int year = date.getYear();
        LocalDate[] holidays = {
                observed(LocalDate.of(year, Month.JANUARY, 1)),
                observed(LocalDate.of(year + 1, Month.JANUARY, 1)),
                nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3),
                nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3),
                LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                observed(LocalDate.of(year, Month.JULY, 4)),
                nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1),
                nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2),
                observed(LocalDate.of(year, Month.NOVEMBER, 11)),
                nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4),
                observed(LocalDate.of(year, Month.DECEMBER, 25)),
        };
        for (LocalDate holiday : holidays) {
            if (holiday.equals(date)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }
}
