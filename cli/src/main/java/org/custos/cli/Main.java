package org.custos.cli;

import org.custos.cli.analyze.AnalyzeCommand;
import org.custos.cli.demo.DemoCommand;
import org.custos.cli.evaluate.EvaluateCommand;
import org.custos.cli.export.ExportCommand;
import org.custos.cli.harvest.HarvestCommand;
import org.custos.cli.sigma.SigmaCommand;
import org.custos.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Main is the {@code custos} command: it dispatches to the sub-commands and maps failures to the documented exit
 * codes.
 */
@Command(name = "custos", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Custos: insider-risk detection and classified-material protection.", ""},
        subcommands = {SimulateCommand.class, AnalyzeCommand.class, EvaluateCommand.class, DemoCommand.class,
                org.custos.cli.material.RegistryCommand.class, org.custos.cli.material.AssessCommand.class,
                org.custos.cli.material.ExposureCommand.class,
                org.custos.cli.material.ProvenanceCommand.class,
                org.custos.cli.serve.ServeCommand.class,
                org.custos.cli.audit.AuditCommand.class,
                org.custos.cli.casework.CaseCommand.class, org.custos.cli.account.AccountCommand.class,
                org.custos.cli.store.StoreCommand.class,
                org.custos.cli.flink.FlinkJobCommand.class,
                org.custos.cli.mark.MarkCommand.class, org.custos.cli.mark.TraceCommand.class,
                org.custos.cli.custody.CustodyCommand.class,
                HarvestCommand.class, ExportCommand.class, SigmaCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the work found a problem (e.g. a verification failed)",
                "  2  bad usage or unreadable input", "",
                "Run 'custos COMMAND --help' for a command's options. Docs: docs/ in the source tree."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine line = commandLine();
        return line.execute(args);
    }

    /** The configured picocli command line, with Custos' error handling. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler(new Failures());
        line.setParameterExceptionHandler(new Failures());
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
