package org.custos.cli.casework;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.casefile.CaseFile;
import org.custos.store.Account;
import org.custos.store.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseAssignCommand is {@code custos case assign}: gives a case to an investigator. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Assign a case to an investigator account.", "", "Allowed for investigators."})
final class CaseAssignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
    String caseId;

    @Parameters(index = "1", paramLabel = "ACCOUNT", description = "The investigator to assign it to.")
    String assignee;

    @Override
    public Integer call() {
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.caseFile(caseId);
            w.require(CaseAction.ASSIGN, Optional.of(c));
            Account to = w.store().account(assignee.strip()).orElseThrow(() -> new UsageException(
                    "no account '" + assignee + "' ('custos account list' shows the accounts)"));
            if (to.role() != Role.INVESTIGATOR) {
                throw new UsageException("cannot assign " + c.id() + " to " + to.name() + ": a case is worked by an "
                        + "investigator, and " + to.name() + " is " + to.role().id());
            }
            if (!c.isActive()) {
                throw w.refuse(CaseAction.ASSIGN, Optional.of(c), c.id() + " is closed; reopen it with "
                        + "'custos case status " + c.id() + " investigating' first");
            }
            CaseFile done = w.store().assignCase(c.id(), to.name(), w.operator().name(), w.now());
            w.record(CaseAction.ASSIGN.auditName(), done, Map.of("assignee", to.name()));
            spec.commandLine().getOut().println(done.id() + " assigned to " + to.name());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
