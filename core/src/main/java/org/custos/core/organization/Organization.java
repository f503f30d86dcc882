package org.custos.core.organization;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An Organization is the directory over time: monthly snapshots of people, their roles, units,
 * subsidiaries, supervisors, projects and clearances, from which employment periods and peer groups follow.
 *
 * <p>A person's record for a day is the snapshot of that day's month, or the latest earlier one. A person
 * who is missing from the last snapshot departed at the end of the last month they appear in; an explicit
 * departure date (from the personnel feed) overrides that.
 */
public final class Organization {

    private final TreeMap<YearMonth, OrgSnapshot> snapshots = new TreeMap<>();
    private final Map<String, YearMonth> firstMonth = new HashMap<>();
    private final Map<String, YearMonth> lastMonth = new HashMap<>();
    private final Map<String, LocalDate> explicitDeparture = new HashMap<>();
    private final Map<String, String> userByName = new HashMap<>();
    private final Set<String> workDomains = new HashSet<>();
    private final Map<String, UnitDepartures> departuresMemo = new HashMap<>();
    private final Map<String, long[]> leavingMemo = new HashMap<>();

    /** An empty organization: every lookup answers "unknown" until snapshots are added. */
    public Organization() {
    }

    /** Builds an organization from snapshots in any order. */
    public static Organization of(Collection<OrgSnapshot> snapshots) {
        Organization org = new Organization();
        snapshots.forEach(org::add);
        return org;
    }

