package org.custos.simulator;

/**
 * A Shift is one person's time at work on one day: when they badge in and out and which workstation they use.
 * Background activity fills it; a scenario may stretch it or claim its badge exit.
 */
final class Shift {

    private final Person person;
    private final int day;
    private long start;
    private long end;
    private Insider badgeOutOwner;

    Shift(Person person, int day, long start, long end) {
        this.person = person;
        this.day = day;
        this.start = start;
        this.end = end;
    }

    Person person() {
        return person;
    }

    int day() {
        return day;
    }

    /** Second of the logon (the badge swipe comes a few minutes before). */
    long start() {
        return start;
    }

    /** Second of the logoff (the badge swipe comes a few minutes after). */
    long end() {
        return end;
    }

    long length() {
        return end - start;
    }

    /** A second drawn uniformly inside the shift. */
    long anyTime(Dice dice) {
        return start + (long) (dice.unit() * Math.max(1, end - start));
    }

    /** A second drawn uniformly between {@code from} and {@code to} seconds after the start, clamped to the shift. */
    long timeBetween(Dice dice, long from, long to) {
        long low = Math.min(end, start + from);
        long high = Math.min(end, start + to);
        return low + (long) (dice.unit() * Math.max(1, high - low));
    }

    void startAt(long second) {
        this.start = Math.min(second, end - Timestamps.HOUR);
    }

    /** The insider whose scenario the end-of-day badge exit belongs to, or null. */
    Insider badgeOutOwner() {
        return badgeOutOwner;
    }

    void claimBadgeOut(Insider insider) {
        this.badgeOutOwner = insider;
    }
}
