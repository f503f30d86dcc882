package org.custos.simulator;

/**
 * A Scenario is one planted insider's story: planned before day one (who, which days), it adds its malicious rows
 * day by day through {@link #act}, after the day's shifts are planned and before background activity is written.
 * Its rows are recorded for its {@link Insider}, so they make up the answer key.
 */
abstract sealed class Scenario
        permits WikileaksUpload, JobHunt, SabotageAdmin, Snooping, LayoffUpload, DepartedInsider, Collector {

    private final Insider insider;

    Scenario(Insider insider) {
        this.insider = insider;
    }

    Insider insider() {
        return insider;
    }

    Person person() {
        return insider.person();
    }

    /** Adds the scenario's rows for {@code day}; {@code shifts} are everyone's shifts that day (by person index). */
    abstract void act(int day, Shift[] shifts, Workplace place);

    /** The recorder that marks rows as this insider's. */
    Recorder rec(Workplace place) {
        return place.recorder().as(insider);
    }

    /**
     * The person's shift on {@code day}; when the background planned none (a day off, a trip), the person comes in
     * anyway at their usual hours, because the scenario needs them there.
     */
    static Shift presentOn(Person person, int day, Shift[] shifts, Workplace place) {
        Shift shift = shifts[person.index()];
        if (shift == null) {
            Habits habits = person.habits();
            long start = Timestamps.dayStart(day) + habits.arrival()
                    + (long) place.dice().gaussian(0, habits.arrivalJitter());
            shift = new Shift(person, day, start, start + habits.workLength());
            shifts[person.index()] = shift;
        }
        return shift;
    }

    /** The second {@code minutes} after midnight of {@code day}. */
    static long at(int day, int minutes) {
        return Timestamps.dayStart(day) + minutes * 60L;
    }
}
