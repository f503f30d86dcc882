package org.custos.simulator;

import java.util.List;

/**
 * Scenario 5 (CERT r6.2 scenario 5): a member of a team decimated by layoffs (the whole team gets a layoff notice
 * and many leave in the following weeks) uploads documents to Dropbox over several weeks, for personal gain.
 */
final class LayoffUpload extends Scenario {

    private final int start;
    private final int end;

    private LayoffUpload(Insider insider, int start, int end) {
        super(insider);
        this.start = start;
        this.end = end;
    }

    /**
     * Announces layoffs to {@code team} on {@code layoffDay} (most other members leave) and plans the uploads
     * within {@code available} days after it.
     */
    static LayoffUpload plan(Person person, Team team, int layoffDay, int available, Workplace place) {
        Dice dice = place.dice();
        place.staffing().layoff(team, layoffDay, 0.6, person);
        int start = layoffDay + Math.max(1, Math.min(available / 4, dice.between(3, 10)));
        int end = start + Math.max(3, Math.min(available - (start - layoffDay) - 1, dice.between(21, 42)));
        return new LayoffUpload(new Insider(person, 5), start, end);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (day < start || day > end) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        boolean first = day == start;
        if (!first && (!place.calendar().isWorkday(day) || shifts[person.index()] == null || !dice.chance(0.35))) {
            return;
        }
        Shift shift = presentOn(person, day, shifts, place);
        Recorder rec = rec(place);
        long t = shift.anyTime(dice);
        place.web().page(rec, person, person.pc(), t, WebCatalog.DROPBOX, WebActivity.VISIT);
        int uploads = dice.between(1, 3);
        for (int i = 0; i < uploads; i++) {
            t += dice.between(30, 300);
            List<Document> documents = person.projectDocuments();
            Document document = !documents.isEmpty() && dice.chance(0.6) ? dice.pick(documents)
                    : dice.pick(person.documents());
            place.web().upload(rec, person, person.pc(), t, WebCatalog.DROPBOX, document);
        }
    }
}
