package org.custos.cli.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.custos.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records the custody of originals with the real commands and reads status, history and the exported feed. */
class CustodyCommandsIT {

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void registerItem() throws IOException {
        data = tmp.resolve("data");
        Path plan = Files.writeString(tmp.resolve("plan.txt"), "The plan of the second stage, version two.");
        assertThat(run("registry", "add", "--level", "secret", "--project", "Project 1", plan.toString()).code())
                .isZero();
    }

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return CommandRun.of(all);
    }

    @Test
    void showsWhereEveryOriginalIsAndFlagsOverdueOnes() {
        assertThat(run("custody", "register", "S-1", "--item", "plan.txt", "--at", "2026-11-02T08:00").code()).isZero();
        assertThat(run("custody", "register", "S-2", "--item", "plan.txt", "--at", "2026-11-02T08:00").code()).isZero();
        assertThat(run("custody", "check-out", "S-1", "--to", "ACM2278", "--reason", "design review",
                "--at", "2026-11-02T09:00").code()).isZero();
        assertThat(run("custody", "transfer", "S-1", "--to", "BBJ0002", "--reason", "handover",
                "--location", "room 2.14", "--at", "2026-11-02T11:00").code()).isZero();

        CommandRun morning = run("custody", "status", "--at", "2026-11-02T12:00");
        CommandRun evening = run("custody", "status", "--at", "2026-11-02T19:00");

        assertThat(morning.code()).isZero();
        assertThat(morning.out()).containsPattern("S-1 +\\w+ +held +BBJ0002 +2026-11-02 11:00")
                .containsPattern("S-2 +\\w+ +in-registry +-").contains("2 originals, 1 held, 0 flagged");
        assertThat(evening.code()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(evening.out()).contains("OVERDUE since 2026-11-02 18:00").contains("1 flagged");
    }

    @Test
    void showsTheChainOfOneOriginal() {
        run("custody", "register", "S-1", "--item", "plan.txt", "--at", "2026-11-02T08:00");
        run("custody", "check-out", "S-1", "--to", "ACM2278", "--reason", "design review", "--at", "2026-11-02T09:00");
        run("custody", "check-in", "S-1", "--at", "2026-11-02T16:00");
        run("custody", "destroy", "S-1", "--reason", "superseded; witness BBJ0002", "--at", "2026-11-03T10:00");

        CommandRun history = run("custody", "history", "S-1");

        assertThat(history.code()).isZero();
        assertThat(history.out().lines().toList()).hasSize(5);
        assertThat(history.out()).contains("original S-1 of item").contains(": destroyed")
                .containsPattern("C-2 +2026-11-02 09:00 +check-out +ACM2278 +at registry  reason: design review")
                .containsPattern("C-3 +2026-11-02 16:00 +check-in +ACM2278")
                .contains("reason: superseded; witness BBJ0002");
    }

    @Test
    void refusesRecordsThatDoNotFollowFromTheLedger() {
        run("custody", "register", "S-1", "--item", "plan.txt", "--at", "2026-11-02T08:00");

        CommandRun checkIn = run("custody", "check-in", "S-1", "--at", "2026-11-02T09:00");
        CommandRun unknown = run("custody", "check-out", "S-9", "--to", "x", "--reason", "y");
        CommandRun twice = run("custody", "register", "S-1", "--item", "plan.txt");
        CommandRun noItem = run("custody", "register", "S-3", "--item", "nothing.pdf");
        CommandRun early = run("custody", "check-out", "S-1", "--to", "x", "--reason", "y", "--at", "2026-11-01T09:00");

        assertThat(checkIn.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(checkIn.err()).contains("original S-1 is in the registry; it can be checked out or destroyed, not checked in");
        assertThat(unknown.err()).contains("original S-9 is not registered");
        assertThat(twice.err()).contains("original S-1 is already registered");
        assertThat(noItem.err()).contains("--item: nothing.pdf: no such registered item");
        assertThat(early.err()).contains("is before its last record");
        assertThat(run("custody", "history", "S-1").out().lines().toList()).hasSize(2);
    }

    @Test
    void exportsTheMovesAsTheCustodyFeedAnalyzeReads() throws IOException {
        run("custody", "register", "S-1", "--item", "plan.txt", "--at", "2026-11-02T08:00");
        run("custody", "check-out", "S-1", "--to", "ACM2278", "--reason", "review", "--at", "2026-11-02T09:05");
        Path feed = tmp.resolve("feed/custody.csv");

        CommandRun export = run("custody", "export", "--out", feed.toString());

        assertThat(export.code()).isZero();
        assertThat(Files.readAllLines(feed)).containsExactly("id,date,user,serial,item,action,location,project",
                "C-2,11/02/2026 09:05:00,ACM2278,S-1," + Files.readAllLines(feed).get(1).split(",")[4]
                        + ",CheckOut,registry,Project 1");
    }
}
