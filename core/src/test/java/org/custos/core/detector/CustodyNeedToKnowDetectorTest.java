package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.core.event.CustodyMove;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class CustodyNeedToKnowDetectorTest {

    private static final String USER = "ACM2278";

    private static final OrgContext ORG = Contexts.of(Directory.months("2010-01", "2010-02")
            .person(USER, m -> m.projects("Project 2", "Project 5"))
            .person("BBJ0002", m -> m.projects("Project 1"))
            .build());

    private static List<Signal> run(OrgContext org, Events... people) {
        return DetectorRun.of(new CustodyNeedToKnowDetector(), org).feed(people).signals();
    }

    @Test
    void flagsACheckOutOfAnotherProjectsOriginal() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-0042", "x7-design-review", "Project 1");

        assertThat(run(ORG, alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("custody-need-to-know");
            assertThat(s.weight()).isEqualTo(CustodyNeedToKnowDetector.INDICATOR.weight());
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("original S-0042 (x7-design-review, project Project 1) checked out "
                    + "by ACM2278, whose grants are Project 2, Project 5");
        });
    }

    @Test
    void doesNotFlagACheckOutWithinTheGrants() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "plan", "Project 5");

        assertThat(run(ORG, alice)).isEmpty();
    }

    @Test
    void flagsATransferToSomeoneWithoutTheGrantButNotTheCheckInAfterIt() {
        Events bob = Events.of("BBJ0002").at("10:00").checkOut("S-1", "plan", "Project 1");
        Events alice = Events.of(USER).at("10:30").custody("S-1", "plan", CustodyMove.Action.TRANSFER, "Project 1");
        String transfer = alice.lastId();
        alice.at("11:00").custody("S-1", "plan", CustodyMove.Action.CHECK_IN, "Project 1");

        List<Signal> signals = run(ORG, bob, alice);

        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.eventIds()).containsExactly(transfer);
            assertThat(s.explanation()).contains("received by transfer by ACM2278");
        });
    }

    @Test
    void flagsSomeoneWhoIsNotInTheDirectory() {
        Events carol = Events.of("CXX0003").at("10:00").checkOut("S-1", "plan", "Project 5");

        assertThat(run(ORG, carol)).singleElement().satisfies(s ->
                assertThat(s.explanation()).endsWith("by CXX0003, who is not in the directory that day"));
    }

    @Test
    void staysSilentWithoutAProjectOrADirectory() {
        Events alice = Events.of(USER).at("10:00").checkOut("S-1", "plan", "");
        Events bob = Events.of("BBJ0002").at("10:00").checkOut("S-2", "plan", "Project 9");

        assertThat(run(ORG, alice)).isEmpty();
        assertThat(run(Contexts.empty(), bob)).isEmpty();
    }
}
