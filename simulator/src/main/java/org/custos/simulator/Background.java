package org.custos.simulator;

import java.util.List;

/**
 * Background is the innocent activity of the whole staff, one day at a time: first every employed person's shift
 * is planned ({@link #plan}), then, after the scenarios have had their say, every shift is filled with sessions,
 * web requests, mail, file operations, print jobs and custody moves ({@link #emit}).
 */
final class Background {

    private final Workplace place;

    Background(Workplace place) {
        this.place = place;
    }

    /** Everyone's shift on {@code day}, indexed by person index; null where a person does not work. */
    Shift[] plan(int day) {
        List<Person> people = place.org().people();
        Shift[] shifts = new Shift[people.size()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = place.attendance().plan(people.get(i), day);
        }
        return shifts;
    }

    /** Writes the innocent activity of every shift. */
    void emit(Shift[] shifts) {
        Recorder rec = place.recorder();
        for (Shift shift : shifts) {
            if (shift == null) {
                continue;
            }
            place.sessions().emit(rec, shift);
            place.web().emit(rec, shift);
            place.email().emit(rec, shift);
            place.files().emit(rec, shift);
            place.print().emit(rec, shift);
            place.custody().emit(rec, shift, shifts);
        }
    }
}
