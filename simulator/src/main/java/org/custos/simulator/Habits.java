package org.custos.simulator;

/**
 * Habits are one person's working pattern, drawn once from the seed: when they arrive, how long they stay, how
 * often they work late or on weekends, travel, use removable drives, and how much mail, web, file and print activity
 * a normal day has. Probabilities are per working day unless named otherwise.
 *
 * @param arrival          usual arrival, seconds after midnight
 * @param arrivalJitter    standard deviation of the daily arrival, seconds
 * @param workLength       usual length of the working day, seconds
 * @param lateProb         chance of staying until the evening (0 for people who never work late)
 * @param weekendProb      chance of coming in on a weekend day or holiday
 * @param usbProb          chance of using a removable drive (0 for people who never do)
 * @param tripProb         chance of leaving on a business trip
 * @param absenceProb      chance of a day off (leave, sickness)
 * @param emailRate        mean e-mails sent or read per day
 * @param httpRate         mean web requests per day
 * @param fileRate         mean file operations per day
 * @param printRate        mean print jobs per day
 * @param jobSiteProb      chance of looking at job boards
 * @param dropboxProb      chance of visiting Dropbox
 * @param dropboxUploadProb chance of uploading to Dropbox
 * @param leakNewsProb     chance of reading news about leaks
 * @param lunchOutProb     chance of badging out for lunch
 * @param personalMailShare share of sent mail that goes to personal addresses
 * @param nightShift       whether the person works nights (22:00 to 06:30)
 * @param door             the door the person usually badges through
 */
record Habits(int arrival, int arrivalJitter, int workLength, double lateProb, double weekendProb, double usbProb,
              double tripProb, double absenceProb, double emailRate, double httpRate, double fileRate,
              double printRate, double jobSiteProb, double dropboxProb, double dropboxUploadProb,
              double leakNewsProb, double lunchOutProb, double personalMailShare, boolean nightShift, String door) {

    static final String[] DOORS = {"Main entrance", "Side entrance", "Garage", "Loading dock"};

    /** Draws a person's habits. */
    static Habits draw(Dice dice, boolean nightShift) {
        int arrival = (int) dice.gaussian(8.5 * Timestamps.HOUR, 40 * Timestamps.MINUTE, 6 * Timestamps.HOUR,
                11 * Timestamps.HOUR);
        boolean late = dice.chance(0.10);
        boolean heavyMail = dice.chance(0.10);
        boolean dropbox = dice.chance(0.03);
        return new Habits(
                nightShift ? 22 * Timestamps.HOUR : arrival,
                dice.between(8, 25) * Timestamps.MINUTE,
                (int) dice.gaussian(8.8 * Timestamps.HOUR, 0.5 * Timestamps.HOUR, 7 * Timestamps.HOUR,
                        10.5 * Timestamps.HOUR),
                late ? dice.uniform(0.3, 0.6) : 0,
                late ? (dice.chance(0.4) ? dice.uniform(0.1, 0.35) : 0) : (dice.chance(0.03) ? 0.05 : 0),
                dice.chance(0.15) ? dice.uniform(0.15, 0.35) : 0,
                dice.chance(0.20) ? dice.uniform(0.02, 0.05) : 0,
                dice.uniform(0.02, 0.05),
                heavyMail ? dice.uniform(15, 25) : dice.uniform(4, 10),
                dice.uniform(12, 45),
                dice.uniform(2, 8),
                dice.uniform(0.1, 1.0),
                dice.chance(0.05) ? dice.uniform(0.01, 0.04) : 0,
                dropbox ? dice.uniform(0.05, 0.15) : 0,
                dropbox && dice.chance(0.5) ? dice.uniform(0.005, 0.02) : 0,
                dice.chance(0.03) ? dice.uniform(0.01, 0.03) : 0,
                dice.uniform(0.1, 0.6),
                dice.uniform(0.02, 0.1),
                nightShift,
                dice.chance(0.7) ? DOORS[0] : dice.pick(DOORS));
    }

    /** Whether the person ever uses removable drives. */
    boolean usesRemovableMedia() {
        return usbProb > 0;
    }

    /** Whether the person ever works in the evening, at night or on weekends. */
    boolean worksAfterHours() {
        return lateProb > 0 || weekendProb > 0 || nightShift;
    }
}
