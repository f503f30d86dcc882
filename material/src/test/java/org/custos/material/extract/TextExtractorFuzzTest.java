package org.custos.material.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz test of text extraction from uploaded documents (PDFBox, Tika, zip expansion): whatever the bytes and the
 * name, extraction never throws, and every document gives an extraction that is either text or a one-line reason.
 *
 * <p>The document is handed over in memory ({@link TextExtractor#extract(String, byte[])}, the code
 * {@link TextExtractor#extract(Path)} runs after reading the file) to an extractor built once. OCR is the one part
 * left out: where the extractor would start the {@code tesseract} program (an image, or a PDF page without text,
 * after PDFBox has rendered it), this harness's {@link Ocr} refuses at once, before the image is written to a file,
 * so an execution costs milliseconds, not a PNG encoding, a process start and seconds of OCR; tesseract is an
 * external program, not a parser of ours. Seeds in {@code src/test/resources/.../TextExtractorFuzzTestInputs/}; to
 * fuzz for longer see CONTRIBUTING.md.
 */
class TextExtractorFuzzTest {

    private static final List<String> NAMES = List.of("upload.pdf", "upload.docx", "upload.html", "upload.txt",
            "upload.eml", "upload.zip", "upload.odt", "upload.xlsx", "upload.rtf", "upload");

    /** Stands in for tesseract: every image it is given is refused at once, with a one-line reason. */
    private static final class NoOcr extends Ocr {

        NoOcr() {
            super("tesseract", "eng");
        }

        @Override
        String readPage(BufferedImage page) throws OcrException {
            throw new OcrException("OCR is left out while fuzzing");
        }

        @Override
        String readImage(byte[] bytes, String name) throws OcrException {
            throw new OcrException("OCR is left out while fuzzing");
        }
    }

    private static final TextExtractor EXTRACTOR = new TextExtractor(new NoOcr(), ExtractionLimits.DEFAULT);

    @FuzzTest(maxDuration = "10m")
    void extract(FuzzedDataProvider data) {
        String name = data.pickValue(NAMES);
        List<Extraction> out = EXTRACTOR.extract(name, data.consumeRemainingAsBytes());
        assertThat(out).isNotEmpty();
        for (Extraction e : out) {
            if (e instanceof ExtractionFailure f) {
                assertThat(f.reason()).isNotBlank().doesNotContain("\n");
            } else {
                assertThat(((ExtractedText) e).text()).isNotNull();
            }
        }
    }
}
