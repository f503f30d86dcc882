package org.custos.core.detector;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A Person is a detector's view of the person whose event it is observing: who, how long Custos has watched
 * them, and the organization around them.
 *
 * <p>The engine keeps one per person and updates it before each event; detectors read it and never keep it. It is
 * serializable without its organization context, which a runner that restores it from serialized state gives it
 * back with {@link #bind}.
 */
public final class Person implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String user;
    private transient OrgContext org;
    private long firstDay = Long.MIN_VALUE;
    private long currentDay = Long.MIN_VALUE;
    private int activeDays;
    private long recentActive;

    /** A person not yet seen in any event. */
    public Person(String user, OrgContext org) {
        this.user = user;
        this.org = org;
    }

    /** Gives the person the organization context they are observed in (after restoring them from serialized state). */
    public void bind(OrgContext context) {
        this.org = context;
    }

    /** Moves the person's calendar to the day of {@code time}, counting a new active day when it changed. */
    public void advanceTo(Instant time) {
        long day = org.hours().localDay(time);
        if (day > currentDay) {
            if (firstDay == Long.MIN_VALUE) {
                firstDay = day;
            }
            long shift = currentDay == Long.MIN_VALUE ? 64 : day - currentDay;
            recentActive = (shift >= 64 ? 0 : recentActive << shift) | 1;
            currentDay = day;
            activeDays++;
        }
    }

    /** The person's account id. */
    public String user() {
        return user;
    }

    /** The organization's context: directory, working hours, vocabulary, decoys, hosts. */
    public OrgContext org() {
        return org;
    }

    /** The local day (epoch day in the organization's zone) of the event being observed. */
    public long today() {
        return currentDay;
    }

    /** The local date of the event being observed. */
    public LocalDate date() {
        return LocalDate.ofEpochDay(currentDay);
    }

    /** The number of days on which the person had any event before today. */
    public int activeDaysBefore() {
        return Math.max(0, activeDays - 1);
    }

    /** The number of the {@code days} calendar days before today (at most 63) on which the person was active. */
    public int recentActiveDays(int days) {
        long window = days >= 63 ? -2L : ((1L << (days + 1)) - 2);
        return Long.bitCount(recentActive & window);
    }

    /** The number of calendar days since the person's first event. */
    public long daysObserved() {
        return firstDay == Long.MIN_VALUE ? 0 : currentDay - firstDay;
    }

    /** True once the person has enough history for "first ever" and "far above usual" to mean something. */
    public boolean hasBaseline() {
        return activeDaysBefore() >= org.warmUpDays();
    }

    /** The local date-time of an instant in the organization's zone. */
    public LocalDateTime local(Instant time) {
        return org.hours().local(time);
    }
}
