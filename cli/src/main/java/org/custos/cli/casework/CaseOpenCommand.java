package org.custos.cli.casework;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.alert.Alert;
import org.custos.core.casefile.CaseFile;
import org.custos.store.StoredAlert;
import org.custos.store.privacy.Pseudonyms;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** CaseOpenCommand is {@code custos case open}: a new case from an alert or about people named by hand. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open a case from an alert (--alert ID) or by hand (--subject USER...).", "",
                "An alert id is USER@EPOCH-SECOND or, as pages show it, PSEUDONYM@EPOCH-SECOND; a person is given "
                        + "by account id or by pseudonym. Allowed for analysts and investigators."})
final class CaseOpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    static final class From {
        @Option(names = "--alert", paramLabel = "ALERT-ID", description = "The alert the case starts from.")
        String alert;

        @Option(names = "--subject", paramLabel = "USER", split = ",",
                description = "A person the case covers (account id or pseudonym); repeat or separate by commas.")
        List<String> subjects;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    From from;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "A short title. Default for an alert: its subject's pseudonym, indicators and score.")
    String title;

    @Override
    public Integer call() {
        try (Casework w = Casework.open(options)) {
            w.require(CaseAction.OPEN, Optional.empty());
            LinkedHashSet<String> subjects = new LinkedHashSet<>();
            Optional<String> alertId = Optional.empty();
            String caseTitle = title;
            if (from.alert != null) {
                StoredAlert stored = w.store().alert(alertIdOf(w, from.alert.strip())).orElseThrow(() ->
                        new UsageException("no alert '" + from.alert + "' in " + w.store().info().location()));
                Alert alert = stored.alert();
                subjects.add(alert.user());
                alertId = Optional.of(alert.id());
                if (caseTitle == null) {
                    caseTitle = "Alert on " + w.pseudonym(alert.user()) + ": " + String.join(", ", alert.indicators())
                            + String.format(java.util.Locale.ROOT, " (score %.1f)", alert.score());
                }
            }
            if (from.subjects != null) {
                for (String s : from.subjects) {
                    if (!s.isBlank()) {
                        subjects.add(w.person(s));
                    }
                }
            }
            if (subjects.isEmpty()) {
                throw new UsageException("a case needs at least one subject (--subject USER or --alert ID)");
            }
            if (caseTitle == null || caseTitle.isBlank()) {
                throw new UsageException("a case opened by hand needs --title TEXT");
            }
            CaseFile c = w.store().openCase(caseTitle.strip(), new ArrayList<>(subjects), w.operator().name(),
                    w.now(), alertId);
            w.record(CaseAction.OPEN.auditName(), c,
                    alertId.map(a -> Map.of("alert", w.mask(a, java.util.Set.of()))).orElse(Map.of()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("opened " + c.id() + ": " + c.title());
            out.println("subjects: " + String.join(", ", w.pseudonyms(c)));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** The stored alert id for an id as given: {@code USER@EPOCH}, or {@code PSEUDONYM@EPOCH} as pages show it. */
    private static String alertIdOf(Casework w, String given) {
        int at = given.lastIndexOf('@');
        if (at > 0 && Pseudonyms.isPseudonym(given.substring(0, at))) {
            return w.person(given.substring(0, at)) + given.substring(at);
        }
        return given;
    }
}
