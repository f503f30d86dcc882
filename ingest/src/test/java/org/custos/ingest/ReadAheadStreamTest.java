package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the files ahead on threads of their own changes nothing the caller sees. */
class ReadAheadStreamTest {

    @TempDir
    Path temp;

    private record Pulled(List<Event> events, String deadLetters, long rejected) {
    }

    private CertInput input() {
        StringBuilder http = new StringBuilder("id,date,user,pc,url,content\n");
        for (int i = 0; i < 3_000; i++) {
            // enough rows for several batches; every 700th row has a bad date
            String date = i % 700 == 5 ? "13/45/2010 08:00:00" : String.format("01/%02d/2010 %02d:%02d:%02d",
                    4 + i / 1_000, 8 + i % 1_000 / 100, i % 60, i % 7);
            http.append("{H").append(i).append("},").append(date).append(",U").append(i % 9).append(",PC-")
                    .append(i % 9).append(",http://site").append(i % 13).append(".com/,words ").append(i).append('\n');
        }
        return new CertInput(temp)
                .file("logon.csv", """
                        id,date,user,pc,activity
                        {L1},01/04/2010 08:00:00,U1,PC-1,Logon
                        {L2},01/04/2010 08:30:00,U2,PC-2,Sideways
                        {L3},01/05/2010 17:00:00,U1,PC-1,Logoff
                        {L4},01/06/2010 17:00:00,U1,PC-1
                        """)
                .file("http.csv", http.toString())
                .file("badge.csv", """
                        id,date,user,site,door,direction
                        {B1},01/04/2010 07:55:00,U1,HQ,Gate,In
                        {B2},01/04/2010 08:30:00,U2,HQ,Gate,Up
                        {B3},01/06/2010 17:05:00,U1,HQ,Gate,Out
                        """);
    }

    private Pulled pull(Path dir, String name, boolean ahead) throws IOException {
        Path file = temp.resolve(name);
        List<Event> events = new ArrayList<>();
        long rejected;
        try (DeadLetters deadLetters = DeadLetters.to(file);
                CertDirectory directory = CertDirectory.open(dir, deadLetters);
                EventStream stream = ahead ? directory.streamReadingAhead() : directory.stream()) {
            for (Event e = stream.next(); e != null; e = stream.next()) {
                events.add(e);
            }
            rejected = deadLetters.count();
        }
        return new Pulled(events, Files.readString(file), rejected);
    }

    @Test
    void yieldsTheSameEventsAndDeadLettersInTheSameOrderAsReadingInPlace() throws IOException {
        Path dir = input().dir();

        Pulled inPlace = pull(dir, "in-place.csv", false);
        Pulled ahead = pull(dir, "ahead.csv", true);

        assertThat(inPlace.events()).hasSize(3_000 - 5 + 2 + 2);
        assertThat(ahead.events()).isEqualTo(inPlace.events());
        assertThat(inPlace.rejected()).isEqualTo(5 + 2 + 1);
        assertThat(ahead.rejected()).isEqualTo(inPlace.rejected());
        assertThat(ahead.deadLetters()).isEqualTo(inPlace.deadLetters());
    }

    @Test
    void stopsItsThreadsWhenClosedBeforeTheEnd() throws IOException {
        Path dir = input().dir();
        try (CertDirectory directory = CertDirectory.open(dir, DeadLetters.discard());
                EventStream stream = directory.streamReadingAhead()) {
            assertThat(stream.next()).isNotNull();
        }

        assertThat(readers()).isZero();
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("custos-read-"))
                .filter(Thread::isAlive).count();
    }
}
