package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the decoders of what a marked copy carries: the printed copy code ({@link CopyCode#parse} for a code
 * typed by a user, {@link CopyCode#findAll} for text from a PDF or OCR) and the QR payload ({@link QrPayload#parse}
 * for the text a QR code decodes to). Any text is read or refused (empty), never an exception; whatever is read
 * prints back to a text that reads as the same code or payload. The input is read as UTF-8 text.
 *
 * <p>In a normal build this runs once per seed in {@code src/test/resources/.../CopyCodeFuzzTestInputs/}. To fuzz
 * for longer see CONTRIBUTING.md.
 */
class CopyCodeFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void codesAndPayloadsAreReadOrRefused(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        CopyCode.parse(text).ifPresent(code -> {
            assertThat(code.id()).hasSize(8);
            assertThat(code.check()).hasSize(2);
            assertThat(CopyCode.parse(code.printed())).contains(code);
        });
        for (CopyCode code : CopyCode.findAll(text)) {
            assertThat(CopyCode.parse(code.printed())).contains(code);
            assertThat(CopyCode.findAll("COPY " + code.printed())).containsExactly(code);
        }
        QrPayload.parse(text).ifPresent(payload -> {
            assertThat(payload.text()).startsWith(QrPayload.PREFIX).hasSize(26);
            assertThat(QrPayload.parse(payload.text())).contains(payload);
        });
    }
}
