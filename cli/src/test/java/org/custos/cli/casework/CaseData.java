package org.custos.cli.casework;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;
import org.custos.core.risk.Contribution;
import org.custos.store.Batch;
import org.custos.store.DailyScore;
import org.custos.store.Store;
import org.custos.store.Stores;

/**
 * CaseData fills a real embedded store with a small organization for the case tests: Qi Wen (QIX0001) on Project 7
 * who copies plan.txt to a USB drive one evening, and Ana Bell (ANB0002), with their scores and one alert.
 */
final class CaseData {

    static final String QI = "QIX0001";
    static final String ANA = "ANB0002";
    static final Instant COPY = Instant.parse("2026-03-02T19:41:00Z");
    static final String ALERT = Alert.idFor(QI, COPY);

    private CaseData() {
    }

    static void fill(Path data) {
        try (Store store = Stores.open(data.toString()); Batch batch = store.begin("case test fixture")) {
            for (YearMonth m : List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3))) {
                batch.putSnapshot(new OrgSnapshot(m, Map.of(
                        QI, new PersonRecord(QI, "Qi Wen", "qi.wen@example.org", "Engineer", List.of("Project 7"),
                                "Northern Works", "R&D", "Guidance", "G1", "Lin Hua", "confidential"),
                        ANA, new PersonRecord(ANA, "Ana Bell", "ana.bell@example.org", "Engineer", List.of(),
                                "Northern Works", "R&D", "Guidance", "G1", "Lin Hua", ""))));
            }
            batch.addEvent(new Logon("{L1}", COPY.minusSeconds(3600), QI, "PC-1234", Logon.Action.LOGON, false));
            batch.addEvent(new DeviceUse("{E1}", COPY.minusSeconds(60), QI, "PC-1234", DeviceUse.Action.CONNECT, ""));
            batch.addEvent(new FileActivity("{E2}", COPY, QI, "PC-1234", "R:\\projects\\p7\\plan.txt",
                    FileActivity.Action.COPY, true, false, ""));
            batch.addEvent(new Logon("{L2}", COPY.minusSeconds(7200), ANA, "PC-2000", Logon.Action.LOGON, false));
            Contribution usb = new Contribution("file-to-removable-media", "exfiltration", 23.5,
                    List.of("{E1}", "{E2}"), 2, COPY.minusSeconds(60), COPY,
                    "copied 1 file to removable media; never before in 60 days");
            batch.putScores(List.of(
                    new DailyScore(QI, LocalDate.parse("2026-03-01"), 2.0, List.of(), List.of()),
                    new DailyScore(QI, LocalDate.parse("2026-03-02"), 23.5, List.of("file-to-removable-media"),
                            List.of(usb)),
                    new DailyScore(QI, LocalDate.parse("2026-03-03"), 22.0, List.of(), List.of())));
            batch.putAlert(new Alert(ALERT, QI, COPY, 23.5, List.of("file-to-removable-media"),
                    QI + " copied a project file to removable media after hours"));
            batch.commit();
        }
    }
}
