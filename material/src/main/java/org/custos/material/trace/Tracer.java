package org.custos.material.trace;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.Canary;
import org.custos.material.mark.CanaryFinding;
import org.custos.material.mark.CanaryTrace;
import org.custos.material.mark.CopyCode;
import org.custos.material.mark.MarkKey;
import org.custos.material.mark.QrPayload;

/**
 * A Tracer answers whose copy a leaked file is: a PDF (its text layer, and its pages rendered at 100 dpi for QR
 * codes), an image or phone photo of a printed page (QR codes; OCR by {@code tesseract} when no valid QR code is
 * found or when asked), or text (plain, DOCX and the other formats {@link TextExtractor} reads).
 *
 * <p>Three channels are read: QR codes (exact payload, 50-bit MAC), printed copy codes (10-bit check) and the
 * canary trap of each registered item the text comes from ({@link CanaryTrace}). A copy is named only when a channel
 * supports it; marks of different copies, or a valid mark beside a forged one, make the answer "conflicting".
 */
public final class Tracer {

    static final float PDF_DPI = 100;
    static final int MIN_PLACED_WORDS = 20;

    private final MarkKey key;
    private final Map<String, IssuedCopy> copies = new LinkedHashMap<>();
    /** Issued copies by item and canary rules version ("item\u0000version"): each version reads its own sites. */
    private final Map<String, List<String>> copiesByItem = new LinkedHashMap<>();
    private final Function<String, Optional<String>> itemText;
    private final TextExtractor extractor;
    private final CanaryTrace canaryTrace;
    private final Map<String, Canary> canaries = new HashMap<>();
    private boolean alwaysOcr;
    private int otherCanary;

