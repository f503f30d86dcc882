package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A Team is the smallest unit of the organization chart: its place (business unit, functional unit, department,
 * team name, site), the roles its members hold, its lead, and everyone ever assigned to it.
 */
final class Team {

    private final int businessUnit;
    private final String site;
    private final String functionalUnit;
    private final String department;
    private final String name;
    private final String[] roles;
    private final List<Person> members = new ArrayList<>();
    private Person lead;

    Team(int businessUnit, String site, String functionalUnit, String department, String name, String[] roles) {
        this.businessUnit = businessUnit;
        this.site = site;
        this.functionalUnit = functionalUnit;
        this.department = department;
        this.name = name;
        this.roles = roles;
    }

    int businessUnit() {
        return businessUnit;
    }

    /** The badge site: {@code HQ} for business unit 1, {@code Sub-1} and {@code Sub-2} for the subsidiaries. */
    String site() {
        return site;
    }

    String functionalUnit() {
        return functionalUnit;
    }

    String department() {
        return department;
    }

    String name() {
        return name;
    }

    /** The roles a member of this team may hold. */
    String[] roles() {
        return roles;
    }

    /** Everyone ever assigned to the team, in the order they joined. */
    List<Person> members() {
        return members;
    }

    Person lead() {
        return lead;
    }

    void setLead(Person lead) {
        this.lead = lead;
    }

    /** Members employed on {@code day}. */
    List<Person> activeMembers(int day) {
        List<Person> active = new ArrayList<>();
        for (Person member : members) {
            if (member.employedOn(day) && member.teamOn(day) == this) {
                active.add(member);
            }
        }
        return active;
    }
}
