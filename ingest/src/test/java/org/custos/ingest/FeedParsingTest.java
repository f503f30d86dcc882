package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per feed and release: each header is recognized and each column lands in the right event field. */
class FeedParsingTest {

    @TempDir
    Path temp;

    private CertInput input() {
        return new CertInput(temp);
    }

    private static final Instant JAN_2_0649 = Instant.parse("2010-01-02T06:49:00Z");

    @Test
    void readsLogonRowsOfEitherRelease() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", """
                id,date,user,pc,activity
                {X1D9-S0ES98JV-5357PWMI},01/02/2010 06:49:00,NGF0157,PC-6056,Logon
                {G2B3-L6EJ61GT-2222RKSO},01/02/2010 06:50:00,NGF0157,PC-6056,Logoff
                """).read();

        assertThat(reading.events()).containsExactly(
                new Logon("{X1D9-S0ES98JV-5357PWMI}", JAN_2_0649, "NGF0157", "PC-6056", Logon.Action.LOGON, false),
                new Logon("{G2B3-L6EJ61GT-2222RKSO}", JAN_2_0649.plusSeconds(60), "NGF0157", "PC-6056",
                        Logon.Action.LOGOFF, false));
        assertThat(reading.directory().fileStats().get("logon.csv"))
                .isEqualTo(new FileStats("logon.csv", "r4.2/r6.x", 2, 0));
    }

    @Test
    void readsR42DeviceRowsWithoutFileTree() throws IOException {
        CertInput.Reading reading = input().file("device.csv", """
                id,date,user,pc,activity
                {J1S3-L9UU75BQ-7790ATPL},01/02/2010 07:21:06,MOH0273,PC-6699,Connect
                """).read();

        assertThat(reading.only(DeviceUse.class)).isEqualTo(new DeviceUse("{J1S3-L9UU75BQ-7790ATPL}",
                Instant.parse("2010-01-02T07:21:06Z"), "MOH0273", "PC-6699", DeviceUse.Action.CONNECT, ""));
        assertThat(reading.directory().fileStats().get("device.csv").layout()).isEqualTo("r4.2");
    }

    @Test
    void readsR6DeviceRowsWithFileTree() throws IOException {
        CertInput.Reading reading = input().file("device.csv", """
                id,date,user,pc,file_tree,activity
                {C9S1-Y8GB42VD-2923GATU},01/02/2010 07:27:19,HRE1950,PC-8025,R:\\;R:\\HRE1950;R:\\47yHBn0,Disconnect
                """).read();

        DeviceUse use = reading.only(DeviceUse.class);
        assertThat(use.fileTree()).isEqualTo("R:\\;R:\\HRE1950;R:\\47yHBn0");
        assertThat(use.action()).isEqualTo(DeviceUse.Action.DISCONNECT);
        assertThat(reading.directory().fileStats().get("device.csv").layout()).isEqualTo("r6.x");
    }

    @Test
    void readsR42FileRowsAsCopiesToRemovableMedia() throws IOException {
        CertInput.Reading reading = input().file("file.csv", """
                id,date,user,pc,filename,content
                {L9G8-J9QE34VM-2834VDPB},01/02/2010 07:23:14,MOH0273,PC-6699,EYPC9Y08.doc,D0-CF-11-E0 during difficulty
                """).read();

        assertThat(reading.only(FileActivity.class)).isEqualTo(new FileActivity("{L9G8-J9QE34VM-2834VDPB}",
                Instant.parse("2010-01-02T07:23:14Z"), "MOH0273", "PC-6699", "EYPC9Y08.doc",
                FileActivity.Action.COPY, true, false, "D0-CF-11-E0 during difficulty"));
        assertThat(reading.directory().fileStats().get("file.csv").layout()).isEqualTo("r4.2");
    }

    @Test
    void readsR6FileRowsWithActivityAndRemovableFlags() throws IOException {
        CertInput.Reading reading = input().file("file.csv", """
                id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content
                {F3E2-X3MV05YQ-3516SZDT},01/02/2010 07:19:41,SDH2394,PC-5849,R:\\60WBQE7S.doc,File Open,False,True,"D0-CF brother, Lipot"
                {F3E2-X3MV05YQ-3516SZDU},01/02/2010 07:19:42,SDH2394,PC-5849,C:\\a.pdf,File Write,True,False,x
                {F3E2-X3MV05YQ-3516SZDV},01/02/2010 07:19:43,SDH2394,PC-5849,C:\\a.pdf,File Copy,true,false,x
                {F3E2-X3MV05YQ-3516SZDW},01/02/2010 07:19:44,SDH2394,PC-5849,C:\\a.pdf,File Delete,False,False,
                """).read();

        assertThat(reading.events()).hasSize(4);
        FileActivity open = (FileActivity) reading.events().get(0);
        assertThat(open).isEqualTo(new FileActivity("{F3E2-X3MV05YQ-3516SZDT}", Instant.parse("2010-01-02T07:19:41Z"),
                "SDH2394", "PC-5849", "R:\\60WBQE7S.doc", FileActivity.Action.OPEN, false, true,
                "D0-CF brother, Lipot"));
        assertThat(reading.events()).map(e -> ((FileActivity) e).action()).containsExactly(
                FileActivity.Action.OPEN, FileActivity.Action.WRITE, FileActivity.Action.COPY,
                FileActivity.Action.DELETE);
        assertThat(reading.events()).map(e -> ((FileActivity) e).toRemovable()).containsExactly(false, true, true,
                false);
        assertThat(reading.directory().fileStats().get("file.csv").layout()).isEqualTo("r6.x");
    }

    @Test
    void readsR42EmailRowsAsSentWithAnAttachmentCount() throws IOException {
        CertInput.Reading reading = input().file("email.csv", """
                id,date,user,pc,to,cc,bcc,from,size,attachments,content
                {R3I7-S4TX96FG-8219JWFF},01/02/2010 07:11:45,LAP0338,PC-5758,Dean.Flynn.Hines@dtaa.com;Wade_Harrison@lockheedmartin.com,Nathaniel.Hunter.Heath@dtaa.com,,Lynn.Adena.Pratt@dtaa.com,25830,2,middle f2 systems
                """).read();

        EmailMessage mail = reading.only(EmailMessage.class);
        assertThat(mail).isEqualTo(new EmailMessage("{R3I7-S4TX96FG-8219JWFF}", Instant.parse("2010-01-02T07:11:45Z"),
                "LAP0338", "PC-5758", List.of("Dean.Flynn.Hines@dtaa.com", "Wade_Harrison@lockheedmartin.com"),
                List.of("Nathaniel.Hunter.Heath@dtaa.com"), List.of(), "Lynn.Adena.Pratt@dtaa.com",
                EmailMessage.Action.SEND, 25830, List.of(), 2, "middle f2 systems"));
        assertThat(reading.directory().fileStats().get("email.csv").layout()).isEqualTo("r4.2");
    }

    @Test
    void readsR42EmailRowsWithAnAttachmentCountColumn() throws IOException {
        CertInput.Reading reading = input().file("email.csv", """
                id,date,user,pc,to,cc,bcc,from,size,attachment_count,content
                {E1},01/02/2010 07:11:45,LAP0338,PC-5758,a@dtaa.com,,,b@dtaa.com,100,3,hi
                """).read();

        EmailMessage mail = reading.only(EmailMessage.class);
        assertThat(mail.attachmentCount()).isEqualTo(3);
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.action()).isEqualTo(EmailMessage.Action.SEND);
    }

    @Test
    void readsR6EmailRowsWithActivityAndAttachmentPaths() throws IOException {
        CertInput.Reading reading = input().file("email.csv", """
                id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content
                {E1},01/04/2010 08:00:00,ACM2278,PC-1,x@dtaa.com,,y@gmail.com,ACM2278@dtaa.com,Send,45678,C:\\Docs\\plan.pdf(12345);C:\\b (copy).doc(99),"Hello, Bob"
                {E2},01/04/2010 08:05:00,ACM2278,PC-1,ACM2278@dtaa.com,,,z@dtaa.com,View,100,,
                """).read();

        EmailMessage sent = (EmailMessage) reading.events().get(0);
        assertThat(sent.action()).isEqualTo(EmailMessage.Action.SEND);
        assertThat(sent.bcc()).containsExactly("y@gmail.com");
        assertThat(sent.size()).isEqualTo(45678);
        assertThat(sent.attachments()).containsExactly("C:\\Docs\\plan.pdf", "C:\\b (copy).doc");
        assertThat(sent.attachmentCount()).isEqualTo(2);
        assertThat(sent.content()).isEqualTo("Hello, Bob");
        EmailMessage viewed = (EmailMessage) reading.events().get(1);
        assertThat(viewed.action()).isEqualTo(EmailMessage.Action.VIEW);
        assertThat(viewed.attachments()).isEmpty();
        assertThat(reading.directory().fileStats().get("email.csv").layout()).isEqualTo("r6.x");
    }

    @Test
    void readsR42HttpRowsAsVisits() throws IOException {
        CertInput.Reading reading = input().file("http.csv", """
                id,date,user,pc,url,content
                {V1Y4-S2IR20QU-6154HFXJ},01/02/2010 06:55:16,LRR0148,PC-4275,http://msn.com/The_Human_Centipede/katsuro.htm,remain representatives
                """).read();

        assertThat(reading.only(WebVisit.class)).isEqualTo(new WebVisit("{V1Y4-S2IR20QU-6154HFXJ}",
                Instant.parse("2010-01-02T06:55:16Z"), "LRR0148", "PC-4275",
                "http://msn.com/The_Human_Centipede/katsuro.htm", WebVisit.Action.VISIT, "remain representatives"));
        assertThat(reading.directory().fileStats().get("http.csv").layout()).isEqualTo("r4.2");
    }

    @Test
    void readsR6HttpRowsWithTheirActivity() throws IOException {
        CertInput.Reading reading = input().file("http.csv", """
                id,date,user,pc,url,activity,content
                {H1},01/02/2010 06:55:16,LRR0148,PC-4275,http://a.com/,WWW Visit,"news, sports"
                {H2},01/02/2010 06:55:17,LRR0148,PC-4275,http://dropbox.com/up,WWW Upload,
                {H3},01/02/2010 06:55:18,LRR0148,PC-4275,http://b.com/x.exe,WWW Download,
                """).read();

        assertThat(reading.events()).map(e -> ((WebVisit) e).action()).containsExactly(WebVisit.Action.VISIT,
                WebVisit.Action.UPLOAD, WebVisit.Action.DOWNLOAD);
        assertThat(((WebVisit) reading.events().get(0)).content()).isEqualTo("news, sports");
        assertThat(reading.directory().fileStats().get("http.csv").layout()).isEqualTo("r6.x");
    }

    @Test
    void readsPrintJobs() throws IOException {
        CertInput.Reading reading = input().file("print.csv", """
                id,date,user,pc,printer,document,pages
                {P1},03/15/2011 18:30:00,ABC0001,PC-0001,PRN-3F-EAST,"Budget, Q3.xlsx",12
                """).read();

        assertThat(reading.only(PrintJob.class)).isEqualTo(new PrintJob("{P1}", Instant.parse("2011-03-15T18:30:00Z"),
                "ABC0001", "PC-0001", "PRN-3F-EAST", "Budget, Q3.xlsx", 12));
        assertThat(reading.directory().fileStats().get("print.csv").layout()).isEqualTo("custos");
    }

    @Test
    void readsBadgeSwipesWithTheSiteAsHost() throws IOException {
        CertInput.Reading reading = input().file("badge.csv", """
                id,date,user,site,door,direction
                {B1},03/15/2011 07:58:00,ABC0001,HQ,Main gate,In
                {B2},03/15/2011 17:02:00,ABC0001,HQ,Main gate,Out
                """).read();

        assertThat(reading.events()).containsExactly(
                new BadgeSwipe("{B1}", Instant.parse("2011-03-15T07:58:00Z"), "ABC0001", "HQ", "Main gate",
                        BadgeSwipe.Direction.IN),
                new BadgeSwipe("{B2}", Instant.parse("2011-03-15T17:02:00Z"), "ABC0001", "HQ", "Main gate",
                        BadgeSwipe.Direction.OUT));
    }

    @Test
    void readsCustodyMovesWithTheLocationAsHost() throws IOException {
        CertInput.Reading reading = input().file("custody.csv", """
                id,date,user,serial,item,action,location
                {C1},03/15/2011 09:00:00,ABC0001,SN-0042,Project 12 design,CheckOut,Vault B
                {C2},03/15/2011 09:30:00,ABC0001,SN-0042,Project 12 design,Transfer,Lab 3
                {C3},03/15/2011 16:00:00,ABC0001,SN-0042,Project 12 design,CheckIn,Vault B
                {C4},03/16/2011 10:00:00,ABC0001,SN-0042,Project 12 design,Destroy,Shredder
                """).read();

        assertThat(reading.events().get(0)).isEqualTo(new CustodyMove("{C1}", Instant.parse("2011-03-15T09:00:00Z"),
                "ABC0001", "Vault B", "SN-0042", "Project 12 design", CustodyMove.Action.CHECK_OUT));
        assertThat(reading.events()).map(e -> ((CustodyMove) e).action()).containsExactly(
                CustodyMove.Action.CHECK_OUT, CustodyMove.Action.TRANSFER, CustodyMove.Action.CHECK_IN,
                CustodyMove.Action.DESTROY);
    }

    @Test
    void readsTheProjectOfCustodyMovesWhenTheFeedHasTheColumn() throws IOException {
        CertInput.Reading reading = input().file("custody.csv", """
                id,date,user,serial,item,action,location,project
                C-2,11/02/2026 09:05:00,ACM2278,S-1,4a642cd2d382,CheckOut,registry,Project 1
                C-3,11/02/2026 16:00:00,ACM2278,S-1,4a642cd2d382,CheckIn,registry,
                """).read();

        assertThat(reading.events()).containsExactly(
                new CustodyMove("C-2", Instant.parse("2026-11-02T09:05:00Z"), "ACM2278", "registry", "S-1",
                        "4a642cd2d382", CustodyMove.Action.CHECK_OUT, "Project 1"),
                new CustodyMove("C-3", Instant.parse("2026-11-02T16:00:00Z"), "ACM2278", "registry", "S-1",
                        "4a642cd2d382", CustodyMove.Action.CHECK_IN, ""));
    }

    @Test
    void readsPersonnelChangesByFeedName() throws IOException {
        CertInput.Reading reading = input().file("personnel.csv", """
                id,date,user,event,details
                {H1},03/01/2011 00:00:00,ABC0001,court-defaulter,"Listed by court, case 2011-17"
                {H2},03/20/2011 00:00:00,ABC0001,Departure,
                """).read();

        assertThat(reading.events()).containsExactly(
                new PersonnelChange("{H1}", Instant.parse("2011-03-01T00:00:00Z"), "ABC0001", "",
                        PersonnelChange.Kind.COURT_DEFAULTER, "Listed by court, case 2011-17"),
                new PersonnelChange("{H2}", Instant.parse("2011-03-20T00:00:00Z"), "ABC0001", "",
                        PersonnelChange.Kind.DEPARTURE, ""));
    }

    @Test
    void findsColumnsByNameWhateverTheirOrderAndCase() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", """
                \uFEFFUser,PC,Activity,Date,ID
                NGF0157,PC-6056,Logon,01/02/2010 06:49:00,{X1}
                """).read();

        assertThat(reading.only(Logon.class)).isEqualTo(
                new Logon("{X1}", JAN_2_0649, "NGF0157", "PC-6056", Logon.Action.LOGON, false));
    }

    @Test
    void readsDatesWithoutZeroPaddingAsUtc() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", """
                id,date,user,pc,activity
                {X1},1/2/2010 6:49:00,NGF0157,PC-6056,Logon
                """).read();

        assertThat(reading.only(Logon.class).time()).isEqualTo(JAN_2_0649);
    }

    @Test
    void readsAQuotedHeaderAndQuotedValues() throws IOException {
        CertInput.Reading reading = input().file("logon.csv", """
                "id","date","user","pc","activity"
                "{X1}","01/02/2010 06:49:00","NGF0157","PC ""6056""\","Logon"
                """).read();

        assertThat(reading.only(Logon.class).host()).isEqualTo("PC \"6056\"");
    }

    @Test
    void keepsLineBreaksInsideQuotedContentAndCountsLinesPastThem() throws IOException {
        CertInput.Reading reading = input().file("email.csv", """
                id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content
                {E1},01/04/2010 08:00:00,A,PC-1,x@dtaa.com,,,a@dtaa.com,Send,10,,"Dear Bob,
                the ""plan"" is attached.
                Regards"
                {E2},01/04/2010 08:01:00,A,PC-1,x@dtaa.com,,,a@dtaa.com,Shout,10,,
                """).read();

        assertThat(reading.only(EmailMessage.class).content())
                .isEqualTo("Dear Bob,\nthe \"plan\" is attached.\nRegards");
        assertThat(reading.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.reason()).isEqualTo("activity: 'Shout' is not one of Send, View, Receive");
        });
    }
}
