package org.custos.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A CommandRun is one in-process run of the {@code custos} command line for tests: its exit code and what it
 * printed on its standard output and error.
 *
 * @param code the exit code
 * @param out what the command printed through its own output writer
 * @param err what the command printed through its own error writer
 */
public record CommandRun(int code, String out, String err) {

    /** Runs the command line with the given arguments and captures its output. */
    public static CommandRun of(String... args) {
        CommandLine line = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
