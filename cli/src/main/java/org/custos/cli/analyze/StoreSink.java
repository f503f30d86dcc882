package org.custos.cli.analyze;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.engine.Analysis;
import org.custos.core.engine.DailySeries;
import org.custos.core.engine.Engine;
import org.custos.core.engine.PersonOutcome;
import org.custos.core.event.Event;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.Organization;
import org.custos.store.Batch;
import org.custos.store.DailyScore;

/**
 * StoreSink writes an analysis into a store batch: every event as it passes, then the directory snapshots and
 * departures, each person's end-of-day scores (the last day with its contributions) and the alerts.
 */
final class StoreSink implements Analyzer.Sink {

    private final Batch batch;
    private long scores;

    StoreSink(Batch batch) {
        this.batch = batch;
    }

    @Override
    public void event(Event event) {
        batch.addEvent(event);
    }

    @Override
    public void finished(Organization organization, Engine engine, Analysis analysis) {
        for (OrgSnapshot s : organization.snapshots()) {
            batch.putSnapshot(s);
        }
        for (Map.Entry<String, LocalDate> d : organization.recordedDepartures().entrySet()) {
            batch.recordDeparture(d.getKey(), d.getValue());
        }
        for (PersonOutcome p : analysis.people()) {
            DailySeries series = p.series();
            if (series.isEmpty()) {
                continue;
            }
            List<DailyScore> days = new ArrayList<>(series.length());
            for (int i = 0; i < series.length(); i++) {
                long day = series.firstDay() + i;
                boolean last = i == series.length() - 1;
                String movers = series.movers(i);
                days.add(new DailyScore(p.user(), LocalDate.ofEpochDay(day), series.score(i),
                        movers == null || movers.isEmpty() ? List.of() : Arrays.asList(movers.split(", ")),
                        last ? engine.currentContributions(p.user(), Instant.ofEpochSecond(day * 86_400 + 86_399))
                                : List.of()));
            }
            batch.putScores(days);
            scores += days.size();
        }
        for (Alert a : analysis.alerts()) {
            batch.putAlert(a);
        }
    }

    /** The daily scores written. */
    long scores() {
        return scores;
    }
}
