package org.custos.simulator;

/**
 * Attendance decides whether and when a person works on a day, from their habits: ordinary days around their
 * usual arrival, evenings for late workers, occasional weekends, business trips, days off, and the night shift.
 */
final class Attendance {

    private final Dice dice;
    private final WorkCalendar calendar;

    Attendance(Dice dice, WorkCalendar calendar) {
        this.dice = dice;
        this.calendar = calendar;
    }

    /** The person's shift on {@code day}, or null when they do not come in. */
    Shift plan(Person person, int day) {
        if (!person.employedOn(day)) {
            return null;
        }
        Habits habits = person.habits();
        long midnight = Timestamps.dayStart(day);
        boolean workday = calendar.isWorkday(day);
        if (habits.nightShift()) {
            if (!workday || dice.chance(habits.absenceProb())) {
                return null;
            }
            long start = midnight + habits.arrival() + (long) dice.gaussian(0, 10 * Timestamps.MINUTE);
            return new Shift(person, day, start, start + 8 * Timestamps.HOUR + dice.between(0, 60) * 60L);
        }
        if (!workday) {
            if (!dice.chance(habits.weekendProb())) {
                return null;
            }
            long start = midnight + dice.between(9 * 60, 14 * 60) * 60L;
            return new Shift(person, day, start, start + dice.between(90, 300) * 60L);
        }
        if (day <= person.awayUntil()) {
            return null;
        }
        if (dice.chance(habits.tripProb())) {
            person.awayThrough(day + dice.between(1, 4));
            return null;
        }
        if (dice.chance(habits.absenceProb())) {
            return null;
        }
        long start = midnight + habits.arrival() + (long) dice.gaussian(0, habits.arrivalJitter());
        long end = start + habits.workLength() + (long) dice.gaussian(0, 25 * Timestamps.MINUTE);
        if (dice.chance(habits.lateProb())) {
            end = Math.max(end, midnight + dice.between(20 * 60, 23 * 60) * 60L);
        }
        return new Shift(person, day, start, end);
    }
}
