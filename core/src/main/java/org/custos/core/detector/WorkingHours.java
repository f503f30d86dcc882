package org.custos.core.detector;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * WorkingHours says when the organization works: the zone its local times are in, the hours of the working
 * day, and close of business for originals.
 *
 * @param zone the zone of the organization's local time (sources without a zone, such as CERT, are read as
 *     local times in this zone)
 * @param startHour the first hour of the working day, 0–23
 * @param endHour the hour the working day ends, 1–24
 * @param closeOfBusinessHour the hour by which checked-out originals must be back
 */
public record WorkingHours(ZoneId zone, int startHour, int endHour, int closeOfBusinessHour) {

    /** Checks the hours. */
    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        if (startHour < 0 || startHour > 23 || endHour <= startHour || endHour > 24) {
            throw new IllegalArgumentException("working hours must satisfy 0 <= start < end <= 24, were "
                    + startHour + "-" + endHour);
        }
        if (closeOfBusinessHour < 1 || closeOfBusinessHour > 24) {
            throw new IllegalArgumentException("close of business must be 1-24, was " + closeOfBusinessHour);
        }
    }

    /** 07:00 to 19:00 UTC on weekdays, originals back by 18:00. */
    public static WorkingHours standard() {
        return new WorkingHours(ZoneOffset.UTC, 7, 19, 18);
    }

    /** The local date-time of an instant. */
    public LocalDateTime local(Instant time) {
        return LocalDateTime.ofInstant(time, zone);
    }

    /** The local epoch day of an instant. */
    public long localDay(Instant time) {
        if (zone == ZoneOffset.UTC) {
            return Math.floorDiv(time.getEpochSecond(), 86_400);
        }
        return local(time).toLocalDate().toEpochDay();
    }

    /** True outside the working day or on a weekend. */
    public boolean isAfterHours(Instant time) {
        LocalDateTime t = local(time);
        DayOfWeek d = t.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || t.getHour() < startHour || t.getHour() >= endHour;
    }
}
