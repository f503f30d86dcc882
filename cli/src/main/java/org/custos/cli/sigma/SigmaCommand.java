package org.custos.cli.sigma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.rule.DetectionRule;
import org.custos.ingest.sigma.SigmaLoader;
import org.custos.ingest.sigma.SigmaProblem;
import org.custos.ingest.sigma.SigmaRuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** SigmaCommand is {@code custos sigma}: works with Sigma detection rules. */
@Command(name = "sigma", mixinStandardHelpOptions = true,
        description = {"Check Sigma detection rules for use with 'custos analyze --sigma DIR'.", ""},
        subcommands = {SigmaCommand.Validate.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the work found a problem (see each sub-command)", "  2  bad usage"})
public final class SigmaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads a rule set, or throws a one-line usage failure when the path cannot be read. */
    public static SigmaRuleSet load(Path rules) {
        try {
            return SigmaLoader.load(rules);
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** {@code custos sigma validate DIR}: every problem of a rule set, one line each. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validate a folder of Sigma rules (*.yml, *.yaml) and report every problem at once, "
                    + "as FILE:LINE: FIELD: MESSAGE (docs/sigma.md).", ""},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  every rule is valid", "  1  some rules have problems (each is listed)",
                    "  2  the folder cannot be read"})
    public static final class Validate implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "A folder of Sigma rules, or one rule file.")
        Path rules;

        @CommandLine.Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Override
        public Integer call() {
            SigmaRuleSet set = load(rules);
            for (SigmaProblem problem : set.problems()) {
                System.out.println(problem);
            }
            for (DetectionRule rule : set.rules()) {
                System.out.println("ok: " + rule.indicator().id() + " (" + rule.kind().label() + " events, "
                        + rule.indicator().category().id() + ", weight " + rule.indicator().weight() + "): "
                        + rule.title());
            }
            System.out.println(set.files() + " files, " + set.rules().size() + " valid rules, "
                    + set.problems().size() + " problems");
            return set.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
        }
    }
}
