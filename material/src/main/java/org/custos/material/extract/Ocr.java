package org.custos.material.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Ocr reads the text of an image by running the external {@code tesseract} program
 * ({@code tesseract IMAGE stdout -l eng+chi_sim}). Not final only so that the fuzz test can leave the program out.
 *
 * <p>A rendered PDF page is read with tesseract's automatic page segmentation, which keeps columns apart. An image
 * file is usually a photograph or scan of one page, often slightly rotated on a noisy background, where automatic
 * segmentation cuts lines into fragments and reads them out of order; it is read as one uniform block of text
 * ({@code --psm 6}). Either way, when the first reading finds no text, the other is tried.
 */
class Ocr {

    /** The message shown when the program cannot be started. */
    static final String MISSING = "OCR needs the 'tesseract' program with eng and chi_sim data "
            + "(Debian: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim)";

    /** An OcrException is a failure to read an image by OCR, with a one-line reason. */
    static final class OcrException extends IOException {

        private static final long serialVersionUID = 1L;

        OcrException(String message) {
            super(message);
        }

        OcrException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String program;
    private final String languages;

    Ocr(String program, String languages) {
        this.program = program;
        this.languages = languages;
    }

    /**
     * The text tesseract reads from a page PDFBox rendered, written to a temporary PNG file for the program; throws
     * with a one-line reason when it cannot.
     */
    String readPage(BufferedImage page) throws IOException {
        Path image = Files.createTempFile("custos-page", ".png");
        try {
            ImageIO.write(page, "png", image.toFile());
            return read(image);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /**
     * The text tesseract reads from an image document's bytes (a photograph or scan of a page), written to a
     * temporary file with the suffix of the document's {@code name}; read as {@link #readBlock}.
     */
    String readImage(byte[] bytes, String name) throws IOException {
        String suffix = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : ".img";
        Path image = Files.createTempFile("custos-image", suffix);
        try {
            Files.write(image, bytes);
            return readBlock(image);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /** The text tesseract reads from a rendered page; throws with a one-line reason when it cannot. */
    String read(Path image) throws IOException {
        String text = read(image, List.of());
        return text.isBlank() ? read(image, List.of("--psm", "6")) : text;
    }

    /** The text tesseract reads from a photographed or scanned page, as one block; throws like {@link #read}. */
    String readBlock(Path image) throws IOException {
        String text = read(image, List.of("--psm", "6"));
        return text.isBlank() ? read(image, List.of()) : text;
    }

    private String read(Path image, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(program, image.toString(), "stdout", "-l", languages));
        command.addAll(options);
        Path errors = Files.createTempFile("custos-ocr", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectError(errors.toFile()).start();
                process.getOutputStream().close();
            } catch (IOException e) {
                throw new OcrException(MISSING + ": cannot run '" + program + "'", e);
            }
            byte[] out = process.getInputStream().readAllBytes();
            boolean ended = process.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
                throw new OcrException("OCR did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                String why = Files.readString(errors, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message");
                throw new OcrException("OCR failed (tesseract exit " + process.exitValue() + "): " + why);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("OCR interrupted", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
