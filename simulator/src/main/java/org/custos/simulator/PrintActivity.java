package org.custos.simulator;

/**
 * PrintActivity writes a person's print jobs ({@code print.csv}) on their team's printer: a modest number of
 * short documents a day. Scenarios use {@link #print} for their own jobs.
 */
final class PrintActivity {

    private final Dice dice;

    PrintActivity(Dice dice) {
        this.dice = dice;
    }

    void emit(Recorder rec, Shift shift) {
        Person person = shift.person();
        int jobs = dice.poisson(person.habits().printRate());
        for (int i = 0; i < jobs; i++) {
            Document document = dice.pickFavourite(person.documents());
            if (document.extension().equals("zip")) {
                continue;
            }
            print(rec, person, person.pc(), shift.anyTime(dice), document.fileName(), dice.logNormal(3, 0.9),
                    shift.day());
        }
    }

    /** A print job of {@code document} on the printer of the person's team. */
    void print(Recorder rec, Person person, String pc, long second, String document, int pages, int day) {
        rec.print(second, person, pc, printerOf(person.teamOn(day)), document, pages);
    }

    /** The printer a team uses, such as {@code PRN-HQ-03}. */
    static String printerOf(Team team) {
        int number = Math.floorMod((team.department() + "/" + team.name()).hashCode(), 8) + 1;
        return "PRN-" + team.site() + "-" + (number < 10 ? "0" : "") + number;
    }
}
