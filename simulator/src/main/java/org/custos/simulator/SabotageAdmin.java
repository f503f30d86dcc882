package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 3 (CERT r6.2 scenario 3): a system administrator, put on a performance plan, becomes disgruntled,
 * downloads a keylogger, uses a thumb drive to put it on his supervisor's machine, and a few days later logs on to
 * that machine early in the morning and sends an alarming mass e-mail from the supervisor's address to much of the
 * company; he leaves the same day.
 *
 * <p>CERT has the insider log on with the supervisor's stolen credentials; here the rows keep the insider's user id
 * (so they are attributable) and show the supervisor's workstation and sender address.
 */
final class SabotageAdmin extends Scenario {

    private final Person supervisor;
    private final int downloadDay;
    private final int plantDay;
    private final int mailDay;
    private final WebCatalog.Site vendor;
    private final String tool;

    private SabotageAdmin(Insider insider, Person supervisor, int downloadDay, int plantDay, int mailDay,
                          WebCatalog.Site vendor, String tool) {
        super(insider);
        this.supervisor = supervisor;
        this.downloadDay = downloadDay;
        this.plantDay = plantDay;
        this.mailDay = mailDay;
        this.vendor = vendor;
        this.tool = tool;
    }

    /** Plans the stressor, download, planting and mass mail within {@code available} days from {@code start}. */
    static SabotageAdmin plan(Person person, int start, int available, Workplace place) {
        Dice dice = place.dice();
        WorkCalendar calendar = place.calendar();
        Person supervisor = person.assignmentOn(start).supervisor();
        Insider insider = new Insider(person, 3);
        double scale = Math.min(1.0, (available - 4) / 25.0);
        int stressDay = calendar.nextWorkday(start);
        int download = calendar.nextWorkday(stressDay + Math.max(1, (int) (dice.between(5, 15) * scale)));
        int plant = calendar.nextWorkday(download + 1 + (int) (dice.between(0, 2) * scale));
        int mail = calendar.nextWorkday(plant + 1 + (int) (dice.between(0, 3) * scale));
        place.staffing().add(stressDay, dice.between(13 * 60, 16 * 60) * 60, person, Staffing.PERFORMANCE_PLAN,
                "Placed on a 90-day performance improvement plan after a dispute with his supervisor", insider);
        place.staffing().depart(person, mail, "Last day; left without notice", true);
        String tool = dice.pick(new String[] {"stealthkey", "keyspy", "invisikey", "klogpro"}) + ".exe";
        return new SabotageAdmin(insider, supervisor, download, plant, mail, dice.pick(WebCatalog.KEYLOGGER_VENDORS),
                tool);
    }

    /** The supervisor whose machine is abused (kept out of other scenarios). */
    Person supervisor() {
        return supervisor;
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (day != downloadDay && day != plantDay && day != mailDay) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        Recorder rec = rec(place);
        Shift shift = presentOn(person, day, shifts, place);
        String content = Lexicon.magic("exe") + " " + Lexicon.words(dice, Lexicon.KEYLOGGER_WORDS, 10);
        if (day == downloadDay) {
            long t = shift.anyTime(dice);
            place.web().page(rec, person, person.pc(), t, vendor, WebActivity.VISIT);
            place.web().download(rec, person, person.pc(), t + dice.between(30, 180), vendor, tool);
        } else if (day == plantDay) {
            String target = supervisor.pc();
            long t = Math.max(shift.start() + 600, Math.min(shift.end() - 3600, at(day, dice.between(725, 760))));
            rec.logon(t, person, target, true);
            rec.device(t + 60, person, target, "R:\\;R:\\Tools", true);
            rec.file(t + dice.between(90, 200), person, target, "R:\\Tools\\" + tool, FileActivity.COPY, false, true,
                    content);
            rec.device(t + dice.between(300, 500), person, target, "", false);
            rec.logon(t + dice.between(600, 900), person, target, false);
        } else {
            Shift boss = shifts[supervisor.index()];
            long bossArrives = boss != null ? boss.start() : at(day, 8 * 60);
            long t = Math.min(shift.start(), bossArrives) - dice.between(25, 60) * 60L;
            shift.startAt(t - dice.between(5, 15) * 60L);
            String target = supervisor.pc();
            rec.logon(t, person, target, true);
            String to = String.join(";", recipients(day, dice, place.org()));
            String text = Lexicon.words(dice, Lexicon.ALARM, dice.between(25, 45));
            place.email().send(rec, person, target, t + dice.between(3, 8) * 60L, to, "", "", supervisor.email(),
                    List.of(), text);
            rec.logon(t + dice.between(10, 16) * 60L, person, target, false);
        }
    }

    private List<String> recipients(int day, Dice dice, Organization org) {
        List<String> active = new ArrayList<>();
        for (Person other : org.people()) {
            if (other.employedOn(day) && other != person() && other != supervisor) {
                active.add(other.email());
            }
        }
        int count = Math.min(active.size(), dice.between(40, 150));
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(active.remove(dice.below(active.size())));
        }
        return chosen;
    }
}
