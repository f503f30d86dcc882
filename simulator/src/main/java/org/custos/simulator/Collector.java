package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Scenario 7 (Custos, the collector): a cleared employee quietly copies project documents to a thumb drive and
 * prints them over months; then, after reporting heavy investment losses, he several times checks out an original
 * from the registry late in the day, badges out while still holding it, and checks it back in next morning.
 */
final class Collector extends Scenario {

    private final int start;
    private final int lossDay;
    private final TreeSet<Integer> takeHome;
    private final List<RegistryItem> originals;
    private RegistryItem holding;
    private int heldSince;

    private Collector(Insider insider, int start, int lossDay, TreeSet<Integer> takeHome,
                      List<RegistryItem> originals) {
        super(insider);
        this.start = start;
        this.lossDay = lossDay;
        this.takeHome = takeHome;
        this.originals = originals;
    }

    /** Plans months of collection, the stressor and the take-home nights within {@code available} days. */
    static Collector plan(Person person, int start, int available, Workplace place) {
        Dice dice = place.dice();
        WorkCalendar calendar = place.calendar();
        Insider insider = new Insider(person, 7);
        int collecting = dice.between(60, 120);
        int gap = dice.between(3, 10);
        int takingSpan = dice.between(20, 40);
        double scale = Math.min(1.0, (available - 3) / (double) (collecting + gap + takingSpan));
        collecting = Math.max(2, (int) (collecting * scale));
        gap = Math.max(1, (int) (gap * scale));
        takingSpan = Math.max(4, (int) (takingSpan * scale));
        int loss = calendar.nextWorkday(start + collecting);
        place.staffing().add(loss, dice.between(9 * 60, 16 * 60) * 60, person, Staffing.INVESTMENT_LOSS,
                "Reported heavy personal investment losses (about " + dice.between(30, 90) * 10
                        + " thousand) to the security office", insider);
        TreeSet<Integer> takeHome = new TreeSet<>();
        int nights = dice.between(3, 5);
        int day = calendar.nextWorkday(loss + gap);
        int step = Math.max(2, takingSpan / nights);
        for (int i = 0; i < nights; i++) {
            takeHome.add(day);
            day = calendar.nextWorkday(day + dice.between(2, step + 1));
        }
        List<RegistryItem> originals = new ArrayList<>();
        for (Project project : person.projects()) {
            for (RegistryItem item : project.items()) {
                if (originals.size() < 3 && dice.chance(0.5)) {
                    item.reserve();
                    originals.add(item);
                }
            }
        }
        if (originals.isEmpty()) {
            RegistryItem item = person.projects().get(0).items().get(0);
            item.reserve();
            originals.add(item);
        }
        return new Collector(insider, start, loss, takeHome, originals);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (day < start || !person().employedOn(day)) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        Recorder rec = rec(place);
        boolean workday = place.calendar().isWorkday(day);
        if (holding != null && day > heldSince && workday) {
            Shift shift = presentOn(person, day, shifts, place);
            rec.custody(shift.timeBetween(dice, 5 * 60L, 40 * 60L), person, holding, CustodyActivity.CHECK_IN,
                    CustodyActivity.REGISTRY);
            holding = null;
        }
        boolean collecting = day < lossDay ? day == start || dice.chance(0.2) : dice.chance(0.08);
        if (workday && collecting && (day == start || shifts[person.index()] != null)
                && (takeHome.isEmpty() || day <= takeHome.last())) {
            collect(rec, presentOn(person, day, shifts, place), place);
        }
        if (takeHome.contains(day) && holding == null) {
            Shift shift = presentOn(person, day, shifts, place);
            RegistryItem item = dice.pick(originals);
            rec.custody(Math.max(shift.start() + 600, shift.end() - dice.between(20, 60) * 60L), person, item,
                    CustodyActivity.CHECK_OUT, CustodyActivity.REGISTRY);
            shift.claimBadgeOut(insider());
            holding = item;
            heldSince = day;
        }
    }

    private void collect(Recorder rec, Shift shift, Workplace place) {
        Dice dice = place.dice();
        Person person = person();
        List<Document> documents = person.projectDocuments();
        if (dice.chance(0.6)) {
            long connect = shift.timeBetween(dice, 30 * 60L, shift.length() - Timestamps.HOUR);
            long disconnect = Math.min(shift.end(), connect + dice.between(5, 30) * 60L);
            place.files().removableSession(rec, person, person.pc(), connect, disconnect, documents,
                    dice.between(1, 4), true);
        } else {
            Document document = dice.pick(documents);
            place.print().print(rec, person, person.pc(), shift.anyTime(dice), document.fileName(),
                    dice.between(10, 80), shift.day());
        }
    }
}
