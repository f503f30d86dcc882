package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends as a notice or a dead letter naming file, line and reason; reading goes on. */
class BadInputTest {

    @TempDir
    Path temp;

    private CertInput input() {
        return new CertInput(temp);
    }

    private static final String LOGON_HEADER = "id,date,user,pc,activity\n";

    @Test
    void refusesAMissingDirectory() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> CertDirectory.open(missing, DeadLetters.discard()))
                .isInstanceOf(IOException.class).hasMessage(missing + ": no such directory");
    }

    @Test
    void refusesAFileInsteadOfADirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("logon.csv"), LOGON_HEADER);

        assertThatThrownBy(() -> CertDirectory.open(file, DeadLetters.discard()))
                .isInstanceOf(IOException.class).hasMessage(file + ": not a directory");
    }

    @Test
    void refusesADirectoryWithoutAnyKnownFile() throws IOException {
        CertInput input = input().file("readme.txt", "hello");

        assertThatThrownBy(() -> CertDirectory.open(input.dir(), DeadLetters.discard()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(input.dir() + ": no CERT or Custos files found (expected logon.csv, device.csv")
                .hasMessageNotContaining("\n");
    }

    @Test
    void notesEachMissingStandardFile() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", LOGON_HEADER).read();

        assertThat(reading.directory().notices()).contains(
                "device.csv: not present; no removable-device events",
                "file.csv: not present; no file events",
                "email.csv: not present; no e-mail events",
                "http.csv: not present; no web events",
                "psychometric.csv: not present; no personality scores",
                "decoy_file.csv: not present; no decoy files",
                "Custos feeds not present (print.csv, badge.csv, custody.csv, personnel.csv);"
                        + " no print, badge, custody or personnel events")
                .noneMatch(n -> n.startsWith("logon.csv"));
    }

    @Test
    void skipsAFileWithAnUnknownHeaderNamingTheFileAndBothHeaders() throws IOException {
        CertInput.Reading reading = input()
                .file("logon.csv", LOGON_HEADER + "{X1},01/02/2010 06:49:00,NGF0157,PC-6056,Logon\n")
                .file("http.csv", "id,date,user,pc,url,referrer\n{H1},01/02/2010 06:55:16,A,PC,http://x,y\n")
                .read();

        assertThat(reading.directory().notices()).contains("http.csv: unrecognized header"
                + " 'id,date,user,pc,url,referrer'; expected 'id,date,user,pc,url,content' (r4.2) or"
                + " 'id,date,user,pc,url,activity,content' (r6.x); skipped");
        assertThat(reading.events()).hasSize(1);
        assertThat(reading.directory().fileStats()).containsOnlyKeys("logon.csv");
    }

    @Test
    void skipsAFileWithAMissingRequiredColumn() throws IOException {
        CertInput.Reading reading = input().file("device.csv", "id,date,user,activity\n").read();

        assertThat(reading.directory().notices()).anyMatch(n -> n.startsWith(
                "device.csv: unrecognized header 'id,date,user,activity'; expected 'id,date,user,pc,activity'"));
    }

    @Test
    void skipsAnEmptyFileWithANotice() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", "").read();

        assertThat(reading.directory().notices()).contains("logon.csv: empty file (no header line); skipped");
        assertThat(reading.events()).isEmpty();
    }

    @Test
    void rejectsBadDateToDeadLetterAndKeepsGoing() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", LOGON_HEADER + """
                {X1},01/02/2010 06:49:00,NGF0157,PC-6056,Logon
                {X2},02/30/2010 06:49:00,NGF0157,PC-6056,Logon
                {X3},2010-01-02T06:49:00,NGF0157,PC-6056,Logon
                {X4},01/02/2010 07:00:00,NGF0157,PC-6056,Logoff
                """).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{X1}", "{X4}");
        assertThat(reading.deadLetters()).containsExactly(
                new CertInput.DeadLetter("logon.csv", 3,
                        "date: '02/30/2010 06:49:00' is not a date of the form MM/DD/YYYY HH:MM:SS",
                        "{X2},02/30/2010 06:49:00,NGF0157,PC-6056,Logon"),
                new CertInput.DeadLetter("logon.csv", 4,
                        "date: '2010-01-02T06:49:00' is not a date of the form MM/DD/YYYY HH:MM:SS",
                        "{X3},2010-01-02T06:49:00,NGF0157,PC-6056,Logon"));
        assertThat(reading.directory().fileStats().get("logon.csv"))
                .isEqualTo(new FileStats("logon.csv", "r4.2/r6.x", 2, 2));
    }

    @Test
    void rejectsWrongFieldCountToDeadLetterAndKeepsGoing() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", LOGON_HEADER + """
                {X1},01/02/2010 06:49:00,NGF0157,PC-6056,Logon,extra
                {X2},01/02/2010 06:50:00,NGF0157,PC-6056,Logon
                """).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{X2}");
        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo("wrong number of fields: 6, expected 5 (id,date,user,pc,activity)");
            assertThat(d.raw()).isEqualTo("{X1},01/02/2010 06:49:00,NGF0157,PC-6056,Logon,extra");
        });
    }

    @Test
    void rejectsATruncatedFinalLine() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", LOGON_HEADER + """
                {X1},01/02/2010 06:49:00,NGF0157,PC-6056,Logon
                {X2},01/02/2010 06:5""").read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{X1}");
        assertThat(reading.deadLetters()).singleElement().isEqualTo(new CertInput.DeadLetter("logon.csv", 3,
                "truncated final line: 2 fields, expected 5 (id,date,user,pc,activity)", "{X2},01/02/2010 06:5"));
    }

    @Test
    void rejectsAQuotedFieldLeftOpenAtTheEndOfTheFile() throws IOException {
        CertInput.Reading reading = input().file("http.csv", """
                id,date,user,pc,url,content
                {H1},01/02/2010 06:55:16,A,PC-1,http://a.com/,fine
                {H2},01/02/2010 06:55:17,A,PC-1,http://a.com/,"cut off in the
                """).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{H1}");
        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.reason()).isEqualTo("content (field 6): quoted field not closed before the end of the input");
        });
    }

    @Test
    void rejectsInvalidUtf8NamingTheFieldAndKeepsTheOtherRows() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,date,user,pc,url,content\n{H1},01/02/2010 06:55:16,A,PC-1,http://a.com/,caf"
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\n{H2},01/02/2010 06:55:17,A,PC-1,http://a.com/,café\n".getBytes(StandardCharsets.UTF_8));

        CertInput.Reading reading = input().bytes("http.csv", bytes.toByteArray()).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{H2}");
        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("http.csv");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo("content (field 6): invalid UTF-8 byte 0xE9 at byte 50 of the record");
            assertThat(d.raw()).endsWith(",caf\\xE9");
        });
    }

    @Test
    void rejectsUnknownActivityEmptyUserAndBadFlagNamingEachProblem() throws IOException {
        CertInput.Reading reading = input().file("file.csv", """
                id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content
                {F1},01/02/2010 07:19:41,,PC-5849,a.doc,File Rename,yes,False,x
                {F2},01/02/2010 07:19:42,SDH2394,PC-5849,a.doc,File Open,False,False,x
                """).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{F2}");
        assertThat(reading.deadLetters()).singleElement().extracting(CertInput.DeadLetter::reason).isEqualTo(
                "user: empty; activity: 'File Rename' is not one of File Open, File Write, File Copy, File Delete;"
                        + " to_removable_media: 'yes' is not one of True, False");
    }

    @Test
    void rejectsAnLdapRowWhoseUserIdIsOnlyWhiteSpaceAndKeepsTheOthers() throws IOException {
        // found by CertFilesFuzzTest#ldapSnapshot: the id passed as present and the person record then threw
        CertInput.Reading reading = input().file("LDAP/2010-01.csv", "employee_name,user_id\n"
                + "Ada Lovelace,ACM2278\n"
                + "Nobody,\u001e\u001e \n").read();

        assertThat(reading.directory().organization().users()).containsExactly("ACM2278");
        assertThat(reading.deadLetters()).singleElement().extracting(CertInput.DeadLetter::reason)
                .isEqualTo("user_id: only white space");
    }

    @Test
    void namesAnUnknownLdapColumnWithALineBreakOnOneLine() throws IOException {
        // found by CertFilesFuzzTest#ldapSnapshot: the quoted column name's line break split the notice
        CertInput.Reading reading = input().file("LDAP/2010-01.csv", "employee_name,user_id,\"re\nmark\"\n"
                + "Ada Lovelace,ACM2278,x\n").read();

        assertThat(reading.directory().notices())
                .contains("LDAP/2010-01.csv: ignoring unknown columns re\\nmark")
                .allSatisfy(n -> assertThat(n).doesNotContain("\n"));
    }

    @Test
    void rejectsBadNumbersAndUnknownPersonnelEvents() throws IOException {
        CertInput.Reading reading = input()
                .file("print.csv", """
                        id,date,user,pc,printer,document,pages
                        {P1},03/15/2011 18:30:00,A,PC-1,PRN,x.doc,-3
                        """)
                .file("personnel.csv", """
                        id,date,user,event,details
                        {H1},03/01/2011 00:00:00,A,promotion,
                        """)
                .read();

        assertThat(reading.events()).isEmpty();
        assertThat(reading.deadLetters()).extracting(CertInput.DeadLetter::reason).containsExactly(
                "pages: '-3' is not a whole number >= 0",
                "event: unknown personnel event 'promotion', expected one of [hire, departure, resignation,"
                        + " termination, court-defaulter, accounts-frozen, investment-loss, performance-plan, layoff,"
                        + " access-revoked]");
        assertThat(reading.directory().fileStats().get("personnel.csv").rejected()).isEqualTo(1);
    }

    @Test
    void writesRawRecordsWithCommasQuotesAndLineBreaksAsValidCsv() throws IOException {
        CertInput.Reading reading = input().file("http.csv", """
                id,date,user,pc,url,content
                {H1},13/02/2010 06:55:16,A,PC-1,http://a.com/,"a ""quoted"", multi
                line text"
                """).read();

        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.raw()).isEqualTo(
                    "{H1},13/02/2010 06:55:16,A,PC-1,http://a.com/,\"a \"\"quoted\"\", multi\nline text\"");
        });
    }

    @Test
    void countsDeadLettersEvenWhenDiscarded() throws IOException {
        CertInput input = input().file("logon.csv", LOGON_HEADER + "{X1},bad,A,PC,Logon\n{X2},bad,A,PC,Logon\n");
        DeadLetters discard = DeadLetters.discard();

        try (CertDirectory directory = CertDirectory.open(input.dir(), discard)) {
            directory.forEachEvent(e -> { });
        }

        assertThat(discard.count()).isEqualTo(2);
    }
}
