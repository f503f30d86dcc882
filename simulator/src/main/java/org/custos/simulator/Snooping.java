package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 4 (CERT r6.2 scenario 4): someone logs on to a colleague's machine, looks through the colleague's files
 * (now and then a decoy) and mails them, attached, to their own home address; the visits grow more frequent over
 * about three months.
 */
final class Snooping extends Scenario {

    private final Person victim;
    private final int start;
    private final int span;

    private Snooping(Insider insider, Person victim, int start, int span) {
        super(insider);
        this.victim = victim;
        this.start = start;
        this.span = span;
    }

    /** Plans about three months of snooping on {@code victim} within {@code available} days from {@code start}. */
    static Snooping plan(Person person, Person victim, int start, int available, Workplace place) {
        int span = Math.max(5, Math.min(available - 1, place.dice().between(80, 100)));
        return new Snooping(new Insider(person, 4), victim, start, span);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (day < start || day >= start + span || !person().employedOn(day)) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        boolean first = day == start;
        double progress = (day - start) / (double) span;
        if (!first && (!place.calendar().isWorkday(day) || shifts[person.index()] == null
                || !dice.chance(0.06 + 0.5 * StrictMath.pow(progress, 1.5)))) {
            return;
        }
        Shift shift = presentOn(person, day, shifts, place);
        Shift theirs = shifts[victim.index()];
        long t = theirs == null ? shift.anyTime(dice) : at(day, dice.between(12 * 60 + 2, 12 * 60 + 35));
        t = Math.max(shift.start() + 600, Math.min(shift.end() - 1800, t));
        Recorder rec = rec(place);
        String target = victim.pc();
        rec.logon(t, person, target, true);
        List<Document> opened = new ArrayList<>();
        int looks = dice.between(2, 7);
        long now = t;
        for (int i = 0; i < looks; i++) {
            now += dice.between(20, 180);
            Document document = dice.pick(victim.documents());
            opened.add(document);
            rec.file(now, person, target, document.path(), FileActivity.OPEN, false, false, document.content());
        }
        List<Decoys.Decoy> decoys = place.decoys().on(target);
        if (!decoys.isEmpty() && dice.chance(0.25)) {
            now += dice.between(20, 120);
            rec.file(now, person, target, dice.pick(decoys).fileName(), FileActivity.OPEN, false, false, "");
        }
        List<Document> attachments = new ArrayList<>();
        int count = Math.min(opened.size(), dice.between(1, 3));
        for (int i = 0; i < count; i++) {
            attachments.add(opened.get(i));
        }
        now += dice.between(60, 300);
        place.email().send(rec, person, target, now, person.personalEmail(), "", "", person.email(), attachments,
                Lexicon.words(dice, Lexicon.WORK, dice.between(5, 15)));
        rec.logon(now + dice.between(60, 400), person, target, false);
    }
}
