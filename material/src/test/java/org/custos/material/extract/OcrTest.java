package org.custos.material.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrTest {

    /** A stand-in for tesseract that prints its arguments, or nothing when called without --psm. */
    private static Ocr echoing(Path dir, boolean silentWithoutPsm) throws IOException {
        Path program = dir.resolve("fake-tesseract");
        String body = silentWithoutPsm
                ? "case \"$*\" in *--psm*) echo \"$@\";; esac\n"
                : "case \"$*\" in *--psm*) echo '';; *) echo \"$@\";; esac\n";
        Files.writeString(program, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Ocr(program.toString(), "eng");
    }

    @Test
    void anImageFileIsReadAsOneBlockOfText(@TempDir Path dir) throws IOException {
        assertThat(echoing(dir, true).readBlock(dir.resolve("photo.jpg"))).contains("-l eng --psm 6");
    }

    @Test
    void aRenderedPageFallsBackToOneBlockWhenLayoutAnalysisFindsNothing(@TempDir Path dir) throws IOException {
        assertThat(echoing(dir, true).read(dir.resolve("page.png"))).contains("--psm 6");
    }

    @Test
    void anImageFallsBackToLayoutAnalysisWhenOneBlockFindsNothing(@TempDir Path dir) throws IOException {
        assertThat(echoing(dir, false).readBlock(dir.resolve("photo.jpg"))).contains("photo.jpg stdout -l eng")
                .doesNotContain("--psm");
    }
}
