package org.custos.cli.casework;

import org.custos.cli.Main;

/**
 * NoteWriter is the child process of {@link CaseCrashIT}: it adds notes to a case one after another through the
 * real command line and prints {@code ack N} after each command returned success, until it is killed.
 *
 * <p>Arguments: DATA CASE ACCOUNT.
 */
public final class NoteWriter {

    private NoteWriter() {
    }

    /** Adds notes {@code note-1}, {@code note-2}, ... until killed (or 10,000 of them). */
    public static void main(String[] args) {
        for (int i = 1; i <= 10_000; i++) {
            int code = Main.run("case", "note", args[1], "note-" + i, "--as", args[2], "--data", args[0]);
            if (code != 0) {
                System.out.println("failed " + i + " with " + code);
                System.exit(code);
            }
            System.out.println("ack " + i);
            System.out.flush();
        }
    }
}
