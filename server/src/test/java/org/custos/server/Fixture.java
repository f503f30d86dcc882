package org.custos.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;
import org.custos.core.risk.Contribution;
import org.custos.store.Batch;
import org.custos.store.DailyScore;
import org.custos.store.Store;

/**
 * Fixture fills a store with a small organization: three people over 30 days, one of them (ACM0001) copying
 * files to removable media after hours, with daily scores, an alert and a custody check-out.
 */
final class Fixture {

    static final String INSIDER = "ACM0001";
    static final String COLLEAGUE = "ACM0002";
    static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    static final int DAYS = 30;

    private Fixture() {
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** The alert's stored id. */
    static String alertId() {
        return Alert.idFor(INSIDER, at(FIRST.plusDays(DAYS - 1), 22));
    }

    static void fill(Store store) {
        Map<String, PersonRecord> people = new LinkedHashMap<>();
        people.put(INSIDER, new PersonRecord(INSIDER, "Alice Insider", "alice@acme.example", "Engineer",
                List.of("Project 1"), "Northwind", "R&D", "Optics", "T1", "Bob Boss", "secret"));
        people.put(COLLEAGUE, new PersonRecord(COLLEAGUE, "Carl Colleague", "carl@acme.example", "Engineer",
                List.of(), "Northwind", "R&D", "Optics", "T1", "Bob Boss", ""));
        people.put("ACM0003", new PersonRecord("ACM0003", "Dora <script>alert(1)</script>", "dora@acme.example",
                "Clerk", List.of(), "Southwind", "Admin", "Records", "T2", "Eve Chief", ""));
        List<Event> events = new ArrayList<>();
        List<DailyScore> scores = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (String u : people.keySet()) {
                events.add(new Logon("{L" + u.hashCode() % 1000 + "-" + d + "}", at(day, 8), u, "PC-" + u.substring(3), Logon.Action.LOGON, false));
            }
            if (d >= DAYS - 5) {
                events.add(new DeviceUse("{D-" + d + "}", at(day, 22), INSIDER, "PC-0001",
                        DeviceUse.Action.CONNECT, ""));
                events.add(new FileActivity("{F-" + d + "}", at(day, 22).plusSeconds(60), INSIDER, "PC-0001",
                        "C:\\projects\\plan-" + d + ".docx", FileActivity.Action.COPY, true, false, ""));
            }
            double insider = d < DAYS - 5 ? 0 : 12.0 * (d - DAYS + 6);
            List<Contribution> contributions = d < DAYS - 5 ? List.of() : List.of(
                    new Contribution("file-to-removable-media", "exfiltration", insider * 0.6,
                            List.of("{F-" + d + "}"), 1, at(day, 22), at(day, 22), "copied plan-" + d
                            + ".docx to removable media <b>after hours</b>"),
                    new Contribution("after-hours-logon", "concerning-behaviour", insider * 0.4,
                            List.of("{D-" + d + "}"), 1, at(day, 22), at(day, 22), "device at 22:00"));
            scores.add(new DailyScore(INSIDER, day, insider, d < DAYS - 5 ? List.of()
                    : List.of("file-to-removable-media", "after-hours-logon"), contributions));
            scores.add(new DailyScore(COLLEAGUE, day, 5 + d % 3, List.of(), List.of(new Contribution(
                    "after-hours-logon", "concerning-behaviour", 5 + d % 3, List.of("{L" + COLLEAGUE.hashCode() % 1000 + "-" + d + "}"), 1,
                    at(day, 8), at(day, 8), "late start"))));
        }
        try (Batch b = store.begin("fixture")) {
            b.putSnapshot(new OrgSnapshot(YearMonth.from(FIRST), people));
            events.forEach(b::addEvent);
            b.putScores(scores);
            b.putAlert(new Alert(alertId(), INSIDER, at(FIRST.plusDays(DAYS - 1), 22), 60,
                    List.of("file-to-removable-media", "after-hours-logon"),
                    "file-to-removable-media (36): copied files <img src=x onerror=alert(1)>"));
            b.commit();
        }
        store.recordCustody("SN-0042", "Project 1 plan", CustodyMove.Action.CHECK_OUT, INSIDER,
                at(FIRST.plusDays(DAYS - 3), 9), "Vault B", "review");
    }
}
