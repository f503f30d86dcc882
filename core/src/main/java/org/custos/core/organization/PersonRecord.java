package org.custos.core.organization;

import java.util.List;
import java.util.Objects;

/**
 * A PersonRecord is what the directory (a monthly LDAP snapshot) says about one person in one month.
 *
 * @param user the account id, the key every event carries
 * @param name the person's full name
 * @param email the person's work e-mail address
 * @param role the job role; people with the same role form a peer group
 * @param projects the projects (compartments) the person is granted need-to-know for
 * @param subsidiary the business unit or subsidiary the person works for
 * @param functionalUnit the functional unit
 * @param department the department
 * @param team the team
 * @param supervisor the supervisor's name as the directory gives it; empty at the top
 * @param clearance the person's clearance level id in the configured scheme; empty when none is recorded
 */
public record PersonRecord(String user, String name, String email, String role, List<String> projects,
        String subsidiary, String functionalUnit, String department, String team, String supervisor,
        String clearance) {

    /** Checks the account id and replaces absent optional fields with empty values. */
    public PersonRecord {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        name = orEmpty(name);
        email = orEmpty(email);
        role = orEmpty(role);
        projects = projects == null ? List.of() : List.copyOf(projects);
        subsidiary = orEmpty(subsidiary);
        functionalUnit = orEmpty(functionalUnit);
        department = orEmpty(department);
        team = orEmpty(team);
        supervisor = orEmpty(supervisor);
        clearance = orEmpty(clearance);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The unit a person belongs to for peer comparison: subsidiary, functional unit and department. */
    public String unit() {
        return subsidiary + "/" + functionalUnit + "/" + department;
    }
}
