package org.custos.cli.casework;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** CaseCommand is {@code custos case}: the security office's case work, every step audited. */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = {"Open, work and report on cases; every action and view is audited.", "",
                "A case covers one or more people, is opened from an alert or by hand, and moves "
                        + "open -> investigating -> referred or closed (with an outcome). People appear under "
                        + "their pseudonyms; only an investigator on an active case may reveal a subject's name. "
                        + "Commands act as --as ACCOUNT (default $CUSTOS_USER, else the OS user); "
                        + "create accounts with 'custos account add'. See docs/cases.md.", ""},
        subcommands = {CaseOpenCommand.class, CaseListCommand.class, CaseShowCommand.class,
                CaseAssignCommand.class, CaseNoteCommand.class, EvidenceCommand.class, CaseStatusCommand.class,
                CaseRevealCommand.class, CaseReportCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  refused (the account's role or the case's state does not allow it), "
                + "or evidence no longer matches its digest",
                "  2  bad usage: an unknown case, person or account, no accounts yet, an unreadable file"})
public final class CaseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
