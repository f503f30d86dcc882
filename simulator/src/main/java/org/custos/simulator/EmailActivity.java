package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * EmailActivity writes a person's mail ({@code email.csv}): mostly to and from their team, supervisor and others
 * in the company, some with outside business contacts, a little to and from personal addresses, with documents
 * attached now and then. The same methods write the scenarios' mails.
 */
final class EmailActivity {

    private static final double AVERAGE_DAY = 8.8 * Timestamps.HOUR;

    private final Dice dice;
    private final Organization org;

    EmailActivity(Dice dice, Organization org) {
        this.dice = dice;
        this.org = org;
    }

    void emit(Recorder rec, Shift shift) {
        Person person = shift.person();
        Habits habits = person.habits();
        int day = shift.day();
        int count = dice.poisson(habits.emailRate() * Math.min(1.3, shift.length() / AVERAGE_DAY));
        if (count == 0) {
            return;
        }
        List<Person> circle = circle(person, day);
        for (int i = 0; i < count; i++) {
            long t = shift.anyTime(dice);
            boolean send = dice.chance(0.4);
            double kind = dice.unit();
            boolean personal = kind < habits.personalMailShare();
            boolean business = !personal && kind < habits.personalMailShare() + 0.12
                    && !person.businessContacts().isEmpty();
            String[] words = personal ? Lexicon.CHAT : Lexicon.WORK;
            String content = Lexicon.words(dice, words, dice.between(10, 50));
            List<Document> attachments = new ArrayList<>();
            if (dice.chance(personal ? (send ? 0.06 : 0) : 0.18)) {
                int n = dice.between(1, 2);
                for (int k = 0; k < n; k++) {
                    attachments.add(dice.pickFavourite(person.documents()));
                }
            }
            String other = personal ? (dice.chance(0.3) ? person.personalEmail() : dice.pick(person.friends()))
                    : business ? dice.pick(person.businessContacts()) : internal(circle, person, day);
            if (send) {
                String to = other;
                if (!personal && dice.chance(0.35)) {
                    to = to + ";" + internal(circle, person, day);
                }
                String cc = !personal && dice.chance(0.2) ? internal(circle, person, day) : "";
                String bcc = dice.chance(0.03) ? internal(circle, person, day) : "";
                send(rec, person, person.pc(), t, to, cc, bcc, person.email(), attachments, content);
            } else {
                String to = person.email();
                if (!personal && dice.chance(0.3)) {
                    to = to + ";" + internal(circle, person, day);
                }
                String cc = !personal && dice.chance(0.15) ? internal(circle, person, day) : "";
                rec.email(t, person, person.pc(), to, cc, "", other, false, size(attachments, content),
                        attachmentList(attachments), content);
            }
        }
    }

    /** An e-mail sent by {@code person} from {@code pc} with the given addresses, attachments and content. */
    void send(Recorder rec, Person person, String pc, long second, String to, String cc, String bcc, String from,
              List<Document> attachments, String content) {
        rec.email(second, person, pc, to, cc, bcc, from, true, size(attachments, content),
                attachmentList(attachments), content);
    }

    /** The people a person mostly writes to: their active team mates and their supervisor. */
    List<Person> circle(Person person, int day) {
        List<Person> circle = person.teamOn(day).activeMembers(day);
        circle.remove(person);
        Person supervisor = person.assignmentOn(day).supervisor();
        if (supervisor != null) {
            circle.add(supervisor);
        }
        return circle;
    }

    /** The work address of someone in the company employed on {@code day}, usually from the person's circle. */
    String internal(List<Person> circle, Person person, int day) {
        if (!circle.isEmpty() && dice.chance(0.75)) {
            return dice.pick(circle).email();
        }
        List<Person> everyone = org.people();
        for (int attempt = 0; attempt < 20; attempt++) {
            Person other = everyone.get(dice.below(everyone.size()));
            if (other != person && other.employedOn(day)) {
                return other.email();
            }
        }
        return circle.isEmpty() ? org.president().email() : circle.get(0).email();
    }

    private int size(List<Document> attachments, String content) {
        int size = content.length() * 7 + dice.between(1_000, 25_000);
        for (Document document : attachments) {
            size += document.size();
        }
        return size;
    }

    private static String attachmentList(List<Document> attachments) {
        if (attachments.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Document document : attachments) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(document.path()).append('(').append(document.size()).append(')');
        }
        return sb.toString();
    }
}
