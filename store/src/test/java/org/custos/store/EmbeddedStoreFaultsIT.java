package org.custos.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import org.custos.core.casefile.Evidence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a second process: a writer killed with SIGKILL in the middle of its work, a data directory held
 * by another process, and a disk that fills up (a file-size limit on the child, {@code ulimit -f}).
 */
class EmbeddedStoreFaultsIT {

    private static final int PER_BATCH = 50_000;

    @TempDir
    Path tmp;

    private static Process child(Path dir, int perBatch, int batches, String... more) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Integer.toString(perBatch), Integer.toString(batches)));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aWriterKilledMidWayLosesNothingAcknowledgedAndLeavesNothingHalfWritten() throws Exception {
        Path dir = tmp.resolve("data");
        Process p = child(dir, PER_BATCH, 0);
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
                if (line.equals("open")) {
                    assertThatThrownBy(() -> Stores.embedded(dir)).isInstanceOfSatisfying(StoreException.class,
                            e -> {
                                assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
                                assertThat(e.getMessage()).contains("in use by another Custos process");
                            });
                }
                if (line.equals("note 3")) {
                    Thread killer = new Thread(() -> {
                        try {
                            Thread.sleep(150);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        // not Process.destroyForcibly: that also closes the stream the test thread reads
                        p.toHandle().destroyForcibly();
                    });
                    killer.start();
                }
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int batches = last(acknowledged, "batch (\\d+)");
        int notes = last(acknowledged, "note (\\d+)");
        int evidence = last(acknowledged, "evidence (\\d+)");
        try (Store store = Stores.embedded(dir)) {
            List<BatchReceipt> receipts = store.batches();
            assertThat(receipts.size()).isBetween(batches, batches + 1);
            for (BatchReceipt r : receipts) {
                assertThat(r.events()).isEqualTo(PER_BATCH);
            }
            assertThat(store.eventCount()).isEqualTo((long) PER_BATCH * receipts.size());
            assertThat(store.alerts(AlertQuery.all(100))).hasSize(receipts.size());
            CaseFile c = store.caseFile("C-2026-0001").orElseThrow();
            List<CaseNote> stored = store.notes(c.id());
            assertThat(stored.size()).isBetween(notes, notes + 1);
            List<Evidence> kept = store.evidence(c.id());
            assertThat(kept.size()).isBetween(evidence, evidence + 1);
            for (Evidence e : kept) {
                assertThat(new String(store.evidenceContent(e.id()), StandardCharsets.UTF_8))
                        .startsWith("evidence ");
            }
            assertThat(store.timeline("U3", Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:00:00Z"), 1_000_000)).hasSize(PER_BATCH / 10 * receipts.size());
        }
    }

    @Test
    void aFullDiskFailsTheBatchWithOneLineAndKeepsWhatWasCommitted() throws Exception {
        Path dir = tmp.resolve("data");
        Process first = child(dir, 1_000, 2);
        first.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long limit = Files.size(dir.resolve(EmbeddedStore.FILE)) + 8L * 1024 * 1024;

        Process p = child(dir, 2_000_000, 0, "wait");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("open");
        Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(p.pid()), "--fsize=" + limit)
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(prlimit.waitFor() == 0, "prlimit cannot limit the child's file size here");
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();
        StringBuilder lines = new StringBuilder();
        out.lines().forEach(l -> lines.append(l).append('\n'));
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = lines.toString();

        String failure = output.lines().filter(l -> l.startsWith("failed")).findFirst().orElse(output);
        assertThat(failure).startsWith("failed DISK_FULL: the disk holding").contains("rolled back");
        try (Store store = Stores.embedded(dir)) {
            assertThat(store.batches()).extracting(BatchReceipt::source).startsWith("batch 1", "batch 2");
            assertThat(store.eventCount()).isEqualTo(1_000L * store.batches().size());
        }
    }

    private static int last(List<String> lines, String regex) {
        int n = 0;
        Pattern pattern = Pattern.compile(regex);
        for (String l : lines) {
            Matcher m = pattern.matcher(l);
            if (m.matches()) {
                n = Integer.parseInt(m.group(1));
            }
        }
        return n;
    }
}
