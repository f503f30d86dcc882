package org.custos.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CustodyActivity writes the registry's custody ledger ({@code custody.csv}) for innocent use: cleared project
 * members now and then check out an original of one of their projects at the registry office and check it in the
 * same day; a few hand it to a colleague on the project ({@code Transfer}), who returns it; rarely someone keeps it
 * overnight and returns it next morning; security officers destroy superseded originals.
 */
final class CustodyActivity {

    static final String REGISTRY = "Registry office";
    static final String CHECK_OUT = "CheckOut";
    static final String CHECK_IN = "CheckIn";
    static final String TRANSFER = "Transfer";
    static final String DESTROY = "Destroy";

    private record Overnight(Person holder, RegistryItem item) {
    }

    private final Dice dice;
    private final Organization org;
    private final List<Overnight> overnight = new ArrayList<>();

    CustodyActivity(Dice dice, Organization org) {
        this.dice = dice;
        this.org = org;
    }

    /** Writes the shift's custody moves; {@code shifts} holds everyone's shift today (by person index). */
    void emit(Recorder rec, Shift shift, Shift[] shifts) {
        Person person = shift.person();
        int day = shift.day();
        returnOvernight(rec, shift);
        if (person.roleOn(day).equals("SecurityOfficer") && dice.chance(0.01)) {
            RegistryItem item = anyAvailable(day);
            if (item != null) {
                item.destroy();
                rec.custody(shift.anyTime(dice), person, item, DESTROY, REGISTRY);
            }
        }
        if (person.clearance().isEmpty() || person.projects().isEmpty() || !dice.chance(0.02)
                || shift.length() < 4 * Timestamps.HOUR) {
            return;
        }
        Project project = dice.pick(person.projects());
        RegistryItem item = availableItem(project, day);
        if (item == null) {
            return;
        }
        long out = shift.timeBetween(dice, 30 * 60L, shift.length() - 3 * Timestamps.HOUR);
        long back = Math.min(shift.end() - 10 * 60, out + dice.between(30, 180) * 60L);
        rec.custody(out, person, item, CHECK_OUT, REGISTRY);
        item.checkOutThrough(day);
        double roll = dice.unit();
        if (roll < 0.03) {
            item.checkOutThrough(Person.NEVER - 1);
            overnight.add(new Overnight(person, item));
            return;
        }
        if (roll < 0.08) {
            Person colleague = colleagueOnShift(person, project, shifts, day);
            if (colleague != null) {
                Shift theirs = shifts[colleague.index()];
                long handOver = Math.min(back, theirs.end() - 20 * 60);
                if (handOver > out) {
                    rec.custody(handOver, colleague, item, TRANSFER, room(person, day));
                    rec.custody(Math.max(handOver + 60, theirs.end() - dice.between(10, 15) * 60L), colleague, item,
                            CHECK_IN, REGISTRY);
                    return;
                }
            }
        }
        rec.custody(back, person, item, CHECK_IN, REGISTRY);
    }

    /** An office of the person's site, such as {@code HQ room 3.12}. */
    String room(Person person, int day) {
        return person.siteOn(day) + " room " + dice.between(1, 4) + "." + String.format("%02d", dice.between(1, 30));
    }

    /** An item of {@code project} free on {@code day}, or null. */
    RegistryItem availableItem(Project project, int day) {
        List<RegistryItem> free = new ArrayList<>();
        for (RegistryItem item : project.items()) {
            if (item.availableOn(day)) {
                free.add(item);
            }
        }
        return free.isEmpty() ? null : dice.pick(free);
    }

    private void returnOvernight(Recorder rec, Shift shift) {
        Iterator<Overnight> it = overnight.iterator();
        while (it.hasNext()) {
            Overnight held = it.next();
            if (held.holder() == shift.person() && shift.day() > 0) {
                long back = shift.timeBetween(dice, 5 * 60L, 90 * 60L);
                rec.custody(back, shift.person(), held.item(), CHECK_IN, REGISTRY);
                held.item().checkOutThrough(shift.day());
                it.remove();
            }
        }
    }

    private RegistryItem anyAvailable(int day) {
        Project project = dice.pick(org.projects());
        List<RegistryItem> free = new ArrayList<>();
        for (RegistryItem item : project.items()) {
            if (item.availableOn(day)) {
                free.add(item);
            }
        }
        return free.size() < 3 ? null : dice.pick(free);
    }

    private Person colleagueOnShift(Person person, Project project, Shift[] shifts, int day) {
        List<Person> candidates = new ArrayList<>();
        for (Person member : person.teamOn(day).members()) {
            if (member != person && member.projects().contains(project) && member.index() < shifts.length
                    && shifts[member.index()] != null && !member.clearance().isEmpty()) {
                candidates.add(member);
            }
        }
        return candidates.isEmpty() ? null : dice.pick(candidates);
    }
}
