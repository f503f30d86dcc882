package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A Person is one member of staff: identity (name, user id, addresses), workstation, habits, employment period,
 * positions over time, clearance and projects, personality scores and working documents.
 *
 * <p>Employment is the closed range {@code hireDay..leaveDay} of simulation days; people on staff before the
 * simulation have a negative hire day, people who never leave have {@link Integer#MAX_VALUE}.
 */
final class Person {

    static final int NEVER = Integer.MAX_VALUE;

    private final int index;
    private final String name;
    private final String userId;
    private final String email;
    private final String personalEmail;
    private final List<String> friends;
    private final List<String> businessContacts;
    private final String pc;
    private Habits habits;
    private final int[] personality;
    private final List<Assignment> assignments = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();
    private final List<WebCatalog.Site> favouriteSites = new ArrayList<>();
    private String sharedPc;
    private String clearance = "";
    private final int hireDay;
    private int leaveDay = NEVER;
    private int awayUntil = -1;
    private boolean leader;
    private boolean inScenario;

    Person(int index, String name, String userId, String email, String personalEmail, List<String> friends,
           List<String> businessContacts, String pc, Habits habits, int[] personality, int hireDay) {
        this.index = index;
        this.name = name;
        this.userId = userId;
        this.email = email;
        this.personalEmail = personalEmail;
        this.friends = friends;
        this.businessContacts = businessContacts;
        this.pc = pc;
        this.habits = habits;
        this.personality = personality;
        this.hireDay = hireDay;
    }

    /** Position in the organization's list of everyone ever employed. */
    int index() {
        return index;
    }

    /** Employee name, {@code First Middle Last}. */
    String name() {
        return name;
    }

    String userId() {
        return userId;
    }

    /** Work address, {@code First.M.Last@dtaa.com}. */
    String email() {
        return email;
    }

    /** The person's own home address. */
    String personalEmail() {
        return personalEmail;
    }

    /** Personal addresses of friends and family. */
    List<String> friends() {
        return friends;
    }

    /** Addresses of outside business contacts. */
    List<String> businessContacts() {
        return businessContacts;
    }

    /** The person's assigned workstation. */
    String pc() {
        return pc;
    }

    /** A shared workstation the person also uses, or null. */
    String sharedPc() {
        return sharedPc;
    }

    void setSharedPc(String sharedPc) {
        this.sharedPc = sharedPc;
    }

    /** The person's working habits (what their innocent activity follows). */
    Habits habits() {
        return habits;
    }

    /** Replaces the person's habits (while the organization is being built). */
    void redrawHabits(Habits habits) {
        this.habits = habits;
    }

    /** Openness, conscientiousness, extraversion, agreeableness, neuroticism, each 10 to 50. */
    int[] personality() {
        return personality.clone();
    }

    int hireDay() {
        return hireDay;
    }

    int leaveDay() {
        return leaveDay;
    }

    void leaveOn(int day) {
        this.leaveDay = day;
    }

    /** Whether the person is on staff on {@code day}. */
    boolean employedOn(int day) {
        return day >= hireDay && day <= leaveDay;
    }

    /** Whether the person stays on staff through {@code day} (employed from the start and not leaving before). */
    boolean staysThrough(int day) {
        return hireDay < 0 && leaveDay >= day;
    }

    void assign(Assignment assignment) {
        assignments.add(assignment);
    }

    /** The position held on {@code day} (the first one for days before hiring). */
    Assignment assignmentOn(int day) {
        Assignment current = assignments.get(0);
        for (Assignment assignment : assignments) {
            if (assignment.fromDay() <= day) {
                current = assignment;
            }
        }
        return current;
    }

    Team teamOn(int day) {
        return assignmentOn(day).team();
    }

    String roleOn(int day) {
        return assignmentOn(day).role();
    }

    /** The badge site of the person's team on {@code day}. */
    String siteOn(int day) {
        return teamOn(day).site();
    }

    /** Clearance level id ({@code secret}, {@code confidential}, {@code top-secret}) or an empty string. */
    String clearance() {
        return clearance;
    }

    void setClearance(String clearance) {
        this.clearance = clearance;
    }

    List<Project> projects() {
        return projects;
    }

    List<Document> documents() {
        return documents;
    }

    /** Documents belonging to the person's projects. */
    List<Document> projectDocuments() {
        List<Document> result = new ArrayList<>();
        for (Document document : documents) {
            if (document.project() != null) {
                result.add(document);
            }
        }
        return result;
    }

    /** The web sites the person visits, most visited first. */
    List<WebCatalog.Site> favouriteSites() {
        return favouriteSites;
    }

    /** Whether the person leads a team (leads never leave and are never insiders). */
    boolean leader() {
        return leader;
    }

    void makeLeader() {
        this.leader = true;
    }

    /** Whether a scenario has taken this person (as insider, victim, supervisor or layoff group member). */
    boolean inScenario() {
        return inScenario;
    }

    void putInScenario() {
        this.inScenario = true;
    }

    /** The last day of the current trip, or a past day when not travelling. */
    int awayUntil() {
        return awayUntil;
    }

    void awayThrough(int day) {
        this.awayUntil = day;
    }

    boolean isItAdmin(int day) {
        return "ITAdmin".equals(roleOn(day));
    }

    @Override
    public String toString() {
        return userId;
    }
}
