package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.custos.core.organization.EmploymentPeriod;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LDAP snapshots, psychometrics and decoys are read when the directory is opened. */
class ReferenceFilesTest {

    @TempDir
    Path temp;

    private static final String R6_LDAP = "employee_name,user_id,email,role,projects,business_unit,functional_unit,"
            + "department,team,supervisor\n";

    @Test
    void buildsTheOrganizationFromMonthlySnapshotsInferringDeparturesAndSupervisors() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("LDAP/2010-01.csv", R6_LDAP + """
                        Calvin Edan Love,CEL0561,Calvin.Edan.Love@dtaa.com,ComputerProgrammer,Project 1;Project 7,1,2 - ResearchAndEngineering,2 - SoftwareManagement,3 - Software,Stephanie Briar Harrington
                        Stephanie Briar Harrington,SBH0001,Stephanie.Briar.Harrington@dtaa.com,Manager,,1,2 - ResearchAndEngineering,2 - SoftwareManagement,,
                        """)
                .file("LDAP/2010-02.csv", R6_LDAP + """
                        Stephanie Briar Harrington,SBH0001,Stephanie.Briar.Harrington@dtaa.com,Manager,,1,2 - ResearchAndEngineering,2 - SoftwareManagement,,
                        """)
                .read();

        Organization org = reading.directory().organization();
        assertThat(org.months()).containsExactly(YearMonth.of(2010, 1), YearMonth.of(2010, 2));
        assertThat(org.recordOn("CEL0561", LocalDate.of(2010, 1, 15))).contains(new PersonRecord("CEL0561",
                "Calvin Edan Love", "Calvin.Edan.Love@dtaa.com", "ComputerProgrammer", List.of("Project 1", "Project 7"),
                "1", "2 - ResearchAndEngineering", "2 - SoftwareManagement", "3 - Software",
                "Stephanie Briar Harrington", ""));
        assertThat(org.employment("CEL0561")).contains(
                new EmploymentPeriod(LocalDate.of(2010, 1, 1), Optional.of(LocalDate.of(2010, 1, 31))));
        assertThat(org.employment("SBH0001")).contains(new EmploymentPeriod(LocalDate.of(2010, 1, 1), Optional.empty()));
        assertThat(org.supervisorOn("CEL0561", LocalDate.of(2010, 1, 15))).contains("SBH0001");
    }

    @Test
    void readsR42SnapshotsWithoutProjectsAndSimulatorSnapshotsWithClearance() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("LDAP/2009-12.csv", """
                        employee_name,user_id,email,role,business_unit,functional_unit,department,team,supervisor
                        Calvin Edan Love,CEL0561,Calvin.Edan.Love@dtaa.com,ComputerProgrammer,1,2 - R&E,2 - SM,3 - Software,Boss Person
                        """)
                .file("LDAP/2010-01.csv", """
                        employee_name,user_id,role,clearance
                        Calvin Edan Love,CEL0561,ComputerProgrammer,secret
                        """)
                .read();

        Organization org = reading.directory().organization();
        assertThat(org.recordOn("CEL0561", LocalDate.of(2009, 12, 1)).map(PersonRecord::team)).contains("3 - Software");
        assertThat(org.recordOn("CEL0561", LocalDate.of(2009, 12, 1)).map(PersonRecord::projects)).contains(List.of());
        assertThat(org.recordOn("CEL0561", LocalDate.of(2010, 1, 1)).map(PersonRecord::clearance)).contains("secret");
        assertThat(reading.directory().notices()).noneMatch(n -> n.startsWith("LDAP"));
    }

    @Test
    void rejectsBadLdapRowsAndNotesTheirNumber() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("LDAP/2010-01.csv", """
                        employee_name,user_id,role,office
                        Calvin Edan Love,CEL0561,ComputerProgrammer,B12
                        Nobody,,Manager,B1
                        Calvin Again,CEL0561,Manager,B2
                        Short,row
                        """)
                .file("LDAP/notes.txt", "x")
                .read();

        assertThat(reading.deadLetters()).extracting(CertInput.DeadLetter::file, CertInput.DeadLetter::line,
                CertInput.DeadLetter::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("LDAP/2010-01.csv", 3L, "user_id: empty"),
                org.assertj.core.groups.Tuple.tuple("LDAP/2010-01.csv", 4L,
                        "user_id: 'CEL0561' is listed twice (first on line 2)"),
                org.assertj.core.groups.Tuple.tuple("LDAP/2010-01.csv", 5L,
                        "wrong number of fields: 2, expected 4 (employee_name,user_id,role,office)"));
        assertThat(reading.directory().organization().latestRecord("CEL0561").map(PersonRecord::name))
                .contains("Calvin Edan Love");
        assertThat(reading.directory().notices()).contains(
                "LDAP/2010-01.csv: ignoring unknown columns office",
                "LDAP/notes.txt: not a YYYY-MM.csv snapshot; skipped",
                "LDAP/: 3 bad rows sent to the dead letters");
    }

    @Test
    void skipsASnapshotWithoutUserIdsWithANotice() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("LDAP/2010-01.csv", "employee_name,role\nCalvin,Manager\n")
                .read();

        assertThat(reading.directory().organization().isEmpty()).isTrue();
        assertThat(reading.directory().notices()).anyMatch(n -> n.startsWith(
                "LDAP/2010-01.csv: header 'employee_name,role' lacks user_id; expected columns among"));
    }

    @Test
    void givesAnEmptyOrganizationWithoutLdap() throws IOException {
        CertInput.Reading reading = new CertInput(temp).file("logon.csv", "id,date,user,pc,activity\n").read();

        assertThat(reading.directory().organization().isEmpty()).isTrue();
        assertThat(reading.directory().notices()).anyMatch(n -> n.startsWith("LDAP/: not present"));
    }

    @Test
    void takesDepartureDatesFromThePersonnelFeed() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("LDAP/2010-01.csv", R6_LDAP + "A Person,APE0001,a@dtaa.com,Manager,,1,2,3,4,\n")
                .file("LDAP/2010-02.csv", R6_LDAP + "A Person,APE0001,a@dtaa.com,Manager,,1,2,3,4,\n")
                .file("personnel.csv", """
                        id,date,user,event,details
                        {P1},02/10/2010 12:00:00,APE0001,departure,left
                        """)
                .read();

        assertThat(reading.directory().organization().employment("APE0001")).contains(
                new EmploymentPeriod(LocalDate.of(2010, 1, 1), Optional.of(LocalDate.of(2010, 2, 10))));
        assertThat(reading.events()).hasSize(1);
    }

    @Test
    void readsPsychometricScoresByUser() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("psychometric.csv", """
                        employee_name,user_id,O,C,E,A,N
                        Calvin Edan Love,CEL0561,40,39,36,19,40
                        Broken Row,BRO0001,40,x,36,19,40
                        """)
                .read();

        assertThat(reading.directory().psychometrics()).containsOnlyKeys("CEL0561")
                .containsEntry("CEL0561", new Psychometrics(40, 39, 36, 19, 40));
        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("psychometric.csv");
            assertThat(d.reason()).isEqualTo("c: 'x' is not a whole number >= 0");
        });
        assertThat(reading.directory().notices()).contains("psychometric.csv: 1 bad rows sent to the dead letters");
    }

    @Test
    void readsDecoyFileNamesFromAQuotedFile() throws IOException {
        CertInput.Reading reading = new CertInput(temp)
                .file("decoy_file.csv", """
                        "decoy_filename","pc"
                        "C:\\46GCY91\\9JWV9YSV.doc","PC-8053"
                        "C:\\Budget, 2011.xls","PC-0001"
                        """)
                .read();

        assertThat(reading.directory().decoyFiles()).containsExactly("C:\\46GCY91\\9JWV9YSV.doc",
                "C:\\Budget, 2011.xls");
    }
}
