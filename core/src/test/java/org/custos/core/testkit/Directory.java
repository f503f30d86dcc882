package org.custos.core.testkit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;

/**
 * A Directory builds an {@link Organization} from monthly snapshots: every member is listed in each month of the
 * directory from their first to their last month.
 *
 * <pre>{@code
 * Organization org = Directory.months("2010-01", "2010-06")
 *         .person("ACM2278", p -> p.name("Alice Carter").role("Engineer").supervisor("Bob Boss").until("2010-03"))
 *         .person("BOB0001", p -> p.name("Bob Boss").role("Manager"))
 *         .build();
 * }</pre>
 */
public final class Directory {

    /** The e-mail domain of the organization in tests. */
    public static final String DOMAIN = "dtaa.com";

    private final YearMonth first;
    private final YearMonth last;
    private final Map<String, Member> members = new LinkedHashMap<>();

    private Directory(YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last month " + last + " is before first month " + first);
        }
        this.first = first;
        this.last = last;
    }

    /** A directory with one snapshot for each month from {@code first} to {@code last}. */
    public static Directory months(YearMonth first, YearMonth last) {
        return new Directory(first, last);
    }

    /** A directory with one snapshot for each month, months given as {@code yyyy-mm}. */
    public static Directory months(String first, String last) {
        return months(YearMonth.parse(first), YearMonth.parse(last));
    }

    /** One member's record, written fluently. */
    public static final class Member {
        private final String user;
        private String name = "";
        private String email;
        private String role = "Engineer";
        private List<String> projects = List.of();
        private String subsidiary = "DTAA";
        private String functionalUnit = "Research";
        private String department = "Lab";
        private String team = "Team 1";
        private String supervisor = "";
        private String clearance = "";
        private YearMonth from;
        private YearMonth until;

        private Member(String user) {
            this.user = user;
        }

        /** The full name; also makes the default e-mail {@code first.last@dtaa.com}. */
        public Member name(String name) {
            this.name = name;
            return this;
        }

        /** The work e-mail address. */
        public Member email(String email) {
            this.email = email;
            return this;
        }

        /** The role (peer group). */
        public Member role(String role) {
            this.role = role;
            return this;
        }

        /** The supervisor's full name. */
        public Member supervisor(String name) {
            this.supervisor = name;
            return this;
        }

        /** The projects granted. */
        public Member projects(String... projects) {
            this.projects = Arrays.asList(projects);
            return this;
        }

        /** The subsidiary. */
        public Member subsidiary(String subsidiary) {
            this.subsidiary = subsidiary;
            return this;
        }

        /** The clearance level id. */
        public Member team(String team) {
            this.team = team;
            return this;
        }

        public Member department(String department) {
            this.department = department;
            return this;
        }

        public Member clearance(String clearance) {
            this.clearance = clearance;
            return this;
        }

        /** The first month the member is listed ({@code yyyy-mm}); the directory's first month by default. */
        public Member from(String month) {
            this.from = YearMonth.parse(month);
            return this;
        }

        /** The last month the member is listed ({@code yyyy-mm}); the directory's last month by default. */
        public Member until(String month) {
            this.until = YearMonth.parse(month);
            return this;
        }

        PersonRecord record() {
            String mail = email != null ? email
                    : (name.isBlank() ? user.toLowerCase(Locale.ROOT)
                            : name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", ".")) + "@" + DOMAIN;
            return new PersonRecord(user, name, mail, role, projects, subsidiary, functionalUnit, department, team,
                    supervisor, clearance);
        }
    }

    /** Adds (or changes) a member. */
    public Directory person(String user, Consumer<Member> details) {
        Member m = members.computeIfAbsent(user, Member::new);
        details.accept(m);
        return this;
    }

    /** Adds a member with default details. */
    public Directory person(String user) {
        return person(user, m -> { });
    }

    /** The snapshots, one per month, each listing the members of that month. */
    public List<OrgSnapshot> snapshots() {
        List<OrgSnapshot> snapshots = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, PersonRecord> people = new LinkedHashMap<>();
            for (Member member : members.values()) {
                YearMonth from = member.from == null ? first : member.from;
                YearMonth until = member.until == null ? last : member.until;
                if (!m.isBefore(from) && !m.isAfter(until)) {
                    people.put(member.user, member.record());
                }
            }
            snapshots.add(new OrgSnapshot(m, people));
        }
        return snapshots;
    }

    /** The organization made of the snapshots. */
    public Organization build() {
        return Organization.of(snapshots());
    }

    /** A one-month snapshot of the given records. */
    public static OrgSnapshot snapshot(String month, PersonRecord... records) {
        Map<String, PersonRecord> people = new LinkedHashMap<>();
        for (PersonRecord r : records) {
            people.put(r.user(), r);
        }
        return new OrgSnapshot(YearMonth.parse(month), people);
    }

    /** A record with a name, role and supervisor; e-mail {@code first.last@dtaa.com}. */
    public static PersonRecord record(String user, String name, String role, String supervisor) {
        return new Member(user).name(name).role(role).supervisor(supervisor).record();
    }
}
