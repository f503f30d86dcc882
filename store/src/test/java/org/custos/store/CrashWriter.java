package org.custos.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custos.core.alert.Alert;
import org.custos.core.event.Logon;
import org.custos.core.casefile.CaseFile;

/**
 * CrashWriter is the child process of the crash and full-disk tests: it writes numbered batches (and case work) to
 * an embedded store until it is killed or fails, printing a line after each write the store acknowledged.
 *
 * <p>Arguments: the data directory, the events per batch, the number of batches (0: forever), and optionally
 * {@code wait}: after opening, wait for a line on standard input before writing (so the parent can limit the child's
 * file size once DuckDB's native library is unpacked).
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    /** Runs the writer. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int perBatch = Integer.parseInt(args[1]);
        int batches = Integer.parseInt(args[2]);
        try (Store store = Stores.embedded(dir, 1)) {
            System.out.println("open");
            System.out.flush();
            if (args.length > 3 && args[3].equals("wait")) {
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            CaseFile c = store.openCase("crash test", List.of("U0"), "ivy", Instant.parse("2026-01-01T00:00:00Z"),
                    Optional.empty());
            for (int k = 1; batches == 0 || k <= batches; k++) {
                try (Batch b = store.begin("batch " + k)) {
                    for (int i = 0; i < perBatch; i++) {
                        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(k * 86_400L + i);
                        b.addEvent(new Logon("B" + k + "-" + i, t, "U" + i % 10, "PC-" + i % 7, Logon.Action.LOGON,
                                false));
                    }
                    b.putScores(List.of(new DailyScore("U" + k % 10, LocalDate.of(2026, 1, 1).plusDays(k), k,
                            List.of(), List.of())));
                    b.putAlert(new Alert("alert-" + k, "U" + k % 10, Instant.parse("2026-01-01T00:00:00Z")
                            .plusSeconds(k * 86_400L), 60, List.of("x"), ""));
                    b.commit();
                }
                System.out.println("batch " + k);
                System.out.flush();
                store.addNote(c.id(), "ivy", Instant.parse("2026-01-02T00:00:00Z").plusSeconds(k), "note " + k);
                System.out.println("note " + k);
                System.out.flush();
                store.addFileEvidence(c.id(), "e" + k + ".txt",
                        new ByteArrayInputStream(("evidence " + k).getBytes(StandardCharsets.UTF_8)), "ivy",
                        Instant.parse("2026-01-02T00:00:00Z").plusSeconds(k), "");
                System.out.println("evidence " + k);
                System.out.flush();
            }
        } catch (java.io.IOException e) {
            System.out.println("failed reading standard input: " + e.getMessage());
            System.exit(2);
        } catch (StoreException e) {
            System.out.println("failed " + e.reason() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
