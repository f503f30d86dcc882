package org.custos.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.custos.core.alert.Alert;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.event.Event;
import org.custos.core.organization.Organization;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.Directory;
import org.custos.core.testkit.Events;
import org.custos.core.testkit.Mail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine over a synthetic organization of 40 people and 60 calendar days in which one person, after a
 * clean baseline, connects a removable drive for the first time, copies files to it and uploads to a leak site.
 */
class EngineEndToEndTest {

    private static final String PLANTED = "ACM2278";
    private static final String LATE_WORKER = "EMP0010";
    private static final String JOB_SEEKER = "EMP0020";
    private static final int PEOPLE = 40;
    private static final LocalDate START = LocalDate.of(2010, 1, 4);
    private static final int DAYS = 60;
    private static final LocalDate PLANT_DAY = LocalDate.of(2010, 2, 22);
    private static final List<String> ORDINARY_SITES = List.of("http://intranet.dtaa.com/news",
            "http://intranet.dtaa.com/wiki/Project_X7", "http://www.weather.example.com/today",
            "https://docs.vendor.example.net/manual", "http://news.example.org/world");

    /** A budget whose calibrated threshold never goes below the default 35, so the crossing can be replayed. */
    private static final org.custos.core.alert.AlertBudget THRESHOLD_AT_LEAST_35 =
            new org.custos.core.alert.AlertBudget(1, 70, RiskParameters.defaults().alertThreshold());

    private static List<Event> events;
    private static List<Event> planted;
    private static Organization org;
    private static Analysis analysis;

    private static String user(int i) {
        return i == 7 ? PLANTED : String.format("EMP%04d", i);
    }

