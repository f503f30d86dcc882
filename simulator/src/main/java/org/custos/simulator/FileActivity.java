package org.custos.simulator;

import java.util.List;

/**
 * FileActivity writes a person's file operations ({@code file.csv}) on their documents, and removable-drive
 * sessions ({@code device.csv} connect and disconnect with files copied to or from the drive in between). The
 * scenarios use the same methods for their copies.
 */
final class FileActivity {

    static final String OPEN = "File Open";
    static final String WRITE = "File Write";
    static final String COPY = "File Copy";
    static final String DELETE = "File Delete";

    private static final String[] DRIVE_FOLDERS = {"Photos", "Docs", "Music", "Backup", "Work", "Projects",
            "Personal", "Old"};
    private static final double AVERAGE_DAY = 8.8 * Timestamps.HOUR;

    private final Dice dice;

    FileActivity(Dice dice) {
        this.dice = dice;
    }

    void emit(Recorder rec, Shift shift) {
        Person person = shift.person();
        Habits habits = person.habits();
        String pc = person.pc();
        int count = dice.poisson(habits.fileRate() * Math.min(1.3, shift.length() / AVERAGE_DAY));
        for (int i = 0; i < count; i++) {
            Document document = dice.pickFavourite(person.documents());
            double roll = dice.unit();
            String activity = roll < 0.6 ? OPEN : roll < 0.86 ? WRITE : roll < 0.94 ? COPY : DELETE;
            rec.file(shift.anyTime(dice), person, pc, document.path(), activity, false, false, document.content());
        }
        if (dice.chance(habits.usbProb()) && shift.length() > Timestamps.HOUR) {
            long connect = shift.timeBetween(dice, 0, shift.length() - Timestamps.HOUR / 2);
            long disconnect = Math.min(shift.end(), connect + dice.between(5, 90) * 60L);
            removableSession(rec, person, pc, connect, disconnect, person.documents(), dice.between(1, 5),
                    dice.chance(0.5));
        }
    }

    /**
     * A removable drive connected at {@code connect}, {@code copies} of {@code documents} copied to it (or, when
     * {@code toDrive} is false, mostly from it), and disconnected at {@code disconnect}.
     */
    void removableSession(Recorder rec, Person person, String pc, long connect, long disconnect,
                          List<Document> documents, int copies, boolean toDrive) {
        rec.device(connect, person, pc, fileTree(), true);
        long span = Math.max(copies + 1, disconnect - connect - 30);
        for (int i = 0; i < copies; i++) {
            long t = connect + 20 + span * (i + 1) / (copies + 1) + dice.between(0, 20);
            Document document = dice.pick(documents);
            boolean to = toDrive || dice.chance(0.25);
            rec.file(Math.min(t, disconnect - 1), person, pc, onDrive(document), COPY, to, !to,
                    document.content());
        }
        rec.device(disconnect, person, pc, "", false);
    }

    /** The path a document gets when copied to the removable drive. */
    String onDrive(Document document) {
        return "R:\\" + dice.pick(DRIVE_FOLDERS) + "\\" + document.fileName();
    }

    /** The folders of a removable drive, CERT style: {@code R:\;R:\Photos;R:\Docs}. */
    String fileTree() {
        StringBuilder tree = new StringBuilder("R:\\");
        int folders = dice.between(1, 4);
        int first = dice.below(DRIVE_FOLDERS.length);
        for (int i = 0; i < folders; i++) {
            tree.append(";R:\\").append(DRIVE_FOLDERS[(first + i) % DRIVE_FOLDERS.length]);
        }
        return tree.toString();
    }
}
