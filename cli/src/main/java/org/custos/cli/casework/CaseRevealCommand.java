package org.custos.cli.casework;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.core.casefile.CaseFile;
import org.custos.store.PersonSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseRevealCommand is {@code custos case reveal}: the real name behind a subject's pseudonym, audited. */
@Command(name = "reveal", mixinStandardHelpOptions = true,
        description = {"Show the real name and account of a case's subject.", "",
                "Allowed only for an investigator, only on an active (not closed) case that covers the person; "
                        + "every reveal, and every refused attempt, is audited."})
final class CaseRevealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
    String caseId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SUBJECT",
            description = "The subject's pseudonym (or account id). Default: every subject of the case.")
    String subject;

    @Override
    public Integer call() {
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.activeCase(caseId, CaseAction.REVEAL, "names are revealed only on an active case");
            List<String> users;
            if (subject == null) {
                users = c.subjects();
            } else {
                String user = w.person(subject);
                if (!c.subjects().contains(user)) {
                    throw w.refuse(CaseAction.REVEAL, Optional.of(c), c.id() + " does not cover " + subject
                            + "; open a case about that person first");
                }
                users = List.of(user);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (String user : users) {
                String name = w.store().people().stream().filter(p -> p.user().equals(user))
                        .map(PersonSummary::name).filter(n -> !n.isBlank()).findFirst()
                        .or(() -> w.store().person(user).map(r -> r.name()))
                        .orElse("");
                w.record(CaseAction.REVEAL.auditName(), w.pseudonym(user), List.of(c.id()), Map.of());
                out.println(w.pseudonym(user) + " = " + user + (name.isBlank() ? " (no name in the directory)"
                        : " (" + name + ")"));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
