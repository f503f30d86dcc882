package org.custos.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceIT {

    @TempDir
    Path data;

    static String logon(int i) {
        return "{\"kind\":\"logon\",\"id\":\"e" + i + "\",\"time\":\"" + Instant.parse("2026-03-02T08:00:00Z")
                .plusSeconds(i) + "\",\"user\":\"U" + (i % 7) + "\",\"host\":\"PC-" + (i % 7) + "\",\"action\":\"logon\"}";
    }

    static ByteArrayInputStream lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(logon(i)).append('\n');
        }
        return new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static long stored(Store store) {
        return store.eventCount();
    }

    @Test
    void acceptsValidLinesRejectsTheRestByLineAndStoresWhatItAcknowledged() throws Exception {
        try (Store store = Stores.embedded(data)) {
            IngestService.Receipt r;
            try (IngestService ingest = IngestService.open(data, store, 1000, 50)) {
                String body = logon(1) + "\n{\"kind\":\"logon\",\"id\":\"x\"}\n\nnot json\n" + logon(2) + "\n";
                r = ingest.ingest(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                assertThat(r.accepted()).isEqualTo(2);
                assertThat(r.rejectedCount()).isEqualTo(2);
                assertThat(r.rejected()).extracting(IngestService.Rejected::line).containsExactly(2L, 4L);
                assertThat(r.rejected().get(0).error()).isEqualTo("field 'user' is required");
                assertThat(r.rejected().get(1).error()).startsWith("malformed JSON at column 1");
                assertThat(Files.readAllLines(data.resolve("ingest/journal.log"))).hasSize(2);
            }
            assertThat(stored(store)).isEqualTo(2);
            assertThat(Files.readAllLines(data.resolve("ingest/dead-letters.jsonl"))).hasSize(2);
        }
    }

    @Test
    void recordsEachStoreBatchInTheAuditLogSoAuditVerifyFindsTheStoreAsLogged() throws Exception {
        try (Store store = Stores.embedded(data)) {
            try (org.custos.store.audit.AuditLog log = org.custos.store.audit.AuditLog.open(data,
                    java.time.Clock.systemUTC());
                    IngestService ingest = IngestService.open(data, store, 1000, 50, log)) {
                ingest.ingest(lines(0, 40));
                ingest.ingest(lines(40, 90));
            }
            assertThat(stored(store)).isEqualTo(90);
            assertThat(store.batches()).isNotEmpty();
            assertThat(org.custos.store.StoreAuditTrail.check(store, data)).isEmpty();
        }
    }

    @Test
    void refusesAWholeRequestWhenTheRoomIsFullAndTakesNothingOfIt() throws Exception {
        try (Store store = Stores.embedded(data);
             IngestService ingest = IngestService.open(data, store, 100, 600_000)) {
            assertThat(ingest.ingest(lines(0, 80)).accepted()).isEqualTo(80);
            assertThatThrownBy(() -> ingest.ingest(lines(80, 110)))
                    .isInstanceOf(IngestService.Overloaded.class)
                    .satisfies(e -> assertThat(((IngestService.Overloaded) e).retryAfterSeconds()).isEqualTo(1));
            assertThat(Files.readAllLines(data.resolve("ingest/journal.log"))).hasSize(80);
            assertThat(ingest.status().queuedEvents()).isEqualTo(80);
            assertThatThrownBy(() -> ingest.ingest(lines(0, 101))).hasMessageContaining("at most 100 events");
        }
    }

    @Test
    void aRestartStoresEachAcknowledgedEventOnceAndCutsATornLine() throws Exception {
        try (Store store = Stores.embedded(data)) {
            try (IngestService ingest = IngestService.open(data, store, 10_000, 50)) {
                ingest.ingest(lines(0, 500));
            }
            assertThat(stored(store)).isEqualTo(500);
            Files.delete(data.resolve("ingest/checkpoint"));
            Files.writeString(data.resolve("ingest/journal.log"), "{\"kind\":\"logon\",\"id\":\"torn",
                    StandardOpenOption.APPEND);
            try (IngestService ingest = IngestService.open(data, store, 10_000, 50)) {
                assertThat(ingest.status().journaledBytes()).isEqualTo(ingest.status().storedBytes());
                ingest.ingest(lines(400, 600));
            }
            assertThat(stored(store)).as("re-sent events are stored once").isEqualTo(600);
            List<String> journal = Files.readAllLines(data.resolve("ingest/journal.log"));
            assertThat(journal).hasSize(700).noneMatch(l -> l.contains("torn"));
        }
    }
}
