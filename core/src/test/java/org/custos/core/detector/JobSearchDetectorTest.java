package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.event.WebVisit;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.custos.core.testkit.Mail;
import org.junit.jupiter.api.Test;

class JobSearchDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = JobSearchDetector.INDICATOR.weight();
    private static final OrgContext ORG = Contexts.of(Directory.months("2010-01", "2010-06")
            .person(USER, p -> p.name("Alice Carter")).build());
    private static final String SOLICITING = "Please find my resume attached; I am interested in the position "
            + "and available for an interview";

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new JobSearchDetector(), ORG, events.list());
    }

    @Test
    void flagsJobSearchingNewForThePersonAtTheSecondPageOfTheDay() {
        Events alice = Events.of(USER).workingDays(25).at("12:00").visit("http://www.monster.com/search")
                .later(3).visit("https://www.linkedin.com/jobs/view/123");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("job-search");
            assertThat(s.weight()).isCloseTo(WEIGHT, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation()).isEqualTo("first job-search pages or mails in 25 active days (2 today)");
        });
    }

    @Test
    void doesNotFlagASingleJobBoardVisit() {
        Events alice = Events.of(USER).workingDays(25).at("12:00").visit("http://www.indeed.com/");

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void countsPagesAboutJobsAndMailSolicitingAnOutsideEmployer() {
        Events alice = Events.of(USER).workingDays(25).at("12:00")
                .http("http://news.example.com/a", WebVisit.Action.VISIT, "career advice: salary, interview, hiring")
                .later(5).email(Mail.to("hr@competitor.com").content(SOLICITING));

        assertThat(run(alice)).singleElement()
                .satisfies(s -> assertThat(s.eventIds()).containsExactly(alice.lastId()));
    }

    @Test
    void ignoresJobWordsInMailToColleaguesOrReceived() {
        Events alice = Events.of(USER).workingDays(25).at("12:00")
                .email(Mail.to("bob.boss@dtaa.com").content(SOLICITING))
                .email(Mail.to("bob.boss@dtaa.com").cc("carol@dtaa.com").content(SOLICITING))
                .email(Mail.to("alice.carter@dtaa.com").from("hr@competitor.com").content(SOLICITING).viewed())
                .email(Mail.to("hr@competitor.com").content(SOLICITING).viewed());

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagBrowsingThatIsUsualForThePerson() {
        Events alice = Events.of(USER).workingDays(25, d -> d.visit("http://www.monster.com/")
                .visit("http://www.dice.com/").visit("http://www.indeed.com/"))
                .at("12:00").visit("http://www.monster.com/").visit("http://www.dice.com/").visit("http://jobs.com/");

        assertThat(run(alice)).isEmpty();
    }

    @Test
    void doesNotFlagJobSearchingBeforeWarmUp() {
        Events alice = Events.of(USER).workingDays(5).at("12:00");
        for (int i = 0; i < 10; i++) {
            alice.visit("http://www.monster.com/" + i);
        }

        assertThat(run(alice)).isEmpty();
    }
}