    /** Adds (or replaces) the snapshot for its month. */
    public void add(OrgSnapshot snapshot) {
        snapshots.put(snapshot.month(), snapshot);
        departuresMemo.clear();
        leavingMemo.clear();
        for (PersonRecord p : snapshot.people().values()) {
            firstMonth.merge(p.user(), snapshot.month(), (a, b) -> a.isBefore(b) ? a : b);
            lastMonth.merge(p.user(), snapshot.month(), (a, b) -> a.isAfter(b) ? a : b);
            if (!p.name().isEmpty()) {
                userByName.put(p.name(), p.user());
            }
            int at = p.email().lastIndexOf('@');
            if (at >= 0) {
                workDomains.add(p.email().substring(at + 1).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Records a departure date given by the personnel feed; it overrides the one inferred from snapshots. */
    public void recordDeparture(String user, LocalDate day) {
        explicitDeparture.put(user, day);
    }

    /** The snapshots, oldest month first. */
    public List<OrgSnapshot> snapshots() {
        return List.copyOf(snapshots.values());
    }

    /** The departure dates given by the personnel feed, by account id (not the ones inferred from snapshots). */
    public Map<String, LocalDate> recordedDepartures() {
        return Map.copyOf(explicitDeparture);
    }

    /** True when no snapshot has been added. */
    public boolean isEmpty() {
        return snapshots.isEmpty();
    }

    /** The months covered by snapshots, oldest first. */
    public List<YearMonth> months() {
        return new ArrayList<>(snapshots.keySet());
    }

    /** Every account id that appears in any snapshot, sorted. */
    public List<String> users() {
        return firstMonth.keySet().stream().sorted().toList();
    }

    /** True when the account appears in at least one snapshot. */
    public boolean knows(String user) {
        return firstMonth.containsKey(user);
    }

    /** The e-mail domains of the organization's own staff, as seen in the directory. */
    public Set<String> workDomains() {
        return Set.copyOf(workDomains);
    }

    /** The person's record on a day: that month's snapshot or the latest earlier one that lists them. */
    public Optional<PersonRecord> recordOn(String user, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        for (var entry = snapshots.floorEntry(month); entry != null; entry = snapshots.lowerEntry(entry.getKey())) {
            PersonRecord p = entry.getValue().people().get(user);
            if (p != null) {
                return Optional.of(p);
            }
        }
        YearMonth first = firstMonth.get(user);
        return first == null ? Optional.empty() : Optional.ofNullable(snapshots.get(first).people().get(user));
    }

    /** The latest record of a person in any snapshot. */
    public Optional<PersonRecord> latestRecord(String user) {
        YearMonth last = lastMonth.get(user);
        return last == null ? Optional.empty() : Optional.ofNullable(snapshots.get(last).people().get(user));
    }

    /** The person's employment period; empty for an account that no snapshot lists. */
    public Optional<EmploymentPeriod> employment(String user) {
        YearMonth first = firstMonth.get(user);
        if (first == null) {
            return Optional.empty();
        }
        LocalDate explicit = explicitDeparture.get(user);
        if (explicit != null) {
            return Optional.of(new EmploymentPeriod(first.atDay(1), Optional.of(explicit)));
        }
        YearMonth last = lastMonth.get(user);
        boolean stillListed = last.equals(snapshots.lastKey());
        return Optional.of(new EmploymentPeriod(first.atDay(1),
                stillListed ? Optional.empty() : Optional.of(last.atEndOfMonth())));
    }

    /** The account id of the person's supervisor on a day, resolved from the supervisor's name. */
    public Optional<String> supervisorOn(String user, LocalDate day) {
        return recordOn(user, day).map(PersonRecord::supervisor).map(userByName::get);
    }

    /** The peer group of a person on a day: their role, or {@code "unknown"} for an unlisted account. */
    public String peerGroupOn(String user, LocalDate day) {
        return recordOn(user, day).map(PersonRecord::role).filter(r -> !r.isEmpty()).orElse("unknown");
    }

    /** The number of people listed in the latest snapshot (the current head count). */
    public int headCount() {
        return snapshots.isEmpty() ? 0 : snapshots.lastEntry().getValue().people().size();
    }

    /** Every distinct role in any snapshot, sorted. */
    public List<String> roles() {
        Set<String> roles = new HashSet<>();
        snapshots.values().forEach(s -> s.people().values().forEach(p -> roles.add(p.role())));
        return roles.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * How many people left the person's team, and their department, between the previous month's snapshot and
     * {@code month}'s: those listed in the unit in the previous snapshot and in no unit of this one. Known from the
     * first day of {@code month}. Empty when either snapshot is missing or does not list the person.
     *
     * @return the team's and the department's departures, team first
     */
    public List<UnitDepartures> departuresBefore(String user, YearMonth month) {
        OrgSnapshot now = snapshots.get(month);
        OrgSnapshot before = snapshots.get(month.minusMonths(1));
        PersonRecord p = now == null ? null : now.people().get(user);
        if (before == null || p == null) {
            return List.of();
        }
        List<UnitDepartures> result = new ArrayList<>(2);
        if (!p.team().isEmpty()) {
            result.add(departures(before, now, "team", p.unit() + "/" + p.team(),
                    r -> (r.unit() + "/" + r.team())));
        }
        if (!p.department().isEmpty()) {
            result.add(departures(before, now, "department", p.unit(), PersonRecord::unit));
        }
        return result;
    }

    /**
     * How many of the person's team, and department, leave within {@code days} days from {@code day} by the
     * directory: members of the unit in the snapshot in force on {@code day} whose last listed month ends in
     * {@code [day, day + days]} (the person themself not counted). In a batch run, where every snapshot is loaded
     * first, this is known as soon as the unit is told; in a live stream, once a snapshot no longer lists them.
     * Empty when no snapshot in force lists the person.
     *
     * @return the team's and the department's coming departures, team first
     */
    public List<UnitDepartures> departuresWithin(String user, LocalDate day, int days) {
        var entry = snapshots.floorEntry(YearMonth.from(day));
        PersonRecord p = entry == null ? null : entry.getValue().people().get(user);
        if (p == null) {
            return List.of();
        }
        OrgSnapshot now = entry.getValue();
        long from = day.toEpochDay();
        long to = from + days;
        LocalDate own = employment(user).flatMap(EmploymentPeriod::end).orElse(null);
        int self = own != null && own.toEpochDay() >= from && own.toEpochDay() <= to ? 1 : 0;
        List<UnitDepartures> result = new ArrayList<>(2);
        if (!p.team().isEmpty()) {
            long[] ends = leaving(now, "team", p.unit() + "/" + p.team(), r -> (r.unit() + "/" + r.team()));
            result.add(new UnitDepartures("team", p.unit() + "/" + p.team(), YearMonth.from(day), (int) ends[0],
                    countIn(ends, from, to) - self));
        }
        if (!p.department().isEmpty()) {
            long[] ends = leaving(now, "department", p.unit(), PersonRecord::unit);
            result.add(new UnitDepartures("department", p.unit(), YearMonth.from(day), (int) ends[0],
                    countIn(ends, from, to) - self));
        }
        return result;
    }

    /** The unit's size in the snapshot, then the sorted end days of its members who leave later. */
    private long[] leaving(OrgSnapshot now, String level, String unit,
            java.util.function.Function<PersonRecord, String> unitOf) {
        return leavingMemo.computeIfAbsent(now.month() + "|" + level + "|" + unit, k -> {
            List<Long> ends = new ArrayList<>();
            int members = 0;
            YearMonth lastSnapshot = snapshots.lastKey();
            for (PersonRecord r : now.people().values()) {
                if (unit.equals(unitOf.apply(r))) {
                    members++;
                    YearMonth last = lastMonth.get(r.user());
                    if (last != null && !last.equals(lastSnapshot)) {
                        ends.add(last.atEndOfMonth().toEpochDay());
                    }
                }
            }
            long[] result = new long[ends.size() + 1];
            result[0] = members;
            for (int i = 0; i < ends.size(); i++) {
                result[i + 1] = ends.get(i);
            }
            java.util.Arrays.sort(result, 1, result.length);
            return result;
        });
    }

    private static int countIn(long[] ends, long from, long to) {
        int count = 0;
        for (int i = 1; i < ends.length; i++) {
            if (ends[i] >= from && ends[i] <= to) {
                count++;
            }
        }
        return count;
    }

    private UnitDepartures departures(OrgSnapshot before, OrgSnapshot now, String level, String unit,
            java.util.function.Function<PersonRecord, String> unitOf) {
        return departuresMemo.computeIfAbsent(now.month() + "|" + level + "|" + unit, k -> {
            int members = 0;
            int left = 0;
            for (PersonRecord r : before.people().values()) {
                if (unit.equals(unitOf.apply(r))) {
                    members++;
                    if (!now.people().containsKey(r.user())) {
                        left++;
                    }
                }
            }
            return new UnitDepartures(level, unit, now.month(), members, left);
        });
    }

    /**
     * People who left a unit in the month before {@code month} (or, from {@link #departuresWithin}, who leave
     * within the window from a day in {@code month}).
     *
     * @param level {@code team} or {@code department}
     * @param unit the unit's name (subsidiary/functional unit/department[/team])
     * @param month the month whose snapshot no longer lists them
     * @param members the unit's size in the previous month's snapshot
     * @param left how many of them are in no unit of {@code month}'s snapshot
     */
    public record UnitDepartures(String level, String unit, YearMonth month, int members, int left) {
    }
}
