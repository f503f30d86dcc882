package org.custos.cli.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseStatus;
import org.custos.core.casefile.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseStatusCommand is {@code custos case status}: moves a case along open, investigating, referred, closed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Move a case to another status.", "",
                "open -> investigating or closed; investigating -> referred or closed; referred -> closed; "
                        + "closed -> investigating (reopen). Closing needs --outcome: confirmed, policy-violation, "
                        + "no-issue-found or insufficient-evidence. Allowed for investigators."})
final class CaseStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
    String caseId;

    @Parameters(index = "1", paramLabel = "STATUS", description = "investigating, referred or closed (or open).")
    String status;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "How a closed case ended.")
    String outcome;

    @Override
    public Integer call() {
        CaseStatus target = CaseStatus.parse(status.strip());
        Optional<Outcome> how = Optional.ofNullable(outcome).map(Outcome::parse);
        if (target == CaseStatus.CLOSED && how.isEmpty()) {
            throw new UsageException("closing a case needs --outcome (confirmed, policy-violation, no-issue-found or "
                    + "insufficient-evidence)");
        }
        if (target != CaseStatus.CLOSED && how.isPresent()) {
            throw new UsageException("--outcome is only for closing a case");
        }
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.caseFile(caseId);
            w.require(CaseAction.STATUS, Optional.of(c));
            if (!c.status().canMoveTo(target)) {
                throw w.refuse(CaseAction.STATUS, Optional.of(c), c.id() + " is " + c.status().id()
                        + " and cannot move to " + target.id() + " (allowed: "
                        + String.join(", ", c.status().next().stream().map(CaseStatus::id).toList()) + ")");
            }
            CaseFile moved = w.store().moveCase(c.id(), target, how, w.operator().name(), w.now());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("from", c.status().id());
            details.put("to", target.id());
            how.ifPresent(o -> details.put("outcome", o.id()));
            w.record(CaseAction.STATUS.auditName(), moved, details);
            spec.commandLine().getOut().println(moved.id() + ": " + c.status().id() + " -> " + moved.status().id()
                    + moved.outcome().map(o -> " (outcome: " + o.id() + ")").orElse(""));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