    @BeforeAll
    static void analyzeTheSyntheticStream() {
        Random random = new Random(20100104);
        Directory directory = Directory.months("2010-01", "2010-03");
        List<Events> people = new ArrayList<>();
        planted = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String user = user(i);
            String role = i % 3 == 0 ? "Analyst" : "Engineer";
            directory.person(user, p -> p.name("Person " + user).role(role));
            people.add(ordinaryPerson(user, i % 4 == 0, i % 3 == 0, random));
        }
        org = directory.build();
        events = Events.merge(people);
        Engine engine = new Engine(DetectorRegistry.builtIn(), Contexts.of(org), new RiskModel(RiskParameters.defaults()),
                THRESHOLD_AT_LEAST_35);
        events.forEach(engine::accept);
        analysis = engine.finish();
    }

    private static Events ordinaryPerson(String user, boolean usesUsb, boolean prints, Random random) {
        Events e = Events.of(user).host("PC-" + user);
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            e.on(day).at("08:00").later(random.nextInt(90)).logon();
            for (int v = 2 + random.nextInt(5); v > 0; v--) {
                e.later(5 + random.nextInt(30)).visit(ORDINARY_SITES.get(random.nextInt(ORDINARY_SITES.size())));
            }
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                e.later(5 + random.nextInt(20)).email(Mail.toColleagues(1 + random.nextInt(4), Directory.DOMAIN)
                        .content("minutes of the weekly meeting and the test plan"));
            }
            if (usesUsb && (d == 0 || random.nextDouble() < 0.3)) {
                e.later(10).deviceConnect();
                for (int f = 1 + random.nextInt(3); f > 0; f--) {
                    e.later(1).fileToUsb("C:\\work\\notes-" + d + "-" + f + ".docx");
                }
                e.later(5).deviceDisconnect("PC-" + user);
            }
            if (prints && random.nextBoolean()) {
                e.later(10).print(1 + random.nextInt(10));
            }
            if (user.equals(LATE_WORKER) && d == 45) {
                e.at("20:15").logon();
            }
            if (user.equals(JOB_SEEKER) && d == 38) {
                e.at("12:30").visit("http://www.monster.com/search").later(2).visit("http://www.indeed.com/");
            }
            if (user.equals(PLANTED) && day.equals(PLANT_DAY)) {
                e.at("14:00").deviceConnect();
                planted.add(e.last());
                for (int f = 0; f < 15; f++) {
                    e.later(1).fileToUsb("R:\\Projects\\X7\\design-" + f + ".pdf");
                    planted.add(e.last());
                }
                e.at("14:40").upload("https://wikileaks.org/submit");
                planted.add(e.last());
            }
            e.at("17:00").later(random.nextInt(60)).logoff("PC-" + user);
        }
        return e;
    }

    @Test
    void ranksThePlantedExfiltratorFirstWithAnAlert() {
        PersonOutcome first = analysis.people().get(0);

        assertThat(first.user()).isEqualTo(PLANTED);
        assertThat(first.peak().score()).isGreaterThanOrEqualTo(RiskParameters.defaults().alertThreshold())
                .isGreaterThan(analysis.people().get(1).peak().score());
        assertThat(first.peak().indicators()).contains("removable-media-first-use", "file-to-removable-media",
                "leak-site");
        assertThat(first.peak().contributions()).extracting(Contribution::indicator).contains(RiskModel.CRITICAL_PATH);
    }

    @Test
    void alertsOnlyOnThePlantedPersonAtThePlantedEventThatCrossedTheThreshold() {
        Set<Instant> plantedTimes = new HashSet<>();
        planted.forEach(e -> plantedTimes.add(e.time()));

        assertThat(analysis.alerts()).isNotEmpty().allSatisfy(a -> assertThat(a.user()).isEqualTo(PLANTED));
        Alert alert = analysis.alerts().get(0);
        assertThat(alert.time()).isIn(plantedTimes).isEqualTo(crossingTime());
        assertThat(alert.id()).isEqualTo(Alert.idFor(PLANTED, alert.time()));
        assertThat(alert.score()).isGreaterThanOrEqualTo(RiskParameters.defaults().alertThreshold());
        assertThat(alert.indicators()).contains("removable-media-first-use").doesNotContain(RiskModel.CRITICAL_PATH);
        assertThat(alert.story()).contains("removable-media-first-use (");
    }

    /** The time of the first planted event after which the planted person's live score reaches the threshold. */
    private static Instant crossingTime() {
        Engine replay = new Engine(DetectorRegistry.builtIn(), Contexts.of(org), new RiskModel(RiskParameters.defaults()));
        Set<String> plantedIds = new HashSet<>();
        planted.forEach(e -> plantedIds.add(e.id()));
        for (Event e : events) {
            replay.accept(e);
            if (plantedIds.contains(e.id())) {
                double score = replay.currentContributions(PLANTED, e.time()).stream()
                        .mapToDouble(Contribution::points).sum();
                if (score >= RiskParameters.defaults().alertThreshold()) {
                    return e.time();
                }
            }
        }
        throw new AssertionError("the planted events never reach the alert threshold on replay");
    }

    @Test
    void explainsEveryContributionWithEventsThatWereFedIn() {
        Set<String> fed = new HashSet<>();
        events.forEach(e -> fed.add(e.id()));
        Set<String> plantedIds = new HashSet<>();
        planted.forEach(e -> plantedIds.add(e.id()));

        for (PersonOutcome person : analysis.people()) {
            for (Contribution c : person.peak().contributions()) {
                assertThat(c.eventIds()).as(person.user() + " " + c.indicator()).isNotEmpty().isSubsetOf(fed)
                        .allSatisfy(id -> assertThat(id).startsWith(person.user() + "-"));
                assertThat(c.explanation()).as(person.user() + " " + c.indicator()).isNotBlank();
            }
        }
        assertThat(analysis.people().get(0).peak().contributions())
                .filteredOn(c -> !c.indicator().equals("after-hours-logon"))
                .allSatisfy(c -> assertThat(c.eventIds()).isSubsetOf(plantedIds));
    }

    @Test
    void listsEveryoneIncludingPeopleWithoutSignalsAtScoreZero() {
        assertThat(analysis.people()).hasSize(PEOPLE);
        assertThat(analysis.people()).extracting(PersonOutcome::user).doesNotHaveDuplicates()
                .containsAll(org.users());
        List<PersonOutcome> quiet = analysis.people().stream().filter(p -> p.peak().contributions().isEmpty()).toList();
        assertThat(quiet).hasSizeGreaterThan(PEOPLE - 5).allSatisfy(p -> {
            assertThat(p.peak().score()).isZero();
            assertThat(p.events()).isPositive();
            assertThat(p.series().isEmpty()).isTrue();
        });
        assertThat(analysis.people()).extracting(p -> p.peak().score())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void ranksMildOneOffSignalsBelowTheAlertThreshold() {
        assertThat(analysis.people()).filteredOn(p -> p.user().equals(LATE_WORKER) || p.user().equals(JOB_SEEKER))
                .hasSize(2).allSatisfy(p -> assertThat(p.peak().score()).isPositive().isLessThan(50));
    }

    @Test
    void countsEveryEventFedInOrder() {
        assertThat(analysis.events()).isEqualTo(events.size());
        assertThat(analysis.people().stream().mapToLong(PersonOutcome::events).sum()).isEqualTo(events.size());
        assertThat(analysis.outOfOrder()).isZero();
        assertThat(analysis.signals()).isPositive();
    }

    @Test
    void keepsADailySeriesFromThePlantedPersonsFirstSignal() {
        DailySeries series = analysis.people().get(0).series();

        assertThat(series.firstDay()).isEqualTo(PLANT_DAY.toEpochDay());
        assertThat(series.score(0)).isGreaterThanOrEqualTo(50);
        assertThat(series.length()).isGreaterThan(1);
        assertThat(series.score(series.length() - 1)).isLessThan(series.score(0));
    }
}
