package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custos.core.event.PersonnelChange.Kind;
import org.custos.core.testkit.Contexts;
import org.custos.core.testkit.DetectorRun;
import org.custos.core.testkit.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PersonnelStressorDetectorTest {

    private static final String USER = "ACM2278";
    private static final double WEIGHT = PersonnelStressorDetector.INDICATOR.weight();

    private static List<Signal> run(Events events) {
        return DetectorRun.signals(new PersonnelStressorDetector(), Contexts.empty(), events.list());
    }

    @Test
    void flagsACourtDefaulterListingWithItsDetails() {
        Events alice = Events.of(USER).at("08:00").personnel(Kind.COURT_DEFAULTER, "listed by the district court");

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.indicator().id()).isEqualTo("personnel-stressor");
            assertThat(s.weight()).isCloseTo(WEIGHT * 1.2, within(1e-9));
            assertThat(s.eventIds()).containsExactly(alice.lastId());
            assertThat(s.explanation())
                    .isEqualTo("personnel feed reports court-defaulter (listed by the district court)");
        });
    }

    @ParameterizedTest
    @CsvSource({"COURT_DEFAULTER, 1.2", "ACCOUNTS_FROZEN, 1.2", "INVESTMENT_LOSS, 1.0", "TERMINATION, 1.0",
            "PERFORMANCE_PLAN, 0.6", "LAYOFF, 0.6", "RESIGNATION, 0.5"})
    void weighsEachStressorKind(Kind kind, double factor) {
        Events alice = Events.of(USER).personnel(kind);

        assertThat(run(alice)).singleElement().satisfies(s -> {
            assertThat(s.weight()).isCloseTo(WEIGHT * factor, within(1e-9));
            assertThat(s.explanation()).isEqualTo("personnel feed reports " + kind.feedName());
        });
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"HIRE", "DEPARTURE", "ACCESS_REVOKED"})
    void doesNotFlagPersonnelChangesThatAreNotStressors(Kind kind) {
        assertThat(run(Events.of(USER).personnel(kind))).isEmpty();
    }

    @Test
    void flagsEachReportEvenBeforeWarmUpBecauseStressorsHaveNoBaseline() {
        Events alice = Events.of(USER).personnel(Kind.INVESTMENT_LOSS).nextDay().personnel(Kind.ACCOUNTS_FROZEN);

        assertThat(run(alice)).hasSize(2);
    }
}
