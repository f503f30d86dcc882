package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with {@code destroyForcibly} (SIGKILL) in the middle of appending, three times over the same
 * log, and checks each time that every acknowledged entry survives, a torn last record is cut off and logged, and
 * the log verifies.
 */
class AuditLogCrashIT {

    @TempDir
    Path data;

    @Test
    void survivesKillNineMidAppendWithEveryAcknowledgedEntryAndNoTornRecord() throws Exception {
        int tornRuns = 0;
        long before = 0;
        for (int run = 0; run < 3; run++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AuditLogCrashChild.class.getName(),
                    data.toString()).redirectErrorStream(true).start();
            long acknowledged = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (int acks = 0; acks < 2;) {
                    String line = out.readLine();
                    assertThat(line).as("the child's output").isNotNull();
                    if (line.startsWith("ack ")) {
                        acknowledged = Long.parseLong(line.substring(4));
                        acks++;
                    }
                }
                Path entries = AuditLog.folder(data).resolve("entries.log");
                long ackBytes = Files.size(entries);
                while (!(Files.size(entries) > ackBytes + 128 * 1024 && lastByte(entries) != '\n')) {
                    Thread.onSpinWait();
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Path entries = AuditLog.folder(data).resolve("entries.log");
            boolean torn = lastByte(entries) != '\n';
            tornRuns += torn ? 1 : 0;
            try (AuditLog log = AuditLog.open(data, Clock.systemUTC())) {
                assertThat(log.recovery().truncatedBytes() > 0).as("run %d cut a torn record", run).isEqualTo(torn);
                assertThat(log.size()).as("entries after run %d", run).isGreaterThanOrEqualTo(acknowledged)
                        .isGreaterThan(before);
                if (torn) {
                    AuditRecord last = log.entry(log.size() - 1);
                    assertThat(last.entry().action()).isEqualTo("audit.recover");
                }
                before = log.size();
            }
            Verification v = AuditLog.verify(data, Map.of(), null);
            assertThat(v.ok()).as(v.summary()).isTrue();
            assertThat(v.entries()).isEqualTo(before);
            assertThat(v.incompleteTailBytes()).isZero();
        }
        assertThat(tornRuns).as("runs killed with a record half written").isPositive();
    }

    static int lastByte(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return -1;
            }
            f.seek(f.length() - 1);
            return f.read();
        }
    }
}
