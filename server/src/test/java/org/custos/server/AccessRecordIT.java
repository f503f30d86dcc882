package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.custos.store.Role;
import org.custos.store.audit.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every view of a person's data, by page or API, is in the access log with who, role, whose and from where. */
class AccessRecordIT {

    @TempDir
    static Path data;
    static ServerHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static void assertRecorded(Role role, String path, String action) throws Exception {
        long before = h.audit.size();
        var res = h.send(h.as(role, path).GET().build());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        assertThat(h.audit.durableSize()).as("made durable before answering").isGreaterThan(before);
        List<AuditRecord> added = h.entriesFrom(before);
        assertThat(added).as(path).anySatisfy(r -> {
            assertThat(r.entry().actor()).isEqualTo(ServerHarness.account(role));
            assertThat(r.entry().role()).isEqualTo(role.id());
            assertThat(r.entry().action()).isEqualTo(action);
            assertThat(r.entry().subject()).isEqualTo(h.pseudonym(Fixture.INSIDER));
            assertThat(r.entry().from()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void everyViewOfAPersonsDataIsRecorded() throws Exception {
        String p = h.pseudonym(Fixture.INSIDER);
        var c = h.store.openCase("t", List.of(Fixture.INSIDER), "investigator1", java.time.Instant.now(),
                java.util.Optional.empty());
        for (Role role : List.of(Role.ANALYST, Role.INVESTIGATOR)) {
            assertRecorded(role, "/people/" + p, "person.view");
            assertRecorded(role, "/api/people/" + p + "?days=30", "person.view");
            assertRecorded(role, "/cases/" + c.id(), "case.view");
            assertRecorded(role, "/api/cases/" + c.id(), "case.view");
        }
        assertRecorded(Role.INVESTIGATOR, "/people/" + p, "person.reveal");
    }

    @Test
    void theRealNameIsShownOnlyToAnInvestigatorOnAnActiveCase() throws Exception {
        String p = h.pseudonym(Fixture.COLLEAGUE);
        assertThat(h.send(h.as(Role.INVESTIGATOR, "/people/" + p).GET().build()).body())
                .doesNotContain("Carl Colleague").doesNotContain(Fixture.COLLEAGUE);
        var c = h.store.openCase("t", List.of(Fixture.COLLEAGUE), "investigator1", java.time.Instant.now(),
                java.util.Optional.empty());
        assertThat(h.send(h.as(Role.ANALYST, "/people/" + p).GET().build()).body()).doesNotContain("Carl Colleague");
        assertThat(h.send(h.as(Role.INVESTIGATOR, "/people/" + p).GET().build()).body()).contains("Carl Colleague");
        h.store.moveCase(c.id(), org.custos.core.casefile.CaseStatus.CLOSED,
                java.util.Optional.of(org.custos.core.casefile.Outcome.NO_ISSUE_FOUND), "x", java.time.Instant.now());
        assertThat(h.send(h.as(Role.INVESTIGATOR, "/people/" + p).GET().build()).body())
                .doesNotContain("Carl Colleague");
    }

    @Test
    void decisionsOnAlertsAreRecordedWithTheAlert() throws Exception {
        var res = h.send(h.as(Role.ANALYST, "/api/alerts/" + AuthorizationMatrixIT.alert(h) + "/review")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"dismissed\",\"reason\":\"approved trip\"}"))
                .build());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(ServerHarness.json(res).get("reason").asText()).isEqualTo("approved trip");
        assertThat(h.entriesFrom(0)).anySatisfy(r -> {
            assertThat(r.entry().action()).isEqualTo("alert.dismissed");
            assertThat(r.entry().objects()).containsExactly(AuthorizationMatrixIT.alert(h));
            assertThat(r.entry().subject()).isEqualTo(h.pseudonym(Fixture.INSIDER));
        });
    }

    @Test
    void aRepeatedDecisionIsRecordedAgainButChangesNothingStored() throws Exception {
        String path = "/api/alerts/" + AuthorizationMatrixIT.alert(h) + "/review";
        String body = "{\"state\":\"acknowledged\",\"reason\":\"seen\"}";
        var first = h.send(h.as(Role.INVESTIGATOR, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(first.statusCode()).isEqualTo(200);
        var stored = h.store.alert(Fixture.alertId()).orElseThrow();
        long before = h.audit.size();

        var again = h.send(h.as(Role.INVESTIGATOR, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ServerHarness.json(again).get("reviewedAt").asText())
                .isEqualTo(ServerHarness.json(first).get("reviewedAt").asText());
        assertThat(h.store.alert(Fixture.alertId()).orElseThrow()).isEqualTo(stored);
        assertThat(h.entriesFrom(before)).singleElement().satisfies(r -> {
            assertThat(r.entry().action()).isEqualTo("alert.acknowledged");
            assertThat(r.entry().actor()).isEqualTo("investigator1");
        });

        var other = h.send(h.as(Role.ANALYST, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(ServerHarness.json(other).get("reviewedBy").asText()).as("another reviewer is a change")
                .isEqualTo("analyst1");
        var list = ServerHarness.json(h.send(h.as(Role.ANALYST, "/api/alerts?state=all").GET().build()));
        assertThat(list.get("alerts").get(0).get("reviewedBy").asText()).as("the kept list follows the change")
                .isEqualTo("analyst1");
    }
}
