package org.custos.simulator;

import java.util.List;

/**
 * SessionActivity writes the comings and goings of a shift: badge in and out (and out for lunch), logon and
 * logoff on the person's workstation (the logoff is sometimes missing, as in CERT), short sessions on a shared
 * workstation, and IT administrators' logons to other people's machines.
 */
final class SessionActivity {

    private static final double MISSING_LOGOFF = 0.04;

    private final Dice dice;
    private final List<String> staffPcs;

    SessionActivity(Dice dice, List<String> staffPcs) {
        this.dice = dice;
        this.staffPcs = staffPcs;
    }

    void emit(Recorder rec, Shift shift) {
        Person person = shift.person();
        Habits habits = person.habits();
        String site = person.siteOn(shift.day());
        String pc = person.pc();
        rec.badge(shift.start() - dice.between(60, 420), person, site, habits.door(), true);
        rec.logon(shift.start(), person, pc, true);
        if (shift.length() > 6 * Timestamps.HOUR && !habits.nightShift() && dice.chance(habits.lunchOutProb())) {
            long out = Timestamps.dayStart(shift.day()) + dice.between(11 * 60 + 30, 13 * 60) * 60L
                    + dice.between(0, 59);
            if (out > shift.start() && out + Timestamps.HOUR < shift.end()) {
                rec.badge(out, person, site, habits.door(), false);
                rec.badge(out + dice.between(25, 70) * 60L, person, site, habits.door(), true);
            }
        }
        if (dice.chance(0.12) && shift.length() > 3 * Timestamps.HOUR) {
            long off = shift.timeBetween(dice, Timestamps.HOUR, shift.length() - Timestamps.HOUR);
            rec.logon(off, person, pc, false);
            rec.logon(off + dice.between(120, 3600), person, pc, true);
        }
        if (person.sharedPc() != null && dice.chance(0.3)) {
            session(rec, person, person.sharedPc(), shift.anyTime(dice), dice.between(10, 60) * 60L, shift.end());
        }
        if (person.isItAdmin(shift.day())) {
            int hops = dice.between(2, 6);
            for (int i = 0; i < hops; i++) {
                String other = dice.pick(staffPcs);
                if (!other.equals(pc)) {
                    session(rec, person, other, shift.anyTime(dice), dice.between(3, 40) * 60L, shift.end());
                }
            }
        }
        if (!dice.chance(MISSING_LOGOFF)) {
            rec.logon(shift.end(), person, pc, false);
        }
        Recorder exit = rec.as(shift.badgeOutOwner());
        exit.badge(shift.end() + dice.between(60, 420), person, site, habits.door(), false);
    }

    /** A logon and, {@code length} seconds later (but not after {@code latest}), a logoff on {@code pc}. */
    void session(Recorder rec, Person person, String pc, long start, long length, long latest) {
        rec.logon(start, person, pc, true);
        rec.logon(Math.max(start + 30, Math.min(latest, start + length)), person, pc, false);
    }
}