    /**
     * A tracer over what a data directory holds: its mark key (when none was ever created, a fresh random key, so
     * every signed code reads as forged rather than valid), the copies its custody ledger issued, and the texts of
     * its registry.
     *
     * @throws IOException when the key or the ledger cannot be read
     */
    public static Tracer forDataDirectory(Path dataDir, TextExtractor extractor) throws IOException {
        org.custos.material.registry.Registry registry = org.custos.material.registry.Registry.open(dataDir);
        MarkKey key = Files.exists(dataDir.resolve("marks").resolve("key")) ? MarkKey.open(dataDir, false)
                : MarkKey.of(new java.security.SecureRandom().generateSeed(32));
        return new Tracer(key, org.custos.material.custody.CustodyFiles.open(dataDir).copies(), id -> {
            try {
                return registry.find(id).map(s -> registry.load(s).text());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }, extractor);
    }

    /**
     * A tracer over the issued copies of a ledger.
     *
     * @param itemText the registered text of an item id, empty when the item is no longer registered
     */
    public Tracer(MarkKey key, List<IssuedCopy> issued, Function<String, Optional<String>> itemText,
            TextExtractor extractor) {
        this.key = key;
        this.itemText = itemText;
        this.extractor = extractor;
        this.canaryTrace = new CanaryTrace(key);
        for (IssuedCopy c : issued) {
            copies.put(c.copy(), c);
            if (Canary.READABLE.contains(c.canary())) {
                copiesByItem.computeIfAbsent(c.item() + "\u0000" + c.canary(), i -> new ArrayList<>()).add(c.copy());
            } else {
                otherCanary++;
            }
        }
    }

    /** Reads images by OCR even when a valid QR code was found (slower; more evidence). */
    public Tracer alwaysOcr(boolean on) {
        this.alwaysOcr = on;
        return this;
    }

    /** Traces one file. */
    public TraceResult trace(Path file) {
        String shown = file.toString();
        Findings f = new Findings();
        String kind;
        try {
            if (!Files.isRegularFile(file)) {
                return unreadable(shown, "", Files.exists(file) ? "not a regular file" : "no such file");
            }
            byte[] head = new byte[8];
            try (var in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, head.length);
            }
            if (new String(head, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                kind = "pdf";
                tracePdf(file, f);
            } else {
                BufferedImage image = isImageName(file) || looksLikeImage(head) ? ImageIO.read(file.toFile()) : null;
                if (image != null) {
                    kind = "image";
                    traceImage(file, image, f);
                } else {
                    kind = "text";
                    f.typedText = true;
                    String text = extract(file);
                    readText(text, false, f);
                }
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return unreadable(shown, "", m.lines().findFirst().orElse(m));
        }
        return conclude(shown, kind, f);
    }

    private void tracePdf(Path file, Findings f) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.isEncrypted()) {
                throw new IOException("encrypted or password-protected");
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            StringBuilder text = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper();
            int withoutQr = 0;
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p + 1);
                stripper.setEndPage(p + 1);
                text.append(stripper.getText(doc)).append('\n');
                BufferedImage page = renderer.renderImageWithDPI(p, PDF_DPI, ImageType.GRAY);
                List<String> found = QrScan.scan(page, false, s -> true);
                if (found.isEmpty()) {
                    found = QrScan.scan(page, true, s -> !s.isEmpty());
                }
                if (found.isEmpty()) {
                    withoutQr++;
                }
                for (String qr : found) {
                    f.qr(p + 1, qr);
                }
            }
            if (withoutQr > 0 && !f.qr.isEmpty()) {
                f.notes.add(withoutQr + " of " + doc.getNumberOfPages() + " pages carry no readable QR code");
            }
            String layer = text.toString();
            if (layer.isBlank()) {
                f.notes.add("no text layer; its text was read by OCR");
                readText(extract(file), true, f);
            } else {
                readText(layer, false, f);
            }
        }
    }

    private void traceImage(Path file, BufferedImage image, Findings f) throws IOException {
        List<String> found = QrScan.scan(image, true, s -> s.stream().anyMatch(this::validCustosQr));
        for (String qr : found) {
            f.qr(0, qr);
        }
        if (!alwaysOcr && f.qr.stream().anyMatch(q -> q.status().equals("valid"))) {
            f.notes.add("OCR not run: a valid QR code was found (use --ocr to read the text as well)");
            return;
        }
        String text;
        f.ocr = true;
        try {
            text = extract(file);
        } catch (IOException e) {
            f.notes.add("no text read by OCR: " + e.getMessage());
            return;
        }
        readText(text, true, f);
    }

    private boolean validCustosQr(String decoded) {
        return QrPayload.parse(decoded).filter(p -> p.signedBy(key)).isPresent();
    }

    private String extract(Path file) throws IOException {
        List<Extraction> out = extractor.extract(file);
        if (out.size() == 1 && out.get(0) instanceof ExtractedText t) {
            return t.text();
        }
        if (out.size() == 1 && out.get(0) instanceof ExtractionFailure failure) {
            throw new IOException(failure.reason());
        }
        StringBuilder all = new StringBuilder();
        for (Extraction e : out) {
            if (e instanceof ExtractedText t) {
                all.append(t.text()).append('\n');
            }
        }
        return all.toString();
    }

    private void readText(String text, boolean ocr, Findings f) {
        f.ocr |= ocr;
        Map<String, Integer> counts = new TreeMap<>();
        for (CopyCode code : CopyCode.findAll(text)) {
            counts.merge(code.printed(), 1, Integer::sum);
        }
        counts.forEach((printed, n) -> {
            CopyCode code = CopyCode.parse(printed).orElseThrow();
            String status;
            if (!key.signed(code)) {
                status = ocr || f.typedText ? "unverified" : "forged";
            } else {
                status = copies.containsKey(code.id()) ? "valid" : "unknown-copy";
            }
            f.printed.add(new TraceResult.PrintedCode(printed, status, n));
        });
        if (otherCanary > 0) {
            f.notes.add(otherCanary + " issued copies were made with canary rules this version cannot read (it reads "
                    + new java.util.TreeSet<>(Canary.READABLE) + "); their wording variants are not read");
        }
        for (Map.Entry<String, List<String>> e : copiesByItem.entrySet()) {
            String item = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            int version = Integer.parseInt(e.getKey().substring(item.length() + 1));
            Optional<String> registered = itemText.apply(item);
            if (registered.isEmpty()) {
                continue;
            }
            Canary canary = canaries.computeIfAbsent(e.getKey(), id -> Canary.of(registered.get(), version));
            if (CanaryTrace.placedWords(canary, text) < MIN_PLACED_WORDS) {
                continue;
            }
            f.canary.add(canaryTrace.trace(canary, item, e.getValue(), text));
        }
    }

    private TraceResult conclude(String path, String kind, Findings f) {
        Map<String, Set<String>> supported = new LinkedHashMap<>();
        boolean forged = false;
        boolean unknown = false;
        for (TraceResult.QrCode q : f.qr) {
            switch (q.status()) {
                case "valid" -> supported.computeIfAbsent(q.copy(), c -> new LinkedHashSet<>()).add("qr");
                case "forged" -> forged = true;
                case "unknown-copy" -> unknown = true;
                default -> {
                }
            }
        }
        for (TraceResult.PrintedCode p : f.printed) {
            String id = CopyCode.parse(p.code()).orElseThrow().id();
            switch (p.status()) {
                case "valid" -> supported.computeIfAbsent(id, c -> new LinkedHashSet<>()).add("printed-code");
                case "forged" -> forged = true;
                case "unknown-copy" -> unknown = true;
                default -> {
                }
            }
        }
        boolean canaryRead = false;
        for (CanaryFinding c : f.canary) {
            canaryRead |= c.sitesRead() > 0;
            if (c.identified() != null) {
                supported.computeIfAbsent(c.identified(), x -> new LinkedHashSet<>()).add("canary");
            }
        }
        List<TraceResult.TracedCopy> named = new ArrayList<>();
        supported.forEach((id, channels) -> {
            IssuedCopy c = copies.get(id);
            String confidence = channels.contains("qr") || channels.contains("canary") || channels.size() > 1
                    ? "high" : "medium";
            named.add(new TraceResult.TracedCopy(id, c.code(), c.item(), c.itemName(), c.recipient(), c.purpose(),
                    c.issued(), List.copyOf(channels), confidence));
        });
        TraceResult.Status status;
        String verdict;
        if (named.size() > 1 || (named.size() == 1 && (forged || unknown))) {
            status = TraceResult.Status.CONFLICTING;
            List<String> parts = new ArrayList<>();
            named.forEach(c -> parts.add("copy " + c.code() + " of " + c.recipient() + " (" + String.join(", ",
                    c.channels()) + ")"));
            if (forged) {
                parts.add("forged codes");
            }
            if (unknown) {
                parts.add("codes of a copy not in the ledger");
            }
            verdict = "conflicting marks: " + String.join("; ", parts) + "; no single recipient can be named";
        } else if (named.size() == 1) {
            status = TraceResult.Status.IDENTIFIED;
            TraceResult.TracedCopy c = named.get(0);
            verdict = "copy " + c.code() + " of " + c.itemName() + ", issued to " + c.recipient() + " ("
                    + describe(c, f) + "; confidence " + c.confidence() + ")";
        } else if (forged) {
            status = TraceResult.Status.FORGED;
            verdict = "forged marks: codes whose signature is not this installation's; no recipient can be named";
        } else if (unknown) {
            status = TraceResult.Status.UNKNOWN_COPY;
            verdict = "codes signed with this installation's key for a copy the ledger does not know";
        } else if (canaryRead) {
            status = TraceResult.Status.INCONCLUSIVE;
            CanaryFinding c = f.canary.get(0);
            verdict = "text of a marked item, but its wording variants (" + c.sitesRead()
                    + " read) do not single out one copy; no recipient named";
        } else {
            status = TraceResult.Status.NO_MARK;
            verdict = "no mark found" + (f.qr.isEmpty() && f.printed.isEmpty() && f.canary.isEmpty()
                    ? ": no Custos code and no text of an item with marked copies" : "");
        }
        return new TraceResult(path, kind, status, verdict, named,
                new TraceResult.Evidence(f.qr, f.printed, f.canary, f.ocr, f.notes));
    }

    private static String describe(TraceResult.TracedCopy c, Findings f) {
        List<String> parts = new ArrayList<>();
        long qr = f.qr.stream().filter(q -> c.copy().equals(q.copy())).count();
        if (qr > 0) {
            parts.add(qr + " signed QR code" + (qr == 1 ? "" : "s"));
        }
        f.printed.stream().filter(p -> p.status().equals("valid") && p.code().equals(c.code()))
                .forEach(p -> parts.add(p.count() + " printed code" + (p.count() == 1 ? "" : "s")));
        f.canary.stream().filter(k -> c.copy().equals(k.identified())).forEach(k -> parts.add(String.format(
                Locale.ROOT, "wording variants %d of %d agree", k.candidates().get(0).agree(), k.sitesRead())));
        return String.join(", ", parts);
    }

    private static TraceResult unreadable(String path, String kind, String reason) {
        return new TraceResult(path, kind, TraceResult.Status.UNREADABLE, "unreadable: " + reason, List.of(),
                new TraceResult.Evidence(List.of(), List.of(), List.of(), false, List.of(reason)));
    }

    private static boolean isImageName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif")
                || n.endsWith(".bmp") || n.endsWith(".tif") || n.endsWith(".tiff");
    }

    private static boolean looksLikeImage(byte[] h) {
        return (h[0] & 0xff) == 0x89 && h[1] == 'P' || (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8;
    }

    /** What one file showed, gathered while reading it. */
    private final class Findings {
        final List<TraceResult.QrCode> qr = new ArrayList<>();
        final List<TraceResult.PrintedCode> printed = new ArrayList<>();
        final List<CanaryFinding> canary = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean ocr;
        boolean typedText;

        void qr(int page, String decoded) {
            Optional<QrPayload> payload = QrPayload.parse(decoded);
            if (payload.isEmpty()) {
                qr.add(new TraceResult.QrCode(page, "foreign", null, decoded.length() > 80
                        ? decoded.substring(0, 80) + "…" : decoded));
                return;
            }
            QrPayload p = payload.get();
            String status = !p.signedBy(key) ? "forged" : copies.containsKey(p.copyId()) ? "valid" : "unknown-copy";
            qr.add(new TraceResult.QrCode(page, status, p.copyId(), decoded));
        }
    }
}
