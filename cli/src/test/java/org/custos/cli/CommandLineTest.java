package org.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @Test
    void topLevelHelpListsEveryCommandAndTheExitCodes() {
        CommandRun o = CommandRun.of("--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("simulate", "analyze", "evaluate", "demo", "Exit codes", "bad usage");
    }

    @Test
    void everySubcommandHasHelpWithExitCodes() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CommandRun o = CommandRun.of(command, "--help");
            assertThat(o.code()).as(command).isZero();
            assertThat(o.out()).as(command).contains("Usage:", "Exit codes");
        }
    }

    @Test
    void analyzeOfAMissingDirectoryIsOneLineAndExitTwo(@TempDir Path tmp) {
        CommandRun o = CommandRun.of("analyze", tmp.resolve("nope").toString(), "--report",
                tmp.resolve("r.json").toString());
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err().strip()).contains("nope").contains("no such directory").doesNotContain("Exception");
        assertThat(o.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void analyzeOfAnEmptyDirectoryNamesItAndExitsTwo(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        CommandRun o = CommandRun.of("analyze", empty.toString(), "--report", tmp.resolve("r.json").toString(),
                "--quiet");
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("empty").doesNotContain("at org.");
    }

    @Test
    void analyzeNamesEachRejectedRecordByFileAndLineAndGoesOn(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(in.resolve("logon.csv"), """
                id,date,user,pc,activity
                {A1},01/04/2010 08:00:00,ABC0001,PC-1,Logon
                {A2},01/04/2010 08:10:00,ABC0001,PC-1,Dance
                {A3},13/45/2010 08:20:00,ABC0001,PC-1,Logoff
                {A4},01/04/2010 17:00:00,ABC0001,PC-1,Logoff
                """);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        CommandRun o;
        try {
            o = CommandRun.of("analyze", in.toString(), "--report", tmp.resolve("r.json").toString(), "--quiet");
        } finally {
            System.setErr(saved);
        }
        assertThat(o.code()).isZero();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("custos: rejected: logon.csv:3: activity: 'Dance'")
                .contains("custos: rejected: logon.csv:4: date: '13/45/2010 08:20:00'");
        assertThat(Files.readString(tmp.resolve("r.json"))).contains("\"events\" : 2");
        assertThat(Files.readAllLines(tmp.resolve("dead-letters.csv"))).hasSize(3);
    }

    @Test
    void unknownOptionIsBadUsage() {
        CommandRun o = CommandRun.of("analyze", "somewhere", "--bogus");
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("--bogus");
    }

    @Test
    void evaluateOfAMissingReportIsBadInput(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("k.csv");
        Files.writeString(key, "dataset,scenario,details,user,start,end\n");
        CommandRun o = CommandRun.of("evaluate", "--answers", key.toString(), tmp.resolve("none.json").toString());
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("none.json").contains("no such file");
    }

}
