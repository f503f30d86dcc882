package org.custos.material.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * TextExtractor reads the text of documents, folders and zip archives: plain text as is, PDF pages through
 * PDFBox, images and PDF pages without a text layer through the {@code tesseract} program, and everything else
 * (DOCX, ODT, XLSX, PPTX, HTML, e-mail, ...) through Apache Tika.
 *
 * <p>Every document yields one {@link Extraction}: its text, or a one-line reason it could not be read. Nothing in
 * a document is executed; Tika only reads. Folders are walked in name order; archives expand within
 * {@link ExtractionLimits}.
 */
public final class TextExtractor {

    private final Ocr ocr;
    private final ExtractionLimits limits;
    private final AutoDetectParser tika = new AutoDetectParser();
    private final Detector detector = tika.getDetector();

    TextExtractor(Ocr ocr, ExtractionLimits limits) {
        this.ocr = ocr;
        this.limits = limits;
    }

    /** A TextExtractor with the default limits, reading images with {@code tesseract -l eng+chi_sim}. */
    public static TextExtractor standard() {
        return new TextExtractor(new Ocr("tesseract", "eng+chi_sim"), ExtractionLimits.DEFAULT);
    }

    /** The text of every document in {@code path}: a file, a folder or an archive. */
    public List<Extraction> extract(Path path) {
        List<Extraction> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> extractFile(f, out));
            } catch (IOException e) {
                out.add(new ExtractionFailure(path.toString(), "cannot list folder: " + oneLine(e)));
            }
        } else if (!Files.exists(path)) {
            out.add(new ExtractionFailure(path.toString(), "no such file"));
        } else {
            extractFile(path, out);
        }
        return out;
    }

    private void extractFile(Path file, List<Extraction> out) {
        String shown = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                out.add(new ExtractionFailure(shown, "too large: " + size + " bytes, limit " + limits.maxFileBytes()));
                return;
            }
            document(shown, file.getFileName().toString(), Files.readAllBytes(file), out);
        } catch (IOException e) {
            out.add(new ExtractionFailure(shown, "cannot read: " + oneLine(e)));
        }
    }

    /**
     * The text of one document held in memory, read as {@link #extract(Path)} reads a file called {@code name} with
     * these bytes (the fuzz test's entry point: no file, same code).
     */
    List<Extraction> extract(String name, byte[] bytes) {
        List<Extraction> out = new ArrayList<>();
        document(name, name, bytes, out);
        return out;
    }

    private void document(String shown, String name, byte[] bytes, List<Extraction> out) {
        if (bytes.length > limits.maxFileBytes()) {
            out.add(new ExtractionFailure(shown, "too large: " + bytes.length + " bytes, limit "
                    + limits.maxFileBytes()));
            return;
        }
        extractBytes(shown, name, bytes, 0, new long[] {0, 0}, out);
    }

    private void extractBytes(String shown, String name, byte[] bytes, int depth, long[] expanded,
            List<Extraction> out) {
        try {
            MediaType type = detect(name, bytes);
            String base = type.getBaseType().toString();
            if (base.equals("application/zip") || base.equals("application/x-zip-compressed")) {
                expandZip(shown, bytes, depth + 1, expanded, out);
                return;
            }
            String sha = sha256(bytes);
            String text;
            String method;
            if (type.getType().equals("image")) {
                text = ocr.readImage(bytes, name);
                method = "ocr";
            } else if (base.equals("application/pdf")) {
                PdfText pdf = pdfText(bytes);
                text = pdf.text();
                method = pdf.ocrPages() > 0 ? "pdf+ocr" : "pdf";
            } else if (base.equals("text/plain")) {
                text = plainText(bytes, name, type);
                method = "text";
            } else {
                text = tikaText(bytes, name, type);
                method = "tika";
            }
            if (text.isBlank()) {
                out.add(new ExtractionFailure(shown, "no text found (type " + base + ")"));
                return;
            }
            out.add(new ExtractedText(shown, name, sha, method, text));
        } catch (InvalidPasswordException | EncryptedDocumentException e) {
            out.add(new ExtractionFailure(shown, "encrypted or password-protected"));
        } catch (Ocr.OcrException e) {
            out.add(new ExtractionFailure(shown, e.getMessage()));
        } catch (WriteLimitReachedException e) {
            out.add(new ExtractionFailure(shown, "text longer than " + limits.maxChars() + " chars"));
        } catch (Exception e) {
            out.add(new ExtractionFailure(shown, "corrupt or unreadable: " + oneLine(e)));
        } catch (AssertionError e) {
            // a library's assert on malformed input (Tika's RTF parser on a stray '}') when assertions are on
            out.add(new ExtractionFailure(shown, "corrupt or unreadable: the parser's own consistency check failed"));
        } catch (LinkageError e) {
            // a library reaching for an optional part this build leaves out: commons-compress asks for zstd-jni
            // when a zip member says it is Zstandard-compressed (found by TextExtractorFuzzTest)
            out.add(new ExtractionFailure(shown, "unreadable: needs a component this build does not include ("
                    + oneLine(e).replace('/', '.') + ")"));
        }
    }

    private MediaType detect(String name, byte[] bytes) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (InputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, metadata);
        }
    }

    private void expandZip(String shown, byte[] bytes, int depth, long[] expanded, List<Extraction> out) {
        if (depth > limits.maxDepth()) {
            out.add(new ExtractionFailure(shown, "archives nested deeper than " + limits.maxDepth()));
            return;
        }
        int before = out.size();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String member = shown + "!/" + entry.getName();
                if (++expanded[1] > limits.maxArchiveEntries()) {
                    out.add(new ExtractionFailure(shown, "more than " + limits.maxArchiveEntries()
                            + " archive members; the rest were skipped"));
                    return;
                }
                byte[] content = readBounded(zip, Math.min(limits.maxFileBytes(),
                        limits.maxArchiveBytes() - expanded[0]));
                if (content == null) {
                    out.add(new ExtractionFailure(member, "expands beyond the size limit (possible zip bomb);"
                            + " the rest of the archive was skipped"));
                    return;
                }
                expanded[0] += content.length;
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                extractBytes(member, name, content, depth, expanded, out);
            }
            if (out.size() == before) {
                out.add(new ExtractionFailure(shown, "archive with no readable member"));
            }
        } catch (IOException e) {
            out.add(new ExtractionFailure(shown, "corrupt archive: " + oneLine(e)));
        }
    }

    /** Reads at most {@code max} bytes; null when there are more. */
    private static byte[] readBounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private String plainText(byte[] bytes, String name, MediaType type) throws Exception {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return tikaText(bytes, name, type);
        }
    }

    /**
     * The text Tika's parser for {@code type} reads. The type is the one {@link #detect} found with the parser's own
     * detector on the same bytes and name, so the parser is told it rather than detecting it a second time (magic
     * detection is most of the cost of a small document).
     */
    private String tikaText(byte[] bytes, String name, MediaType type) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, type.toString());
        BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
        ParseContext context = new ParseContext();
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        context.set(Parser.class, tika);
        try (InputStream in = TikaInputStream.get(bytes)) {
            tika.parse(in, handler, metadata, context);
        }
        return handler.toString();
    }

    /** The text of a PDF and how many of its pages were read by OCR. */
    private record PdfText(String text, int ocrPages) {
    }

    private PdfText pdfText(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = null;
            StringBuilder text = new StringBuilder();
            int ocrPages = 0;
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(document);
                if (pageText.isBlank()) {
                    if (renderer == null) {
                        renderer = new PDFRenderer(document);
                    }
                    BufferedImage image = renderer.renderImageWithDPI(page - 1, 300, ImageType.GRAY);
                    pageText = ocr.readPage(image);
                    ocrPages++;
                }
                text.append(pageText);
                if (text.length() > limits.maxChars()) {
                    throw new IOException("text longer than " + limits.maxChars() + " chars");
                }
                if (!pageText.endsWith("\n")) {
                    text.append('\n');
                }
            }
            return new PdfText(text.toString(), ocrPages);
        }
    }

    /** The SHA-256 of some bytes as lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        String message = e.getMessage();
        while ((message == null || message.isBlank()) && root.getCause() != null) {
            root = root.getCause();
            message = root.getMessage();
        }
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
