package org.custos.ingest.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.custos.ingest.DeadLetters;

/**
 * Fuzz test of the access-log reader: whatever the bytes, reading never throws, every non-empty line is either a
 * request or a dead letter, and every request has its fields.
 *
 * <p>In a normal build this runs once per seed in {@code src/test/resources/.../AccessLogFuzzTestInputs/}. To fuzz
 * for longer: {@code JAZZER_FUZZ=1 ./mvnw -pl ingest -am test -Dtest='AccessLogFuzzTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class AccessLogFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsAnyBytes(byte[] bytes) throws IOException {
        long[] requests = {0};
        DeadLetters letters = DeadLetters.discard();
        AccessLogReader.Stats stats = AccessLogReader.read(new ByteArrayInputStream(bytes), "fuzz.log", letters,
                (second, client, agent, method, target, status, size, referrer) -> {
                    assertThat(client).isNotEmpty();
                    assertThat(status).isBetween(100, 999);
                    assertThat(size).isNotNegative();
                    assertThat(agent).isNotNull();
                    assertThat(target).isNotNull();
                    requests[0]++;
                });
        assertThat(stats.requests()).isEqualTo(requests[0]);
        assertThat(stats.requests() + stats.rejected()).isEqualTo(stats.lines());
        assertThat(letters.count()).isEqualTo(stats.rejected());
    }
}
