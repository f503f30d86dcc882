package org.custos.cli.analyze;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.custos.cli.report.Report;

/** AnalyzeCommandSummary prints what an analysis read and its top ten people with their main reasons. */
public final class AnalyzeCommandSummary {

    private AnalyzeCommandSummary() {
    }

    /** Prints the input counts and the top ten with their main reasons. */
    public static void print(Analyzer.Result result, PrintStream out) {
        Report r = result.report();
        out.printf(Locale.ROOT, "analyzed %,d events of %,d people in %.1f s (%,.0f events/s); %,d rejected%s; %d alerts%n",
                r.input().events(), r.people().size(), result.seconds(), r.input().events() / Math.max(1e-3,
                        result.seconds()), r.input().rejected(),
                r.input().deadLetters() == null ? "" : " (see " + r.input().deadLetters() + ")", r.alerts().size());
        List<Report.PersonEntry> top = r.people().stream().filter(p -> p.score() > 0).limit(10).toList();
        out.println(top.isEmpty() ? "no one has a risk score above 0" : "top " + top.size() + ":");
        for (Report.PersonEntry p : top) {
            StringBuilder reasons = new StringBuilder();
            p.reasons().stream().limit(3).forEach(reason -> reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(reason.indicator()).append(String.format(Locale.ROOT, " %.0f", reason.contribution())));
            out.printf(Locale.ROOT, "  %2d. %-10s %5.1f  %s%n", p.rank(), p.user(), p.score(), reasons);
        }
    }
}
