package org.custos.core.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.custos.core.testkit.Directory;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final String ALICE = "ACM2278";
    private static final String BOB = "BOB0001";

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void readsARecordFromThatMonthsSnapshotOrFallsBackToAnEarlierOne() {
        Organization org = Organization.of(List.of(
                Directory.snapshot("2010-03", Directory.record(ALICE, "Alice Carter", "Manager", "Bob Boss")),
                Directory.snapshot("2010-01", Directory.record(ALICE, "Alice Carter", "Engineer", "Bob Boss")),
                Directory.snapshot("2010-02", Directory.record(BOB, "Bob Boss", "Director", ""))));

        assertThat(org.recordOn(ALICE, day("2010-01-20"))).map(PersonRecord::role).hasValue("Engineer");
        assertThat(org.recordOn(ALICE, day("2010-02-20"))).as("not in February: January's record")
                .map(PersonRecord::role).hasValue("Engineer");
        assertThat(org.recordOn(ALICE, day("2010-03-01"))).map(PersonRecord::role).hasValue("Manager");
        assertThat(org.recordOn(ALICE, day("2011-07-01"))).map(PersonRecord::role).hasValue("Manager");
        assertThat(org.recordOn("NOBODY1", day("2010-03-01"))).isEmpty();
    }

    @Test
    void usesTheFirstRecordForADayBeforeTheFirstSnapshot() {
        Organization org = Directory.months("2010-02", "2010-03").person(ALICE, p -> p.role("Engineer")).build();

        assertThat(org.recordOn(ALICE, day("2009-12-15"))).map(PersonRecord::role).hasValue("Engineer");
    }

    @Test
    void infersADepartureFromAbsenceInTheLastSnapshot() {
        Organization org = Directory.months("2010-01", "2010-06")
                .person(ALICE, p -> p.from("2010-02").until("2010-04")).person(BOB).build();

        assertThat(org.employment(ALICE)).hasValue(new EmploymentPeriod(day("2010-02-01"), Optional.of(day("2010-04-30"))));
        assertThat(org.employment(BOB)).hasValue(new EmploymentPeriod(day("2010-01-01"), Optional.empty()));
        assertThat(org.employment("NOBODY1")).isEmpty();
        assertThat(org.employment(ALICE).orElseThrow().departedBefore(day("2010-05-01"))).isTrue();
        assertThat(org.employment(ALICE).orElseThrow().departedBefore(day("2010-04-30"))).isFalse();
        assertThat(org.employment(BOB).orElseThrow().departedBefore(day("2030-01-01"))).isFalse();
    }

    @Test
    void letsAnExplicitDepartureOverrideTheInferredOne() {
        Organization org = Directory.months("2010-01", "2010-06")
                .person(ALICE, p -> p.until("2010-04")).person(BOB).build();

        org.recordDeparture(ALICE, day("2010-03-12"));
        org.recordDeparture(BOB, day("2010-05-20"));

        assertThat(org.employment(ALICE).flatMap(EmploymentPeriod::end)).hasValue(day("2010-03-12"));
        assertThat(org.employment(BOB).flatMap(EmploymentPeriod::end)).hasValue(day("2010-05-20"));
    }

    @Test
    void resolvesTheSupervisorsAccountFromTheirName() {
        Organization org = Directory.months("2010-01", "2010-02")
                .person(ALICE, p -> p.name("Alice Carter").supervisor("Bob Boss"))
                .person(BOB, p -> p.name("Bob Boss"))
                .person("CAROL01", p -> p.name("Carol Day").supervisor("Someone Unlisted"))
                .build();

        assertThat(org.supervisorOn(ALICE, day("2010-01-10"))).hasValue(BOB);
        assertThat(org.supervisorOn(BOB, day("2010-01-10"))).as("at the top").isEmpty();
        assertThat(org.supervisorOn("CAROL01", day("2010-01-10"))).isEmpty();
    }

    @Test
    void collectsTheWorkMailDomainsOfItsStaff() {
        Organization org = Directory.months("2010-01", "2010-01")
                .person(ALICE, p -> p.email("alice.carter@DTAA.com"))
                .person(BOB, p -> p.email("bob@subsidiary.dtaa.cn"))
                .person("CAROL01", p -> p.email("no-address"))
                .build();

        assertThat(org.workDomains()).containsExactlyInAnyOrder("dtaa.com", "subsidiary.dtaa.cn");
    }

    @Test
    void answersDirectoryQuestions() {
        Organization org = Directory.months("2010-01", "2010-03")
                .person(ALICE, p -> p.role("Engineer").until("2010-02"))
                .person(BOB, p -> p.role("Director"))
                .build();

        assertThat(org.months()).containsExactly(YearMonth.of(2010, 1), YearMonth.of(2010, 2), YearMonth.of(2010, 3));
        assertThat(org.users()).containsExactly(ALICE, BOB);
        assertThat(org.knows(ALICE)).isTrue();
        assertThat(org.knows("NOBODY1")).isFalse();
        assertThat(org.headCount()).isEqualTo(1);
        assertThat(org.roles()).containsExactly("Director", "Engineer");
        assertThat(org.peerGroupOn(ALICE, day("2010-01-05"))).isEqualTo("Engineer");
        assertThat(org.peerGroupOn("NOBODY1", day("2010-01-05"))).isEqualTo("unknown");
        assertThat(org.latestRecord(ALICE)).map(PersonRecord::role).hasValue("Engineer");
    }

    @Test
    void knowsNothingWhenEmpty() {
        Organization org = new Organization();

        assertThat(org.isEmpty()).isTrue();
        assertThat(org.headCount()).isZero();
        assertThat(org.recordOn(ALICE, day("2010-01-01"))).isEmpty();
        assertThat(org.supervisorOn(ALICE, day("2010-01-01"))).isEmpty();
        assertThat(org.workDomains()).isEmpty();
    }
}
