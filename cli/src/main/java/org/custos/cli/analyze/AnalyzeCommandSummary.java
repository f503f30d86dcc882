package org.custos.cli.analyze;

import java.io.PrintStream;
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
        out.println("top ten:");
        for (Report.PersonEntry p : r.people().subList(0, Math.min(10, r.people().size()))) {
            StringBuilder reasons = new StringBuilder();
            p.reasons().stream().limit(3).forEach(reason -> reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(reason.indicator()).append(String.format(Locale.ROOT, " %.0f", reason.contribution())));
            out.printf(Locale.ROOT, "  %2d. %-10s %5.1f  %s%n", p.rank(), p.user(), p.score(), reasons);
        }
    }
}
