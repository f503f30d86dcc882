package org.custos.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

/**
 * The Roster writes who is who: one LDAP snapshot per month of the simulation ({@code LDAP/YYYY-MM.csv}, CERT
 * columns plus Custos' {@code clearance}) and {@code psychometric.csv}.
 *
 * <p>A person is in a month's snapshot when their employment overlaps the simulated part of that month; the
 * position shown is the one held on the last such day, so a role or team change shows from the month it happens
 * in, and a departed person is absent from every month after the one they left in.
 */
final class Roster {

    static final String LDAP_HEADER =
            "employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor,"
                    + "clearance";
    static final String PSYCHOMETRIC_HEADER = "employee_name,user_id,O,C,E,A,N";

    private final Organization org;
    private final LocalDate start;
    private final int days;
    private final DataLayout layout;

    Roster(Organization org, LocalDate start, int days, DataLayout layout) {
        this.org = org;
        this.start = start;
        this.days = days;
        this.layout = layout;
    }

    /** Writes {@code LDAP/YYYY-MM.csv} for every month the simulation touches; returns how many. */
    int writeLdap(Path ldapDirectory) throws IOException {
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(start.plusDays(days - 1L));
        int files = 0;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            int from = Math.max(0, (int) ChronoUnit.DAYS.between(start, month.atDay(1)));
            int to = Math.min(days - 1, (int) ChronoUnit.DAYS.between(start, month.atEndOfMonth()));
            try (BufferedWriter out = Files.newBufferedWriter(ldapDirectory.resolve(month + ".csv"),
                    StandardCharsets.UTF_8)) {
                out.write(switch (layout) {
                    case CUSTOS -> LDAP_HEADER;
                    case CERT_R62 -> LDAP_HEADER.substring(0, LDAP_HEADER.lastIndexOf(','));
                    case CERT_R42 -> LDAP_HEADER.substring(0, LDAP_HEADER.lastIndexOf(',')).replace(",projects", "");
                });
                out.write('\n');
                for (Person person : org.people()) {
                    if (person.hireDay() <= to && person.leaveDay() >= from) {
                        out.write(ldapRow(person, Math.min(to, person.leaveDay()), layout));
                        out.write('\n');
                    }
                }
            }
            files++;
        }
        return files;
    }

    /** Writes {@code psychometric.csv}: everyone ever employed, in the order they were hired. */
    void writePsychometric(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(PSYCHOMETRIC_HEADER);
            out.write('\n');
            for (Person person : org.people()) {
                int[] scores = person.personality();
                out.write(Csv.line(person.name(), person.userId(), Integer.toString(scores[0]),
                        Integer.toString(scores[1]), Integer.toString(scores[2]), Integer.toString(scores[3]),
                        Integer.toString(scores[4])));
                out.write('\n');
            }
        }
    }

    private static String ldapRow(Person person, int day, DataLayout layout) {
        Assignment position = person.assignmentOn(day);
        Team team = position.team();
        StringJoiner projects = new StringJoiner(";");
        person.projects().forEach(project -> projects.add(project.name()));
        String supervisor = position.supervisor() == null ? "" : position.supervisor().name();
        String unit = Integer.toString(team.businessUnit());
        return switch (layout) {
            case CUSTOS -> Csv.line(person.name(), person.userId(), person.email(), position.role(),
                    projects.toString(), unit, team.functionalUnit(), team.department(), team.name(), supervisor,
                    person.clearance());
            case CERT_R62 -> Csv.line(person.name(), person.userId(), person.email(), position.role(),
                    projects.toString(), unit, team.functionalUnit(), team.department(), team.name(), supervisor);
            case CERT_R42 -> Csv.line(person.name(), person.userId(), person.email(), position.role(), unit,
                    team.functionalUnit(), team.department(), team.name(), supervisor);
        };
    }
}
