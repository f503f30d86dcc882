package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Staffing is the personnel timeline ({@code personnel.csv}) and the changes to the organization behind it: about
 * 1 % of staff leave each month (most resign with notice, some are terminated) and are replaced by new hires a few
 * weeks later, some people change role or team, a team now and then is hit by layoffs, and a few innocent people
 * suffer stressors (an investment loss, a performance plan, rarely a court judgment). Scenarios add their own
 * events through {@link #add} and {@link #depart}.
 *
 * <p>The whole timeline is planned before day one so that LDAP snapshots and scenarios can see who is employed when;
 * the rows are written day by day by {@link #emit}.
 */
final class Staffing {

    static final String HIRE = "hire";
    static final String DEPARTURE = "departure";
    static final String RESIGNATION = "resignation";
    static final String TERMINATION = "termination";
    static final String COURT_DEFAULTER = "court-defaulter";
    static final String ACCOUNTS_FROZEN = "accounts-frozen";
    static final String INVESTMENT_LOSS = "investment-loss";
    static final String PERFORMANCE_PLAN = "performance-plan";
    static final String LAYOFF = "layoff";
    static final String ACCESS_REVOKED = "access-revoked";

    private static final double MONTHLY_TURNOVER = 0.01;
    private static final double MONTHLY_ROLE_CHANGE = 0.01;
    private static final double YEARLY_STRESSOR = 0.02;
    private static final double WORKDAYS_PER_MONTH = 21;
    private static final double WORKDAYS_PER_YEAR = 250;

    private record Entry(long second, Person person, String event, String details, Insider insider) {
    }

    private final Organization org;
    private final WorkCalendar calendar;
    private final Dice dice;
    private final int days;
    private final List<List<Entry>> byDay;

    private Staffing(Organization org, WorkCalendar calendar, Dice dice, int days) {
        this.org = org;
        this.calendar = calendar;
        this.dice = dice;
        this.days = days;
        this.byDay = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            byDay.add(new ArrayList<>());
        }
    }

    /** Plans turnover, role changes, innocent layoffs and stressors over the whole simulation. */
    static Staffing plan(Organization org, WorkCalendar calendar, Dice dice, int days) {
        Staffing staffing = new Staffing(org, calendar, dice, days);
        List<Integer> layoffDays = new ArrayList<>();
        for (int i = 0; i < days / 365; i++) {
            layoffDays.add(dice.between(60, days - 30));
        }
        for (int day = 0; day < days; day++) {
            if (!calendar.isWorkday(day)) {
                continue;
            }
            if (layoffDays.contains(day)) {
                staffing.innocentLayoff(day);
            }
            List<Person> people = org.people();
            for (int i = 0, n = people.size(); i < n; i++) {
                staffing.maybeChange(people.get(i), day);
            }
        }
        return staffing;
    }

    private void maybeChange(Person person, int day) {
        if (!person.employedOn(day) || person.leaveDay() != Person.NEVER || person.leader()) {
            return;
        }
        if (day - person.hireDay() > 60 && dice.chance(MONTHLY_TURNOVER / WORKDAYS_PER_MONTH)) {
            if (dice.chance(0.85)) {
                int last = calendar.nextWorkday(day + dice.between(10, 20));
                add(day, dice.between(9 * 60, 16 * 60) * 60, person, RESIGNATION,
                        "Resignation submitted; last day " + calendar.date(last));
                depart(person, last, "Last day; resigned", true);
            } else {
                add(day, dice.between(10 * 60, 15 * 60) * 60, person, TERMINATION,
                        "Employment terminated for cause (" + dice.pick(new String[] {"attendance", "performance",
                                "policy violation"}) + ")");
                depart(person, day, "Last day; terminated", true);
            }
        } else if (dice.chance(MONTHLY_ROLE_CHANGE / WORKDAYS_PER_MONTH)) {
            changeRole(person, day);
        } else if (dice.chance(YEARLY_STRESSOR / WORKDAYS_PER_YEAR)) {
            add(day, dice.between(9 * 60, 17 * 60) * 60, person, INVESTMENT_LOSS,
                    "Reported heavy personal investment losses (about " + dice.between(2, 9) * 10
                            + " thousand) to the security office");
        } else if (dice.chance(YEARLY_STRESSOR / WORKDAYS_PER_YEAR)) {
            add(day, dice.between(9 * 60, 17 * 60) * 60, person, PERFORMANCE_PLAN,
                    "Placed on a 90-day performance improvement plan");
        } else if (dice.chance(0.002 / WORKDAYS_PER_YEAR)) {
            add(day, dice.between(9 * 60, 17 * 60) * 60, person, COURT_DEFAULTER,
                    "Listed as a judgment defaulter over an unpaid civil debt");
        }
    }

    /** Moves the person to another team of their department or gives them another role of their team. */
    private void changeRole(Person person, int day) {
        Assignment current = person.assignmentOn(day);
        Team team = current.team();
        List<Assignment> options = new ArrayList<>();
        for (Team other : org.teams()) {
            if (other != team && other.businessUnit() == team.businessUnit()
                    && other.department().equals(team.department()) && other.lead() != null) {
                options.add(new Assignment(day, current.role(), other, other.lead()));
            }
        }
        for (String role : team.roles()) {
            if (!role.equals(current.role()) && options.stream().noneMatch(a -> a.role().equals(role))) {
                options.add(new Assignment(day, role, team, current.supervisor()));
            }
        }
        if (!options.isEmpty()) {
            Assignment next = dice.pick(options);
            if (next.team() != team) {
                next.team().members().add(person);
            }
            person.assign(next);
        }
    }

    private void innocentLayoff(int day) {
        List<Team> candidates = new ArrayList<>();
        for (Team team : org.teams()) {
            if (team.activeMembers(day).size() >= 5 && !team.department().endsWith("InformationTechnology")) {
                candidates.add(team);
            }
        }
        if (!candidates.isEmpty()) {
            layoff(dice.pick(candidates), day, 0.4, null);
        }
    }

    /**
     * Announces layoffs to every active member of {@code team} on {@code day}; about {@code share} of the members
     * who are not leads (never {@code keep}) leave two to six weeks later without replacement.
     */
    List<Person> layoff(Team team, int day, double share, Person keep) {
        List<Person> leaving = new ArrayList<>();
        String details = "Restructuring of " + team.department() + " / " + team.name()
                + ": positions in the team are being cut";
        for (Person member : team.activeMembers(day)) {
            add(day, 10 * Timestamps.HOUR + dice.between(0, 30) * 60, member, LAYOFF, details);
            if (member != keep && !member.leader() && member.leaveDay() == Person.NEVER && dice.chance(share)) {
                depart(member, calendar.nextWorkday(day + dice.between(14, 42)), "Last day; laid off", false);
                leaving.add(member);
            }
        }
        return leaving;
    }

    /**
     * Ends {@code person}'s employment after {@code lastDay}: a departure and an access-revocation row that day and,
     * when {@code replace}, a new hire into the same team and workstation a few weeks later.
     */
    void depart(Person person, int lastDay, String details, boolean replace) {
        person.leaveOn(lastDay);
        int at = dice.between(16 * 60, 17 * 60 + 30) * 60;
        add(lastDay, at, person, DEPARTURE, details);
        add(lastDay, at + dice.between(20, 90) * 60, person, ACCESS_REVOKED,
                "Network account, badge and remote access disabled");
        if (replace) {
            int hireDay = calendar.nextWorkday(lastDay + dice.between(7, 40));
            if (hireDay < days) {
                Assignment position = person.assignmentOn(lastDay);
                Person hire = org.hire(position.team(), position.role(), hireDay, person.pc());
                add(hireDay, dice.between(8 * 60, 9 * 60) * 60, hire, HIRE, "Hired as " + position.role() + " in "
                        + position.team().department() + " / " + position.team().name());
            }
        }
    }

    /** Adds a personnel row at {@code secondOfDay} on {@code day}. */
    void add(int day, int secondOfDay, Person person, String event, String details) {
        add(day, secondOfDay, person, event, details, null);
    }

    /**
     * Adds a personnel row planted for {@code insider}'s scenario. Personnel rows are context (a stressor, a
     * departure), not malicious acts, so they are written like anyone's and stay out of the answer key: a
     * scenario starts with its insider's first malicious event.
     */
    void add(int day, int secondOfDay, Person person, String event, String details, Insider insider) {
        if (day >= 0 && day < days) {
            byDay.get(day).add(new Entry(Timestamps.dayStart(day) + secondOfDay, person, event, details, insider));
        }
    }

    /** Writes the day's personnel rows. */
    void emit(int day, Recorder rec) {
        for (Entry entry : byDay.get(day)) {
            rec.as(null).personnel(entry.second(), entry.person(), entry.event(), entry.details());
        }
        byDay.set(day, List.of());
    }
}
