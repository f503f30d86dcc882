package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.custos.core.event.Event;
import org.custos.ingest.json.CustosFeedMapping;
import org.custos.ingest.json.EcsMapping;
import org.custos.ingest.json.JsonFormat;
import org.custos.ingest.json.OcsfMapping;

/**
 * Fuzz test of the JSON-lines event reader (OCSF, ECS and Custos feed records, one per line), from raw bytes: reading
 * never throws; every line that is not blank becomes an event, a dead letter or a skipped record of a kind Custos
 * has no event for; and every event writes back in its format and reads again as the same event. The first byte
 * picks the format ({@code '0'} OCSF, {@code '1'} ECS, {@code '2'} Custos feeds: the remainder by 3), the rest is
 * the file.
 *
 * <p>In a normal build this runs once per seed in {@code src/test/resources/.../JsonEventFileFuzzTestInputs/}. To
 * fuzz for longer see CONTRIBUTING.md.
 */
class JsonEventFileFuzzTest {

    private static final JsonFormat[] FORMATS = {JsonFormat.OCSF, JsonFormat.ECS, JsonFormat.CUSTOS};

    @FuzzTest(maxDuration = "10m")
    void readsAnyJsonLines(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        JsonFormat format = FORMATS[Math.floorMod(input[0], 3)];
        byte[] file = Arrays.copyOfRange(input, 1, input.length);
        JsonSource source = new JsonSource(Path.of("fuzz.jsonl"), "fuzz.jsonl", format, file.length);
        long events = 0;
        try (DeadLetters letters = DeadLetters.discard();
                JsonEventFile in = JsonEventFile.read(source, new ByteArrayInputStream(file), letters, n -> { })) {
            Event event;
            while ((event = in.next()) != null) {
                events++;
                assertThat(event.id()).isNotNull();
                assertThat(event.time()).isNotNull();
                assertThat(event.user()).isNotNull();
                assertThat(event.host()).isNotNull();
                assertThat(format.read(written(format, event))).as("written back and read again").isEqualTo(event);
            }
            long skipped = in.skipped().values().stream().mapToLong(Long::longValue).sum();
            assertThat(in.stats().events()).isEqualTo(events);
            assertThat(letters.count()).isEqualTo(in.stats().rejected());
            assertThat(events + in.stats().rejected() + skipped).isEqualTo(nonBlankLines(file));
        }
    }

    private static JsonNode written(JsonFormat format, Event event) {
        return switch (format) {
            case OCSF -> OcsfMapping.write(event);
            case ECS -> EcsMapping.write(event);
            case CUSTOS -> CustosFeedMapping.write(event);
        };
    }

    /* Records end at '\n' only, as the reader splits them; a lone '\r' is part of a record (String.lines() would split
       there: the harness's first finding was its own). */
    private static long nonBlankLines(byte[] file) {
        return Arrays.stream(new String(file, StandardCharsets.UTF_8).split("\n", -1))
                .filter(l -> !l.isBlank()).count();
    }
}
