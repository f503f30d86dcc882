package org.custos.simulator;

/**
 * The Workplace bundles what background activity and scenarios act through: the dice, the organization, the
 * calendar, the personnel timeline, the decoys, the recorder, and the activity writers for each feed.
 */
record Workplace(Dice dice, Organization org, WorkCalendar calendar, Staffing staffing, Decoys decoys,
                 Recorder recorder, Attendance attendance, SessionActivity sessions, WebActivity web,
                 EmailActivity email, FileActivity files, PrintActivity print, CustodyActivity custody) {

    /** A workplace with a fresh set of activity writers. */
    static Workplace of(Dice dice, Organization org, WorkCalendar calendar, Staffing staffing, Decoys decoys,
                        Recorder recorder) {
        return new Workplace(dice, org, calendar, staffing, decoys, recorder, new Attendance(dice, calendar),
                new SessionActivity(dice, org.staffPcs()), new WebActivity(dice), new EmailActivity(dice, org),
                new FileActivity(dice), new PrintActivity(dice), new CustodyActivity(dice, org));
    }
}
