package org.custos.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.alert.Alert;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;
import org.custos.core.risk.Contribution;

/** Shared inputs for the store tests: one event of every kind, people, snapshots, scores and alerts. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-03-02T08:15:30Z");

    private StoreFixtures() {
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    /** One event of each kind for {@code user}, a minute apart, with awkward characters in the text fields. */
    static List<Event> everyKind(String user) {
        String odd = "tab\there, back\\slash, unit\u001fsep, item\u001dsep, fs\u001c rs\u001e, 中文";
        return List.of(
                new Logon("L-" + user, at(0), user, "PC\\1\u001c\u001e", Logon.Action.LOGON, true),
                new DeviceUse("D-" + user, at(1), user, "PC-1", DeviceUse.Action.CONNECT, "R:\\;R:\\docs"),
                new FileActivity("F-" + user, at(2), user, "PC-1", "R:\\plan.docx", FileActivity.Action.COPY, true,
                        false, odd),
                new EmailMessage("M-" + user, at(3), user, "PC-1", List.of("a@x.com", "b@y.org"), List.of(),
                        List.of("c@z.net"), user + "@dtaa.com", EmailMessage.Action.SEND, 12345,
                        List.of("C:\\a.pdf", odd), 3, "hello"),
                new WebVisit("W-" + user, at(4), user, "PC-1", "http://wikileaks.org/upload", WebVisit.Action.UPLOAD,
                        ""),
                new PrintJob("P-" + user, at(5), user, "PC-1", "PR-7", "plan.pdf", 42),
                new BadgeSwipe("B-" + user, at(6), user, "HQ", "door 3", BadgeSwipe.Direction.OUT),
                new CustodyMove("C-" + user, at(7), user, "vault", "S-0001", "ITEM-9", CustodyMove.Action.CHECK_OUT),
                new PersonnelChange("H-" + user, at(8), user, "", PersonnelChange.Kind.COURT_DEFAULTER, odd));
    }

    /** {@code n} logons of {@code user}, one an hour from {@code start}. */
    static List<Event> logons(String user, Instant start, int n) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Logon(user + "-L" + i, start.plusSeconds(3600L * i), user, "PC-" + i % 3,
                    Logon.Action.LOGON, false));
        }
        return out;
    }

    static PersonRecord person(String user, String subsidiary, String unit) {
        return new PersonRecord(user, "Name " + user, user + "@dtaa.com", "Engineer", List.of("Project 1"),
                subsidiary, unit, "Dept", "Team", "Boss", "secret");
    }

    static OrgSnapshot snapshot(YearMonth month, PersonRecord... people) {
        Map<String, PersonRecord> map = new LinkedHashMap<>();
        for (PersonRecord p : people) {
            map.put(p.user(), p);
        }
        return new OrgSnapshot(month, map);
    }

    static Contribution contribution(String indicator, String category, double points) {
        return new Contribution(indicator, category, points, List.of("E1", "E2"), 5, at(0), at(60),
                "seen 5 times, usually never");
    }

    static DailyScore score(String user, LocalDate day, double score, Contribution... contributions) {
        return new DailyScore(user, day, score, List.of(contributions).stream().map(Contribution::indicator).toList(),
                List.of(contributions));
    }

    static Alert alert(String user, Instant time, double score) {
        return new Alert(Alert.idFor(user, time), user, time, score, List.of("removable-media-first-use"),
                "first removable drive");
    }
}
