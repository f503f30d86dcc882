package org.custos.simulator;

import java.util.List;
import java.util.TreeSet;

/**
 * Scenario 6 (Custos, the departed insider): a former employee of a subsidiary who worked on a classified project
 * leaves; months later the personnel feed reports him as a court defaulter and his accounts frozen; then his
 * revoked account and badge are used again: night-time logons to his old workstation opening project documents,
 * and badge swipes at his old site.
 */
final class DepartedInsider extends Scenario {

    private final TreeSet<Integer> visits;

    private DepartedInsider(Insider insider, TreeSet<Integer> visits) {
        super(insider);
        this.visits = visits;
    }

    /**
     * Plans departure, stressors and post-departure use so that the first stressor falls on or after
     * {@code firstMalicious} and everything before {@code lastDay}.
     */
    static DepartedInsider plan(Person person, int firstMalicious, int lastDay, Workplace place) {
        Dice dice = place.dice();
        WorkCalendar calendar = place.calendar();
        Insider insider = new Insider(person, 6);
        int toCourt = dice.between(40, 80);
        int toFrozen = dice.between(5, 20);
        int toUse = dice.between(10, 30);
        int using = dice.between(2, 14);
        int total = toCourt + toFrozen + toUse + using;
        int earliest = Math.max(30, firstMalicious - toCourt);
        int departure;
        if (lastDay - earliest - 4 >= total) {
            departure = dice.between(earliest, lastDay - total - 4);
        } else {
            earliest = Math.min(earliest, lastDay / 4);
            double scale = (lastDay - earliest - 8) / (double) total;
            toCourt = Math.max(1, (int) (toCourt * scale));
            toFrozen = Math.max(1, (int) (toFrozen * scale));
            toUse = Math.max(1, (int) (toUse * scale));
            using = Math.max(1, (int) (using * scale));
            departure = earliest;
        }
        departure = calendar.nextWorkday(departure);
        place.staffing().add(calendar.nextWorkday(Math.max(0, departure - 14)), dice.between(9 * 60, 11 * 60) * 60,
                person, Staffing.RESIGNATION, "Resignation submitted; last day " + calendar.date(departure));
        place.staffing().depart(person, departure, "Last day; resigned", true);
        int court = calendar.nextWorkday(departure + toCourt);
        int frozen = calendar.nextWorkday(court + toFrozen);
        place.staffing().add(court, dice.between(9 * 60, 15 * 60) * 60, person, Staffing.COURT_DEFAULTER,
                "Former employee listed by the court as a judgment defaulter; debts of about "
                        + dice.between(8, 30) * 100 + " thousand unpaid", insider);
        place.staffing().add(frozen, dice.between(9 * 60, 15 * 60) * 60, person, Staffing.ACCOUNTS_FROZEN,
                "Former employee's bank accounts frozen by court order", insider);
        TreeSet<Integer> visits = new TreeSet<>();
        int firstUse = frozen + toUse;
        visits.add(firstUse);
        int more = dice.between(1, 3);
        for (int i = 0; i < more; i++) {
            visits.add(firstUse + 1 + dice.below(using));
        }
        return new DepartedInsider(insider, visits);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (!visits.contains(day)) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        Recorder rec = rec(place);
        boolean onSite = visits.headSet(day).size() % 2 == 1;
        long t = at(day, dice.between(19 * 60 + 30, 23 * 60 + 15));
        String site = person.siteOn(person.leaveDay());
        String door = dice.pick(Habits.DOORS);
        if (onSite) {
            rec.badge(t - dice.between(2, 8) * 60L, person, site, door, true);
        }
        String pc = person.pc();
        rec.logon(t, person, pc, true);
        List<Document> documents = person.projectDocuments();
        int opens = dice.between(2, 5);
        long now = t;
        for (int i = 0; i < opens; i++) {
            now += dice.between(30, 400);
            Document document = dice.pick(documents.isEmpty() ? person.documents() : documents);
            rec.file(now, person, pc, document.path(), FileActivity.OPEN, false, false, document.content());
        }
        now += dice.between(60, 600);
        rec.logon(now, person, pc, false);
        if (onSite) {
            rec.badge(now + dice.between(3, 10) * 60L, person, site, door, false);
        }
    }
}
