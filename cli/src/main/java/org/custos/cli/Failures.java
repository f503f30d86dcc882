package org.custos.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Failures turns exceptions into one line on standard error and a documented exit code; {@code --verbose} (or
 * {@code CUSTOS_VERBOSE=1}) adds the stack trace.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        CommandLine.ParseResult own = line.getParseResult();
        boolean verbose = (own != null && own.hasMatchedOption("--verbose")) || parsed.hasMatchedOption("--verbose")
                || "1".equals(System.getenv("CUSTOS_VERBOSE"));
        line.getErr().println("custos: " + message(ex));
        if (verbose) {
            ex.printStackTrace(line.getErr());
        }
        return ex instanceof UsageException || ex instanceof IllegalArgumentException || ex instanceof IOException
                || ex instanceof UncheckedIOException ? ExitCodes.USAGE : ExitCodes.PROBLEM;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        line.getErr().println("custos: " + ex.getMessage());
        line.getErr().println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    private static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
