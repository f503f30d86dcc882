package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.custos.core.event.Event;

/** Whatever bytes follow a valid file, streaming never fails: every record is an event or a dead letter. */
class AppendedBytesTest {

    private static final String VALID = """
            id,date,user,pc,url,activity,content
            {H1},01/02/2010 06:55:16,A,PC-1,http://a.com/,WWW Visit,"news, ""today""\"
            {H2},01/02/2010 06:55:17,B,PC-2,http://b.com/,WWW Upload,
            {H3},01/02/2010 06:55:18,C,PC-3,http://c.com/,WWW Download,x
            """;

    @Property(tries = 300)
    void arbitraryBytesAfterAValidFileNeverBreakStreaming(@ForAll @Size(max = 400) byte[] junk) throws IOException {
        Outcome outcome = stream(junk);

        assertThat(outcome.events()).extracting(Event::id).startsWith("{H1}", "{H2}", "{H3}");
        assertThat(outcome.stats().rejected()).isEqualTo(outcome.deadLetters());
        assertThat(outcome.stats().events()).isEqualTo(outcome.events().size());
    }

    @Property(tries = 300)
    void everyNonEmptyLineWithoutQuotesIsAnEventOrADeadLetter(@ForAll @Size(max = 400) byte[] junk)
            throws IOException {
        byte[] unquoted = withoutQuotes(junk);

        Outcome outcome = stream(unquoted);

        assertThat(outcome.events().size() + outcome.deadLetters()).isEqualTo(3 + nonEmptyLines(unquoted));
    }

    private record Outcome(List<Event> events, long deadLetters, FileStats stats) {
    }

    private static Outcome stream(byte[] junk) throws IOException {
        Path dir = Files.createTempDirectory("custos-ingest-prop");
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(VALID.getBytes(StandardCharsets.UTF_8));
            file.writeBytes(junk);
            Files.write(dir.resolve("http.csv"), file.toByteArray());
            DeadLetters deadLetters = DeadLetters.discard();
            List<Event> events = new ArrayList<>();
            try (CertDirectory directory = CertDirectory.open(dir, deadLetters)) {
                directory.forEachEvent(events::add);
                return new Outcome(events, deadLetters.count(), directory.fileStats().get("http.csv"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static byte[] withoutQuotes(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b != '"') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /* Lines split at \n; a line that is empty or only \r is skipped by the reader. */
    private static int nonEmptyLines(byte[] bytes) {
        int lines = 0;
        int length = 0;
        boolean onlyCr = true;
        for (byte b : bytes) {
            if (b == '\n') {
                lines += length > 0 && !onlyCr ? 1 : 0;
                length = 0;
                onlyCr = true;
            } else {
                length++;
                onlyCr &= length == 1 && b == '\r';
            }
        }
        return lines + (length > 0 && !onlyCr ? 1 : 0);
    }
}
