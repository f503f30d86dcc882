package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyCodeTest {

    @TempDir
    Path dir;

    @Test
    void printsAndParsesACodeWithKeyedCheckCharacters() {
        CopyCode code = MarkFixtures.KEY.code("7KQ2M9XD");

        assertThat(code.printed()).matches("7KQ2-M9XD-[0-9A-HJKMNP-TV-Z]{2}");
        assertThat(CopyCode.parse(code.printed().toLowerCase())).contains(code);
        assertThat(MarkFixtures.KEY.signed(code)).isTrue();
        assertThat(MarkKey.of("some other installation's key".getBytes()).signed(code)).isFalse();
    }

    @Test
    void findsCodesAfterTheWordCopyFoldingOcrConfusions() {
        CopyCode code = MarkFixtures.KEY.code("70Q2M1XD");
        String ocr = "CONTROLLED C0PY 7OQ2-MlXD-" + code.check() + "   page 1 of 3\nthe year 2010-2011-12 was";

        assertThat(CopyCode.findAll(ocr)).containsExactly(code);
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> new CopyCode("7KQ2M9X", "AB")).hasMessageContaining("8 Crockford base-32");
        assertThat(CopyCode.parse("7KQ2-M9XD")).isEmpty();
    }

    @Test
    void refusesATypedCodeWhoseLettersGrowWhenUpperCased() {
        // found by CopyCodeFuzzTest: 'ß' upper-cases to "SS", which made a 9-letter id and threw instead of refusing
        assertThat(CopyCode.parse("ßAAA-AAAA-AA")).isEmpty();
        assertThat(CopyCode.parse("7kq2-m9xd-4f")).map(CopyCode::printed).contains("7KQ2-M9XD-4F");
    }

    @Test
    void signsQrPayloadsAndDetectsTamperedOnes() {
        QrPayload payload = QrPayload.of(MarkFixtures.KEY, "7KQ2M9XD");

        assertThat(payload.text()).matches("CUSTOS:7KQ2M9XD:[0-9A-Z]{10}");
        assertThat(QrPayload.parse(payload.text())).hasValueSatisfying(p -> assertThat(p.signedBy(MarkFixtures.KEY))
                .isTrue());
        assertThat(QrPayload.parse("CUSTOS:7KQ2M9XE:" + payload.mac()))
                .hasValueSatisfying(p -> assertThat(p.signedBy(MarkFixtures.KEY)).isFalse());
        assertThat(QrPayload.parse("https://example.org/")).isEmpty();
    }

    @Test
    void createsTheKeyOnceReadableByItsOwnerOnly() throws IOException {
        MarkKey first = MarkKey.open(dir, true);
        MarkKey again = MarkKey.open(dir, false);

        Path file = dir.resolve("marks/key");
        assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.code("7KQ2M9XD")).isEqualTo(first.code("7KQ2M9XD"));
        assertThatThrownBy(() -> MarkKey.open(dir.resolve("elsewhere"), false)).hasMessageContaining("no mark key");
    }
}
