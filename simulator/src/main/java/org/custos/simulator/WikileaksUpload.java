package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Scenario 1 (CERT r6.2 scenario 1): someone who never used removable drives and never worked after hours starts
 * coming in at night, copies documents to a thumb drive and uploads them to wikileaks.org, over a few days to two
 * weeks, and leaves the organization shortly after.
 */
final class WikileaksUpload extends Scenario {

    private final TreeSet<Integer> nights;

    private WikileaksUpload(Insider insider, TreeSet<Integer> nights) {
        super(insider);
        this.nights = nights;
    }

    /** Plans the nights within {@code available} days from {@code start}, and the departure after them. */
    static WikileaksUpload plan(Person person, int start, int available, Workplace place) {
        Dice dice = place.dice();
        int span = Math.max(1, Math.min(available - 3, dice.between(5, 14)));
        TreeSet<Integer> nights = new TreeSet<>();
        nights.add(start);
        int count = Math.min(span, dice.between(3, 6));
        while (nights.size() < count) {
            nights.add(start + dice.below(span));
        }
        int last = nights.last();
        int leave = place.calendar().nextWorkday(last + dice.between(2, 7));
        place.staffing().add(place.calendar().nextWorkday(last + 1), dice.between(9 * 60, 11 * 60) * 60, person,
                Staffing.RESIGNATION, "Resignation submitted; last day " + place.calendar().date(leave));
        place.staffing().depart(person, leave, "Last day; resigned", true);
        return new WikileaksUpload(new Insider(person, 1), nights);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (!nights.contains(day)) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        Recorder rec = rec(place);
        Shift shift = shifts[person.index()];
        long t = at(day, dice.between(20 * 60 + 30, 23 * 60 + 30));
        if (shift != null) {
            t = Math.max(t, shift.end() + dice.between(90, 150) * 60L);
        }
        String site = person.siteOn(day);
        String door = dice.pick(Habits.DOORS);
        String pc = person.pc();
        rec.badge(t - dice.between(60, 240), person, site, door, true);
        rec.logon(t, person, pc, true);
        long now = t + dice.between(2, 8) * 60L;
        place.web().page(rec, person, pc, now, WebCatalog.WIKILEAKS, WebActivity.VISIT);
        List<Document> loot = loot(person);
        long connect = now + dice.between(2, 10) * 60L;
        int copies = dice.between(2, 8);
        long disconnect = connect + dice.between(10, 40) * 60L;
        place.files().removableSession(rec, person, pc, connect, disconnect, loot, copies, true);
        boolean upload = day == nights.last() || dice.chance(0.7);
        long end = disconnect + dice.between(2, 10) * 60L;
        if (upload) {
            int uploads = dice.between(1, 3);
            for (int i = 0; i < uploads; i++) {
                place.web().upload(rec, person, pc, end, WebCatalog.WIKILEAKS, dice.pick(loot));
                end += dice.between(1, 6) * 60L;
            }
        }
        rec.logon(end + dice.between(1, 5) * 60L, person, pc, false);
        rec.badge(end + dice.between(6, 12) * 60L, person, site, door, false);
    }

    private static List<Document> loot(Person person) {
        List<Document> loot = new ArrayList<>(person.projectDocuments());
        if (loot.size() < 3) {
            loot.addAll(person.documents());
        }
        return loot;
    }
}
