package org.custos.cli.casework;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.Evidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseShowCommand is {@code custos case show}: one case with its notes and evidence. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a case: status, subjects (pseudonyms), notes and evidence with SHA-256.", "",
                "Allowed for analysts, investigators and auditors."})
final class CaseShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id, e.g. C-2026-0001.")
    String caseId;

    @Override
    public Integer call() {
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.caseFile(caseId);
            w.require(CaseAction.VIEW, Optional.of(c));
            List<CaseNote> notes = w.store().notes(c.id());
            List<Evidence> evidence = w.store().evidence(c.id());
            w.record(CaseAction.VIEW.auditName(), c, Map.of());
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.id() + ": " + c.title());
            out.println("status:   " + c.status().id() + c.outcome().map(o -> " (outcome: " + o.id() + ")").orElse(""));
            out.println("subjects: " + String.join(", ", w.pseudonyms(c)));
            out.println("opened:   " + c.openedAt() + " by " + c.openedBy()
                    + c.alertId().map(a -> " from alert " + w.mask(a, java.util.Set.of())).orElse(" by hand"));
            out.println("assignee: " + c.assignee().orElse("-"));
            out.println("updated:  " + c.updatedAt());
            out.println();
            out.println("notes: " + notes.size());
            for (CaseNote n : notes) {
                out.println("  #" + n.seq() + " " + n.time() + " " + n.author() + ": " + n.text());
            }
            out.println("evidence: " + evidence.size());
            for (Evidence e : evidence) {
                out.println("  " + e.id() + "  " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "  "
                        + e.name() + "  sha256 " + e.sha256() + "  " + e.size() + " bytes  " + e.addedAt() + " by "
                        + e.addedBy() + (e.description().isEmpty() ? "" : "  - " + e.description()));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
