package org.custos.material.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.extract.TextExtractor;

/**
 * Fuzz test of text extraction from uploaded documents (PDFBox, Tika, zip expansion): whatever the bytes and the
 * name, extraction never throws, and every document gives an extraction that is either text or a one-line reason.
 * Images go to the real {@code tesseract}, so fuzzing is slow when the fuzzer finds image headers. Seeds in
 * {@code src/test/resources/.../TextExtractorFuzzTestInputs/}. To fuzz for longer:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl material -am test -Dtest='TextExtractorFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TextExtractorFuzzTest {

    private static final List<String> NAMES = List.of("upload.pdf", "upload.docx", "upload.html", "upload.txt",
            "upload.eml", "upload.zip", "upload.odt", "upload.xlsx", "upload.rtf", "upload");
    private static final TextExtractor EXTRACTOR = TextExtractor.standard();
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "custos-fuzz")
                    : Files.createTempDirectory("custos-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void extract(FuzzedDataProvider data) throws IOException {
        String name = data.pickValue(NAMES);
        Path file = DIR.resolve(name);
        try {
            Files.write(file, data.consumeRemainingAsBytes());
            List<Extraction> out = EXTRACTOR.extract(file);
            assertThat(out).isNotEmpty();
            for (Extraction e : out) {
                if (e instanceof ExtractionFailure f) {
                    assertThat(f.reason()).isNotBlank().doesNotContain("\n");
                } else {
                    assertThat(((ExtractedText) e).text()).isNotNull();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
