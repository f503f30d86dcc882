package org.custos.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Casting picks the planted insiders and plans their scenarios: about 0.5 % of the head count per scenario type
 * (at least one each), each person in one scenario only, chosen among people on staff from the first day to the
 * last who lead no team, and each scenario starting after the baseline period (60 days, or a third of a shorter
 * simulation).
 *
 * <p>Scenario 5 is cast first because its layoffs remove people; the victims, supervisors and layoff groups of
 * scenarios are kept out of the others.
 */
final class Casting {

    private final Workplace place;
    private final Dice dice;
    private final int days;
    private final int baseline;
    private final int lastDay;

    private Casting(Workplace place, int days) {
        this.place = place;
        this.dice = place.dice();
        this.days = days;
        this.baseline = Math.min(60, days / 3);
        this.lastDay = days - 2;
    }

    /** Casts every scenario; the result is ordered by scenario number. */
    static List<Scenario> cast(Workplace place, int people, int days, DataLayout layout) {
        Casting casting = new Casting(place, days);
        int perScenario = Math.max(1, Math.round(people * 0.005f));
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; layout.plants(5) && i < perScenario; i++) {
            casting.layoffUpload().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(6) && i < perScenario; i++) {
            casting.departedInsider().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(7) && i < perScenario; i++) {
            casting.collector().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(3) && i < perScenario; i++) {
            casting.sabotageAdmin().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(1) && i < perScenario; i++) {
            casting.wikileaksUpload().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(2) && i < perScenario; i++) {
            casting.jobHunt().ifPresent(scenarios::add);
        }
        for (int i = 0; layout.plants(4) && i < perScenario; i++) {
            casting.snooping().ifPresent(scenarios::add);
        }
        scenarios.sort(Comparator.comparingInt(s -> s.insider().scenario()));
        return scenarios;
    }

    private Optional<Scenario> wikileaksUpload() {
        int start = start(25);
        Person person = pick(p -> true, p -> !p.habits().usesRemovableMedia()
                && !p.habits().worksAfterHours() && !p.isItAdmin(0));
        return person == null ? Optional.empty()
                : Optional.of(WikileaksUpload.plan(person, start, lastDay - start, place));
    }

    private Optional<Scenario> jobHunt() {
        int start = start(70);
        Person person = pick(p -> p.habits().usesRemovableMedia(), p -> !p.isItAdmin(0));
        return person == null ? Optional.empty()
                : Optional.of(JobHunt.plan(person, start, lastDay - start, place));
    }

    private Optional<Scenario> sabotageAdmin() {
        int start = start(30);
        Person person = pick(p -> true, p -> p.isItAdmin(start) && p.assignmentOn(start).supervisor() != null);
        if (person == null) {
            return Optional.empty();
        }
        SabotageAdmin scenario = SabotageAdmin.plan(person, start, lastDay - start, place);
        scenario.supervisor().putInScenario();
        return Optional.of(scenario);
    }

    private Optional<Scenario> snooping() {
        int start = start(100);
        List<Person> candidates = eligible(p -> !p.isItAdmin(0));
        while (!candidates.isEmpty()) {
            Person person = candidates.remove(dice.below(candidates.size()));
            Person victim = victimFor(person, start);
            if (victim != null) {
                person.putInScenario();
                victim.putInScenario();
                return Optional.of(Snooping.plan(person, victim, start, lastDay - start, place));
            }
        }
        return Optional.empty();
    }

    private Optional<Scenario> layoffUpload() {
        int layoffDay = place.calendar().nextWorkday(start(55));
        List<Team> teams = new ArrayList<>();
        for (int minimum : new int[] {5, 3}) {
            for (Team team : place.org().teams()) {
                List<Person> members = team.activeMembers(layoffDay);
                if (members.size() >= minimum && !team.department().endsWith("InformationTechnology")
                        && members.stream().noneMatch(Person::inScenario)
                        && members.stream().anyMatch(this::eligible)) {
                    teams.add(team);
                }
            }
            if (!teams.isEmpty()) {
                break;
            }
        }
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        Team team = dice.pick(teams);
        List<Person> members = team.activeMembers(layoffDay);
        List<Person> insiders = members.stream().filter(this::eligible).toList();
        Person person = dice.pick(insiders);
        members.forEach(Person::putInScenario);
        return Optional.of(LayoffUpload.plan(person, team, layoffDay, lastDay - layoffDay, place));
    }

    private Optional<Scenario> departedInsider() {
        Person person = pick(p -> !p.clearance().isEmpty() && !p.projects().isEmpty(),
                p -> p.teamOn(0).businessUnit() != 1 && !p.isItAdmin(0));
        if (person == null) {
            return Optional.empty();
        }
        grantAccess(person, "secret");
        return Optional.of(DepartedInsider.plan(person, baseline, lastDay, place));
    }

    private Optional<Scenario> collector() {
        int start = start(170);
        Person person = pick(p -> !p.clearance().isEmpty() && !p.projects().isEmpty()
                && !p.habits().usesRemovableMedia(), p -> !p.isItAdmin(0));
        if (person == null) {
            return Optional.empty();
        }
        grantAccess(person, "confidential");
        return Optional.of(Collector.plan(person, start, lastDay - start, place));
    }

    /** Gives a chosen insider the clearance and project their story needs, when they lack them. */
    private void grantAccess(Person person, String clearance) {
        if (person.clearance().isEmpty()) {
            person.setClearance(clearance);
        }
        if (person.projects().isEmpty()) {
            place.org().factory().join(person, place.org().projectFor(person.teamOn(0).businessUnit()));
        }
    }

    private Person victimFor(Person person, int day) {
        Team team = person.teamOn(day);
        List<Person> teamMates = new ArrayList<>();
        List<Person> department = new ArrayList<>();
        List<Person> unit = new ArrayList<>();
        for (Team other : place.org().teams()) {
            if (other.businessUnit() != team.businessUnit()) {
                continue;
            }
            for (Person member : other.activeMembers(day)) {
                if (member != person && !member.inScenario() && !member.leader() && member.staysThrough(days)) {
                    (other == team ? teamMates : other.department().equals(team.department()) ? department : unit)
                            .add(member);
                }
            }
        }
        for (List<Person> pool : List.of(teamMates, department, unit)) {
            List<Person> withDecoys = pool.stream().filter(p -> !place.decoys().on(p.pc()).isEmpty()).toList();
            if (!withDecoys.isEmpty()) {
                return dice.pick(withDecoys);
            }
            if (!pool.isEmpty()) {
                return dice.pick(pool);
            }
        }
        return null;
    }

    /** A scenario start after the baseline that leaves {@code span} days before the end when possible. */
    private int start(int span) {
        return dice.between(baseline, Math.max(baseline, lastDay - span));
    }

    /** Picks an eligible person meeting {@code required}, preferring those meeting {@code preferred}. */
    private Person pick(Predicate<Person> preferred, Predicate<Person> required) {
        List<Person> pool = eligible(required);
        List<Person> best = pool.stream().filter(preferred).toList();
        Person chosen = !best.isEmpty() ? dice.pick(best) : pool.isEmpty() ? null : dice.pick(pool);
        if (chosen != null) {
            chosen.putInScenario();
        }
        return chosen;
    }

    private List<Person> eligible(Predicate<Person> required) {
        List<Person> pool = new ArrayList<>();
        for (Person person : place.org().people()) {
            if (eligible(person) && required.test(person)) {
                pool.add(person);
            }
        }
        return pool;
    }

    private boolean eligible(Person person) {
        return person.staysThrough(days) && !person.leader() && !person.inScenario()
                && !person.habits().nightShift();
    }
}
