package org.custos.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.custos.core.detector.Detector;
import org.custos.core.detector.Person;
import org.custos.core.detector.Signal;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Logon;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.organization.Organization;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void writesEventsAtTheCursorWithStablePerPersonIds() {
        Events e = Events.of("ACM2278").on("2010-01-05").at("09:15").logon("PC-1").later(30).fileToUsb("a.txt");

        assertThat(e.list()).extracting(Event::id).containsExactly("ACM2278-1", "ACM2278-2");
        assertThat(e.list().get(0).time()).isEqualTo(Instant.parse("2010-01-05T09:15:00Z"));
        assertThat(e.last().time()).isEqualTo(Instant.parse("2010-01-05T09:45:00Z"));
        assertThat(e.last().host()).isEqualTo("PC-ACM2278");
    }

    @Test
    void writesWorkingDaysOnWeekdaysOnlyAndLeavesTheCursorOnTheNext() {
        Events e = Events.of("ACM2278").on("2010-01-09").workingDays(6, d -> d.print(1));

        List<LocalDate> days = e.list().stream().map(ev -> ev.time().atZone(ZoneOffset.UTC).toLocalDate())
                .distinct().toList();
        assertThat(days).hasSize(6).first().isEqualTo(LocalDate.of(2010, 1, 11));
        assertThat(days).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(e.list()).hasSize(18);
        assertThat(e.date()).isEqualTo(LocalDate.of(2010, 1, 19));
        assertThat(e.list()).extracting(Event::time).isSorted();
    }

    @Test
    void startsWorkingDaysAfterADayThatAlreadyHasEvents() {
        Events e = Events.of("ACM2278").on("2010-01-04").at("16:00").print(1).workingDays(1);

        assertThat(e.last().time()).isEqualTo(Instant.parse("2010-01-05T17:00:00Z"));
    }

    @Test
    void mergesPeopleInTimeOrder() {
        Events a = Events.of("A").at("10:00").logon();
        Events b = Events.of("B").at("09:00").logon();

        assertThat(Events.merge(a, b)).extracting(Event::user).containsExactly("B", "A");
    }

    @Test
    void runsADetectorAdvancingThePersonBeforeEachEventAndLearningHosts() {
        Indicator indicator = new Indicator("probe", Category.ACCESS, "probe", 1);
        Detector<int[]> probe = new Detector<>() {
            public Indicator indicator() {
                return indicator;
            }

            public java.util.Set<EventKind> kinds() {
                return java.util.Set.of(EventKind.LOGON);
            }

            public int[] newState() {
                return new int[1];
            }

            public void observe(Event event, int[] state, Person person, org.custos.core.detector.SignalSink sink) {
                state[0]++;
                sink.accept(new Signal(person.user(), indicator, event.time(), 1, List.of(event.id()),
                        "active days before: " + person.activeDaysBefore()));
            }
        };
        var org = Contexts.of(new Organization());
        Events e = Events.of("ACM2278").workingDays(21).print(3);

        DetectorRun<int[]> run = DetectorRun.of(probe, org).feed(e.list());

        assertThat(run.signals()).hasSize(42);
        assertThat(run.signals().get(41).explanation()).isEqualTo("active days before: 20");
        assertThat(run.person("ACM2278").activeDaysBefore()).isEqualTo(21);
        assertThat(run.person("ACM2278").hasBaseline()).isTrue();
        assertThat(run.state("ACM2278")[0]).isEqualTo(42);
        assertThat(org.hosts().owner("PC-ACM2278")).isEqualTo("ACM2278");
        assertThat(e.list().get(0)).isInstanceOf(Logon.class);
    }
}
