package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2 (CERT r6.2 scenario 2): someone starts surfing job boards and writing to a competitor about a job
 * (a résumé attached, replies read), then resigns and, in the weeks before leaving, copies files to a thumb drive
 * far more often than before.
 */
final class JobHunt extends Scenario {

    private final int start;
    private final int resignationDay;
    private final int lastDay;
    private final String competitor;
    private final String recruiter;
    private final Document resume;

    private JobHunt(Insider insider, int start, int resignationDay, int lastDay, String competitor,
                    String recruiter, Document resume) {
        super(insider);
        this.start = start;
        this.resignationDay = resignationDay;
        this.lastDay = lastDay;
        this.competitor = competitor;
        this.recruiter = recruiter;
        this.resume = resume;
    }

    /** Plans the job hunt within {@code available} days from {@code start}, the resignation and the departure. */
    static JobHunt plan(Person person, int start, int available, Workplace place) {
        Dice dice = place.dice();
        int hunt = dice.between(25, 45);
        int copying = dice.between(10, 20);
        double scale = Math.min(1.0, (available - 2) / (double) (hunt + copying));
        hunt = Math.max(3, (int) (hunt * scale));
        copying = Math.max(3, (int) (copying * scale));
        WorkCalendar calendar = place.calendar();
        int resignation = calendar.nextWorkday(start + hunt);
        int last = calendar.nextWorkday(resignation + copying);
        String competitor = dice.pick(Lexicon.COMPETITOR_DOMAINS);
        String recruiter = dice.pick(Names.GIVEN) + "." + dice.pick(Names.FAMILY) + "@" + competitor;
        String folder = PersonFactory.documentsFolder(person);
        Document resume = new Document(folder + "\\resume.doc", "resume.doc", "doc",
                Lexicon.magic("doc") + " " + Lexicon.words(dice, Lexicon.JOB_WORDS, 12), dice.between(30_000, 90_000),
                null);
        place.staffing().add(resignation, dice.between(9 * 60, 11 * 60) * 60, person, Staffing.RESIGNATION,
                "Resignation submitted; last day " + calendar.date(last));
        place.staffing().depart(person, last, "Last day; resigned", true);
        return new JobHunt(new Insider(person, 2), start, resignation, last, competitor, recruiter, resume);
    }

    @Override
    void act(int day, Shift[] shifts, Workplace place) {
        if (day < start || day > lastDay) {
            return;
        }
        Dice dice = place.dice();
        Person person = person();
        boolean first = day == start;
        boolean forced = first || day == resignationDay;
        if (!forced && (!place.calendar().isWorkday(day) || shifts[person.index()] == null)) {
            return;
        }
        Shift shift = presentOn(person, day, shifts, place);
        Recorder rec = rec(place);
        String pc = person.pc();
        if (day < resignationDay) {
            if (first || dice.chance(0.5)) {
                WebCatalog.Site board = dice.pick(WebCatalog.JOB_BOARDS);
                long t = shift.anyTime(dice);
                int pages = dice.between(1, 4);
                for (int i = 0; i < pages; i++) {
                    place.web().page(rec, person, pc, t + i * (long) dice.between(30, 240), board, WebActivity.VISIT);
                }
            }
            if (first || dice.chance(0.12)) {
                place.web().page(rec, person, pc, shift.anyTime(dice), WebCatalog.careers(competitor),
                        WebActivity.VISIT);
                String content = Lexicon.words(dice, Lexicon.JOB_WORDS, dice.between(15, 35));
                List<Document> attachments = first || dice.chance(0.4) ? List.of(resume) : List.of();
                place.email().send(rec, person, pc, shift.anyTime(dice), recruiter, "", "", person.email(),
                        attachments, content);
            }
            if (!first && dice.chance(0.08)) {
                rec.email(shift.anyTime(dice), person, pc, person.email(), "", "", recruiter, false,
                        dice.between(3_000, 20_000), "", Lexicon.words(dice, Lexicon.JOB_WORDS, dice.between(15, 35)));
            }
        } else if (forced || dice.chance(0.75)) {
            long connect = shift.timeBetween(dice, 0, shift.length() - Timestamps.HOUR);
            long disconnect = Math.min(shift.end(), connect + dice.between(20, 80) * 60L);
            List<Document> files = new ArrayList<>(person.projectDocuments());
            files.addAll(person.documents());
            place.files().removableSession(rec, person, pc, connect, disconnect, files, dice.between(5, 25), true);
        }
    }
}
