package org.custos.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.alert.Alert;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.event.Event;
import org.custos.core.event.PersonnelChange;
import org.custos.core.organization.EmploymentPeriod;
import org.custos.core.organization.Organization;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final String ALICE = "ACM2278";
    private static final RiskModel MODEL = new RiskModel(RiskParameters.defaults());

    private static Analysis analyze(Organization org, RiskModel model, List<Event> events) {
        Engine engine = new Engine(DetectorRegistry.builtIn(), Contexts.of(org), model);
        events.forEach(engine::accept);
        return engine.finish();
    }

    private static PersonOutcome outcome(Analysis analysis, String user) {
        return analysis.people().stream().filter(p -> p.user().equals(user)).findFirst().orElseThrow();
    }

    /** Others who log on once on the first day, so the engine has seen {@code n} people when signals come. */
    private static List<Events> bystanders(int n) {
        List<Events> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(Events.of(String.format("EMP%04d", i)).at("08:00").logon());
        }
        return people;
    }

    /** The score of a single leak-site upload of weight 30 scaled by {@code rarity}. */
    private static double oneUpload(double rarity) {
        double cap = 2.5 * 30;
        double raw = cap * (1 - Math.exp(-30 * rarity / cap));
        return 100 * (1 - Math.exp(-raw / 60));
    }

    @Test
    void weighsSignalsByHowRareTheirIndicatorIsInThePopulation() {
        List<Events> people = bystanders(19);
        people.add(Events.of(ALICE).at("08:00").logon());
        for (int i = 0; i < people.size(); i++) {
            people.get(i).at("10:00").later(i).upload("https://wikileaks.org/submit");
        }

        Analysis analysis = analyze(new Organization(), MODEL, Events.merge(people));

        assertThat(outcome(analysis, "EMP0000").peak().score()).as("first of 20: ln(21/1)/ln(20)")
                .isCloseTo(oneUpload(Math.log(21) / Math.log(20)), within(1e-9));
        assertThat(outcome(analysis, "EMP0003").peak().score()).as("fourth: ln(21/4)/ln(20)")
                .isCloseTo(oneUpload(Math.log(21.0 / 4) / Math.log(20)), within(1e-9));
        assertThat(outcome(analysis, "EMP0010").peak().score()).as("eleventh: ln(21/11)/ln(20) < 0.25, clamped")
                .isCloseTo(oneUpload(0.25), within(1e-9));
        assertThat(outcome(analysis, ALICE).peak().score()).as("last: clamped to a quarter")
                .isCloseTo(oneUpload(0.25), within(1e-9));
    }

    @Test
    void capsTheWeightOfAVeryRareIndicatorAtOneAndAHalf() {
        List<Events> people = bystanders(150);
        Events alice = Events.of(ALICE).at("08:00").logon().at("10:00").upload("https://wikileaks.org/submit");
        people.add(alice);

        Analysis analysis = analyze(new Organization(), MODEL, Events.merge(people));

        assertThat(outcome(analysis, ALICE).peak().score()).isCloseTo(oneUpload(1.5), within(1e-9));
    }

    @Test
    void alertsAgainOnlyAfterTheScoreFellBelowHalfTheThresholdAndAWeekPassed() {
        RiskModel model = new RiskModel(new RiskParameters(14, 60, 2.5, 12, 15, 25, 50, 60));
        List<Events> people = bystanders(19);
        Events alice = Events.of(ALICE).at("08:00").logon().at("10:00").upload("https://wikileaks.org/a");
        Event firstUpload = alice.last();
        alice.nextDay().at("10:00").upload("https://wikileaks.org/b").later(10).upload("https://wikileaks.org/c")
                .workingDays(40).at("10:00").upload("https://wikileaks.org/d");
        Event lastUpload = alice.last();
        people.add(alice);

        Analysis analysis = analyze(new Organization(), model, Events.merge(people));

        assertThat(analysis.alerts()).as("none for the uploads of the next day: the score stayed high")
                .extracting(Alert::time).containsExactly(firstUpload.time(), lastUpload.time());
        assertThat(analysis.alerts().get(0).id()).isEqualTo(Alert.idFor(ALICE, firstUpload.time()));
    }

    @Test
    void recordsADepartureFromThePersonnelFeedSoLaterUseIsFlagged() {
        Organization org = Directory.months("2010-01", "2010-06").person(ALICE).build();
        Events alice = Events.of(ALICE).on("2010-02-10").at("16:00").personnel(PersonnelChange.Kind.DEPARTURE)
                .on("2010-02-12").at("09:00").logon();

        Analysis analysis = analyze(org, MODEL, alice.list());

        assertThat(org.employment(ALICE).flatMap(EmploymentPeriod::end)).hasValue(LocalDate.of(2010, 2, 10));
        assertThat(outcome(analysis, ALICE).peak().contributions()).as("the departure record itself opens the "
                + "departure window (0 days left); with the later logon that makes two critical-path stages")
                .extracting(Contribution::indicator)
                .containsExactlyInAnyOrder("post-departure-activity", "departure-window", RiskModel.CRITICAL_PATH);
    }

    @Test
    void alertsOnAnyUseOfADepartedPersonsAccount() {
        Directory directory = Directory.months("2010-01", "2010-06").person(ALICE, p -> p.until("2010-02"));
        List<Events> people = bystanders(19);
        people.forEach(p -> directory.person(p.user()));
        Events alice = Events.of(ALICE).at("08:00").logon().on("2010-05-03").at("22:00").remoteLogon("VPN-GW");
        people.add(alice);

        Analysis analysis = analyze(directory.build(), MODEL, Events.merge(people));

        assertThat(analysis.alerts()).extracting(Alert::user).containsExactly(ALICE);
    }

    @Test
    void doesNotWeighStressorsByRarity() {
        List<Events> people = bystanders(20);
        for (int i = 0; i < people.size(); i++) {
            people.get(i).at("10:00").later(i).personnel(PersonnelChange.Kind.LAYOFF, "unit closed");
        }

        Analysis analysis = analyze(new Organization(), MODEL, Events.merge(people));

        double layoff = 2.5 * 10 * (1 - Math.exp(-6 / (2.5 * 10)));
        assertThat(analysis.people()).as("a layoff that hits everyone weighs as much on the last as on the first")
                .hasSize(20).allSatisfy(p -> assertThat(p.peak().score())
                        .isCloseTo(100 * (1 - Math.exp(-layoff / 60)), within(1e-9)));
    }

    @Test
    void alertsAtTheDefaultThresholdOfThirtyFive() {
        List<Events> people = bystanders(19);
        Events alice = Events.of(ALICE).at("08:00").logon().at("10:00").visit("http://www.refog.com/keylogger.html")
                .later(5).visit("http://cryptome.org/");
        people.add(alice);

        Analysis analysis = analyze(new Organization(), MODEL, Events.merge(people));

        assertThat(RiskParameters.defaults().alertThreshold()).isEqualTo(35);
        assertThat(analysis.alerts()).singleElement().satisfies(a -> {
            assertThat(a.user()).isEqualTo(ALICE);
            assertThat(a.time()).isEqualTo(alice.last().time());
            assertThat(a.score()).as("a keylogger page, then a leak site visited").isBetween(35.0, 50.0);
            assertThat(a.indicators()).containsExactly("keylogger-download", "leak-site");
        });
    }

    @Test
    void alertsOnUseAfterDepartureWhateverTheScore() {
        Directory directory = Directory.months("2010-01", "2010-06");
        List<Events> people = bystanders(20);
        for (int i = 0; i < people.size(); i++) {
            directory.person(people.get(i).user(), p -> p.until("2010-02"));
            people.get(i).on("2010-05-03").at("22:00").later(i).remoteLogon("VPN-GW");
        }

        Analysis analysis = analyze(directory.build(), MODEL, Events.merge(people));

        assertThat(analysis.alerts()).as("every departed account in use").hasSize(20);
        double quarter = 100 * (1 - Math.exp(-0.25 * 40 / 100));
        assertThat(analysis.alerts().get(19).score()).as("the 20th of 20 to do it: rarity a quarter")
                .isCloseTo(100 * (1 - Math.exp(-quarter / 60)), within(1e-9))
                .isLessThan(RiskParameters.defaults().alertThreshold());
        assertThat(analysis.alerts().get(19).indicators()).containsExactly("post-departure-activity");
    }

    @Test
    void alertsOnEachDayOfUseAfterDepartureEvenWhileAlreadyAlerting() {
        Directory directory = Directory.months("2010-01", "2010-06").person(ALICE, p -> p.until("2010-02"));
        List<Events> people = bystanders(19);
        people.forEach(p -> directory.person(p.user()));
        Events alice = Events.of(ALICE).at("08:00").logon().on("2010-05-03").at("22:00").remoteLogon("VPN-GW");
        Event firstDay = alice.last();
        alice.later(30).remoteLogon("VPN-GW").on("2010-05-04").at("21:00").remoteLogon("VPN-GW");
        Event secondDay = alice.last();
        alice.later(30).logoff("VPN-GW");
        people.add(alice);

        Analysis analysis = analyze(directory.build(), MODEL, Events.merge(people));

        assertThat(analysis.alerts()).as("one a day, though the score stayed above the threshold")
                .extracting(Alert::time).containsExactly(firstDay.time(), secondDay.time());
    }

    @Test
    void recordsTheEndOfDayScoreOfEveryDayFromTheFirstSignal() {
        Events alice = Events.of(ALICE).at("10:00").upload("https://wikileaks.org/a").on("2010-02-03").logon();

        DailySeries series = outcome(analyze(new Organization(), MODEL, alice.list()), ALICE).series();

        assertThat(series.firstDay()).isEqualTo(LocalDate.of(2010, 1, 4).toEpochDay());
        assertThat(series.length()).as("2010-01-04 to 2010-02-03").isEqualTo(31);
        for (int i = 1; i < series.length(); i++) {
            assertThat(series.score(i)).as("day %d", i).isPositive().isLessThanOrEqualTo(series.score(i - 1));
        }
    }

    @Test
    void analyzesEventsOlderThanThePersonsLatestAndCountsThem() {
        Events alice = Events.of(ALICE).on("2010-01-05").at("09:00").logon().on("2010-01-04").at("09:00").logon();
        Events bob = Events.of("BOB0001").on("2010-01-04").at("09:00").logon();
        List<Event> stream = new ArrayList<>(alice.list());
        stream.addAll(bob.list());

        Analysis analysis = analyze(new Organization(), MODEL, stream);

        assertThat(analysis.outOfOrder()).as("bob's event is older than alice's, but bob's first").isEqualTo(1);
        assertThat(analysis.events()).isEqualTo(3);
        assertThat(outcome(analysis, ALICE).events()).isEqualTo(2);
    }

    @Test
    void answersCurrentContributionsForLiveViews() {
        Engine engine = new Engine(DetectorRegistry.builtIn(), Contexts.empty(), MODEL);
        Events alice = Events.of(ALICE).at("10:00").upload("https://wikileaks.org/a");
        alice.list().forEach(engine::accept);

        assertThat(engine.currentContributions(ALICE, alice.last().time())).extracting(Contribution::indicator)
                .containsExactly("leak-site");
        assertThat(engine.currentContributions("NOBODY1", alice.last().time())).isEmpty();
        assertThat(engine.people()).isEqualTo(1);
        assertThat(engine.events()).isEqualTo(1);
    }

    @Test
    void skipsAndCountsAnEventSentTwice() {
        Events alice = Events.of(ALICE).at("08:00").logon().at("10:00").visit("http://wikileaks.org/upload");
        List<Event> stream = new java.util.ArrayList<>(alice.list());
        stream.add(alice.last());

        Analysis analysis = analyze(new Organization(), MODEL, stream);

        assertThat(analysis.duplicates()).isEqualTo(1);
        assertThat(analysis.events()).isEqualTo(alice.list().size());
    }

    @Test
    void holdsBackAlertsBeyondTheWeeklyBudgetButNotUrgentOnes() {
        List<Events> people = bystanders(20);
        for (int i = 0; i < 3; i++) {
            Events leaker = Events.of("LEAK" + i).at("08:00").logon().at("10:00").later(i)
                    .visit("http://www.refog.com/keylogger.html").later(5).visit("http://cryptome.org/");
            people.add(leaker);
        }
        List<Event> stream = Events.merge(people);
        int crossings = alerts(stream, new org.custos.core.alert.AlertBudget(1000, 99)).alerts().size();
        Analysis capped = alerts(stream, new org.custos.core.alert.AlertBudget(1, 99));
        Analysis urgent = alerts(stream, new org.custos.core.alert.AlertBudget(1, 35, 25));

        assertThat(new org.custos.core.alert.AlertBudget(1, 99).allowed(23)).isEqualTo(1);
        assertThat(crossings).as("leakers crossing the threshold in the same week").isGreaterThanOrEqualTo(2);
        assertThat(capped.alerts()).as("one alert in the first week for 23 people").hasSize(1);
        assertThat(capped.heldBackAlerts()).isEqualTo(crossings - 1);
        assertThat(urgent.alerts()).as("urgent scores alert whatever the budget").hasSize(crossings);
        assertThat(urgent.heldBackAlerts()).isZero();
    }

    @Test
    void carriesAQuietMonthsUnspentBudgetIntoABusyWeek() {
        List<Events> people = bystanders(20);
        for (Events bystander : people) {
            for (int day = 1; day <= 35; day++) {
                bystander.on(java.time.LocalDate.of(2010, 1, 4).plusDays(day)).at("08:00").logon();
            }
        }
        for (int i = 0; i < 3; i++) {
            Events leaker = Events.of("LEAK" + i);
            for (int day = 0; day <= 35; day++) {
                leaker.on(java.time.LocalDate.of(2010, 1, 4).plusDays(day)).at("08:00").logon();
            }
            leaker.at("10:00").later(i).visit("http://www.refog.com/keylogger.html").later(5)
                    .visit("http://cryptome.org/");
            people.add(leaker);
        }
        List<Event> stream = Events.merge(people);
        int crossings = alerts(stream, new org.custos.core.alert.AlertBudget(1000, 99)).alerts().size();
        Analysis capped = alerts(stream, new org.custos.core.alert.AlertBudget(1, 99));

        assertThat(crossings).as("leakers crossing in the sixth week").isEqualTo(3);
        assertThat(capped.alerts()).as("five quiet weeks left up to four weeks' allowance unspent").hasSize(3);
        assertThat(capped.heldBackAlerts()).isZero();
    }

    private static Analysis alerts(List<Event> stream, org.custos.core.alert.AlertBudget budget) {
        Engine engine = new Engine(org.custos.core.detector.DetectorRegistry.builtIn(),
                org.custos.core.testkit.Contexts.of(new Organization()), MODEL, budget);
        stream.forEach(engine::accept);
        return engine.finish();
    }
}
