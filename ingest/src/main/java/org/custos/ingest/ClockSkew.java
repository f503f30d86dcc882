package org.custos.ingest;

/**
 * A ClockSkew is what the skew check found for one activity file: the offset that, added to its dates, puts its
 * events inside the logon sessions of logon.csv, and how many sampled events fall inside sessions before and after.
 *
 * @param file the activity file's name
 * @param offsetSeconds the seconds to add to the file's dates (negative when its clock runs ahead)
 * @param insideAsRecorded the share of sampled events inside a session of the same person on the same host, as read
 * @param insideCorrected the same share with the offset added
 * @param sampled how many events were judged (those of a person and host that have sessions in the sample)
 */
public record ClockSkew(String file, long offsetSeconds, double insideAsRecorded, double insideCorrected,
        int sampled) {

    /** The offset as a signed duration in words, e.g. {@code -2h00m} or {@code +0h35m}. */
    public String offsetText() {
        long abs = Math.abs(offsetSeconds);
        return (offsetSeconds < 0 ? "-" : "+") + abs / 3600 + "h" + String.format("%02d", abs % 3600 / 60) + "m";
    }

    /** One line for the report's notices. */
    public String describe(boolean corrected) {
        String ahead = offsetSeconds < 0 ? "ahead of" : "behind";
        long abs = Math.abs(offsetSeconds);
        return String.format(java.util.Locale.ROOT,
                "%s: clock appears to run %dh%02dm %s logon.csv (%.0f%% of %d sampled events fall inside the "
                        + "person's logon sessions as recorded, %.0f%% shifted by %s)%s",
                file, abs / 3600, abs % 3600 / 60, ahead, insideAsRecorded * 100, sampled, insideCorrected * 100,
                offsetText(), corrected ? "; its dates were corrected by " + offsetText()
                        + " (--clock-skew detect to keep them as recorded)"
                        : "; dates kept as recorded (--clock-skew correct to shift them)");
    }
}
