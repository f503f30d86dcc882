package org.custos.cli.casework;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseStatus;
import org.custos.store.CaseQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** CaseListCommand is {@code custos case list}: the cases, most recently updated first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List cases, most recently updated first, subjects as pseudonyms.", "",
                "Allowed for analysts, investigators and auditors."})
final class CaseListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only cases in this status.")
    String status;

    @Option(names = "--mine", description = "Only cases assigned to the acting account.")
    boolean mine;

    @Option(names = "--subject", paramLabel = "USER", description = "Only cases covering this person.")
    String subject;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N cases. Default: 100.")
    int limit;

    @Override
    public Integer call() {
        try (Casework w = Casework.open(options)) {
            w.require(CaseAction.LIST, Optional.empty());
            Optional<CaseStatus> s = Optional.ofNullable(status).map(CaseStatus::parse);
            Optional<String> who = Optional.ofNullable(subject).map(w::person);
            List<CaseFile> cases = w.store().cases(new CaseQuery(s,
                    mine ? Optional.of(w.operator().name()) : Optional.empty(), who, Math.max(1, limit)));
            w.record(CaseAction.LIST.auditName(), who.map(w::pseudonym).orElse(null),
                    cases.stream().map(CaseFile::id).toList(), Map.of("shown", String.valueOf(cases.size())));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s  %-13s  %-12s  %-20s  %s%n", "CASE", "STATUS", "ASSIGNEE", "UPDATED", "TITLE / SUBJECTS");
            for (CaseFile c : cases) {
                out.printf("%-12s  %-13s  %-12s  %-20s  %s [%s]%n", c.id(), c.status().id()
                                + c.outcome().map(o -> ":" + o.id()).orElse(""), c.assignee().orElse("-"),
                        c.updatedAt().toString().substring(0, 19).replace('T', ' '), c.title(),
                        String.join(", ", w.pseudonyms(c)));
            }
            out.println(cases.size() + " case(s)");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
