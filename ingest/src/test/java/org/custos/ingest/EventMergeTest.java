package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity files come out as one stream in time order. */
class EventMergeTest {

    @TempDir
    Path temp;

    private CertInput threeFeeds() {
        return new CertInput(temp)
                .file("logon.csv", """
                        id,date,user,pc,activity
                        {L1},01/04/2010 08:00:00,A,PC-1,Logon
                        {L2},01/04/2010 08:30:00,B,PC-2,Logon
                        {L3},01/04/2010 17:00:00,A,PC-1,Logoff
                        """)
                .file("http.csv", """
                        id,date,user,pc,url,content
                        {H1},01/04/2010 08:10:00,A,PC-1,http://a.com/,
                        {H2},01/04/2010 08:30:00,B,PC-2,http://b.com/,
                        {H3},01/05/2010 09:00:00,B,PC-2,http://c.com/,
                        """)
                .file("badge.csv", """
                        id,date,user,site,door,direction
                        {B1},01/04/2010 07:55:00,A,HQ,Gate,In
                        {B2},01/04/2010 08:30:00,B,HQ,Gate,In
                        {B3},01/04/2010 17:05:00,A,HQ,Gate,Out
                        """);
    }

    @Test
    void yieldsEventsOfAllFilesInTimeOrderWithTiesInFixedFileOrder() throws IOException {
        CertInput.Reading reading = threeFeeds().read();

        assertThat(reading.events()).extracting(Event::id).containsExactly(
                "{B1}", "{L1}", "{H1}", "{L2}", "{H2}", "{B2}", "{L3}", "{B3}", "{H3}");
        assertThat(reading.events()).isSortedAccordingTo(Comparator.comparing(Event::time));
    }

    @Test
    void reportsStatsPerFileAndReadsEveryByte() throws IOException {
        CertInput input = threeFeeds();
        long size = Files.size(input.dir().resolve("logon.csv")) + Files.size(input.dir().resolve("http.csv"))
                + Files.size(input.dir().resolve("badge.csv"));

        CertInput.Reading reading = input.read();

        CertDirectory dir = reading.directory();
        assertThat(dir.fileStats()).containsExactly(
                java.util.Map.entry("logon.csv", new FileStats("logon.csv", "r4.2/r6.x", 3, 0)),
                java.util.Map.entry("http.csv", new FileStats("http.csv", "r4.2", 3, 0)),
                java.util.Map.entry("badge.csv", new FileStats("badge.csv", "custos", 3, 0)));
        assertThat(dir.totalBytes()).isEqualTo(size);
        assertThat(dir.bytesRead()).isEqualTo(size);
    }

    @Test
    void streamsAgainOnASecondCall() throws IOException {
        CertInput input = threeFeeds();
        try (CertDirectory dir = CertDirectory.open(input.dir(), DeadLetters.discard())) {
            List<Event> first = new ArrayList<>();
            List<Event> second = new ArrayList<>();
            dir.forEachEvent(first::add);
            dir.forEachEvent(second::add);

            assertThat(second).isEqualTo(first).hasSize(9);
            assertThat(dir.fileStats().get("logon.csv").events()).isEqualTo(3);
        }
    }

    @Test
    void passesRowsOutOfOrderInAFileOnAsReadAndNotesThem() throws IOException {
        CertInput.Reading reading = new CertInput(temp).file("logon.csv", """
                id,date,user,pc,activity
                {L1},01/04/2010 08:00:00,A,PC-1,Logon
                {L2},01/04/2010 07:59:59,B,PC-2,Logon
                {L3},01/04/2010 09:00:00,A,PC-1,Logoff
                """).read();

        assertThat(reading.events()).extracting(Event::id).containsExactly("{L1}", "{L2}", "{L3}");
        assertThat(reading.directory().notices()).contains(
                "logon.csv: 1 rows earlier than a row before them; passed on as read, slightly out of time order");
    }

    @Test
    void sharesOneStringPerUserAndHostAcrossRows() throws IOException {
        CertInput.Reading reading = threeFeeds().read();

        Event first = reading.events().get(1);
        Event last = reading.events().get(6);
        assertThat(first.user()).isEqualTo("A");
        assertThat(last.user()).isSameAs(first.user());
        assertThat(last.host()).isSameAs(first.host());
    }
}
