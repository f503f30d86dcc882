package org.custos.cli.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.alert.Alert;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.PersonOutcome;
import org.custos.core.risk.Contribution;

/** ReportBuilder turns an engine {@link Analysis} into the {@link Report} document. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /** Builds the report of an analysis with the given input description. */
    public static Report build(Analysis analysis, Report.Input input) {
        List<Report.PersonEntry> people = new ArrayList<>(analysis.people().size());
        int rank = 0;
        for (PersonOutcome o : analysis.people()) {
            rank++;
            List<Report.Reason> reasons = new ArrayList<>();
            for (Contribution c : o.peak().contributions()) {
                reasons.add(new Report.Reason(c.indicator(), c.category(), round(c.points()), c.eventIds(),
                        c.eventCount(), iso(c.first()), iso(c.last()), c.explanation()));
            }
            boolean scored = o.peak().score() > 0;
            people.add(new Report.PersonEntry(o.user(), round(o.peak().score()), rank,
                    scored ? iso(o.peak().at()) : null, o.events(), reasons));
        }
        List<Report.AlertEntry> alerts = new ArrayList<>(analysis.alerts().size());
        for (Alert a : analysis.alerts()) {
            alerts.add(new Report.AlertEntry(a.id(), a.user(), iso(a.time()), round(a.score()), a.indicators(),
                    a.story()));
        }
        return new Report(Report.VERSION, people, alerts, input);
    }

    /** Rounds to two decimals. */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
