package org.custos.bench;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.custos.material.custody.CustodyBook;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.Canary;
import org.custos.material.mark.CanaryFinding;
import org.custos.material.mark.CanaryTrace;
import org.custos.material.mark.MarkKey;
import org.custos.material.mark.Marking;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.RegisteredItem;
import org.custos.material.trace.TraceResult;
import org.custos.material.trace.Tracer;

/**
 * MarkingBenchmark measures marked copies and tracing: recipients named from simulated phone photos of one printed
 * page and from retyped text, and the time to mark a 100-page PDF and to trace one photo.
 *
 * <pre>
 * rm -f cli/target/custos.jar    # else the shade plugin re-shades the old jar and keeps stale classes
 * ./mvnw -q -B -o package -pl bench -am -DskipTests
 * java -XX:ActiveProcessorCount=1 -cp "bench/target/classes:cli/target/custos.jar" \
 *     org.custos.bench.MarkingBenchmark --photos 100 --retyped 300 --recipients 1000 --ocr-photos 20 \
 *     --bad-photos 10 --seed 1 [--rules 1,2] [--chinese DIR [--chinese-chars 80000] [--chinese-photos 50]]
 * </pre>
 *
 * <p>Marking Chinese PDFs alone (with the English 100-page figure beside it, same run):
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp "bench/target/classes:cli/target/custos.jar" \
 *     org.custos.bench.MarkingBenchmark --photos 0 --retyped 0 --ocr-photos 0 --bad-photos 0 \
 *     --chinese material/src/test/resources/org/custos/material/mark --chinese-photos 50
 * </pre>
 *
 * <p>Texts: the licence texts in {@code /usr/share/common-licenses} (GPL-3, Apache-2.0, LGPL-2.1, MPL-2.0,
 * GFDL-1.3): real English prose of 1,600 to 5,700 words that nobody tuned the variant lists on, read from the
 * machine and never copied into the repository.
 *
 * <p><b>Photos.</b> For each trial a document and one of 20 recipients are drawn, the recipient's marked PDF is
 * rendered at 150 dpi (one random page), and the page is "photographed": rotated by up to ±10°, perspective-warped
 * (each corner moved by up to 5 % of the page), lit unevenly, blurred (Gaussian, σ ≈ 1.2 px), given Gaussian noise
 * (σ = 6 grey levels), cropped to a random 70 % × 70 % window of the page, and saved as JPEG quality 60. The tracer
 * then reads the JPEG (QR codes first, OCR by tesseract when none is valid).
 *
 * <p><b>Retyped text.</b> For each trial a document and one of N recipients' copies are drawn, and one page
 * (420 words from a random sentence start) or two pages (840 words) are "retyped": the words and punctuation kept,
 * layout and line breaks lost, curly quotes straightened, and 1 % of the words mistyped (a letter dropped, doubled
 * or swapped). The canary trace sees all N copies of the document. Each of these runs
 * draws its trials from its own seed (from {@code --seed}, the page count and the noise), so that the rules of
 * every version given with {@code --rules} are measured side by side on the same documents, recipients and pages. The same is run again with <b>harsh</b> noise:
 * on top of that, 0.5 % of the words left out, 5 % of the commas left out, and 2 % of the words typed with the
 * case of their first letter flipped.
 *
 * <p><b>Photos without QR codes</b> ({@code --ocr-photos}): the same, with the five QR codes of the page painted white
 * before the photograph, so the tracer must fall back on OCR (printed codes and wording variants).
 * <b>Bad photos</b> ({@code --bad-photos}): alternately a page of another, unmarked document (the Artistic licence,
 * margins, middle band and faint tiles whitened) and a photo of something that is not a page (a smooth pattern);
 * nobody may be named.
 *
 * <p><b>Speed.</b> Marking: {@code Marking.mark} of a 100-page PDF (licence texts repeated to 4,000 lines) into a
 * temporary folder, ledger included; median of 7 runs after 3 warm-ups, wall and CPU time (of the marking thread),
 * and beside it the CPU time of the canary alone (finding the sites and writing a copy's text) under the rules of
 * version 1 and 2. Tracing one photo: the median of the photo trials' {@code Tracer.trace} times. Run with {@code -XX:ActiveProcessorCount=1} for "one core".
 *
 * <p><b>Chinese PDFs</b> ({@code --chinese DIR}): the {@code *.txt} files of the folder (UTF-8; the Chinese test
 * texts of the material module), whole, in name order and repeated until they hold {@code --chinese-chars}
 * characters (80,000 by default), marked to a PDF the same way (the machine's font for Chinese embedded, see
 * {@code PdfFonts}): the first run of the process on its own (it finds and parses the fonts, as one {@code custos
 * mark} does), then the median of 7 runs after 3 warm-ups, wall and CPU, and the CPU time of the canary alone.
 * With {@code --chinese-photos N}, each file of the folder is also an item of its own, marked for 20 recipients,
 * and N photos of its pages are traced exactly as the English photos above.
 */
public final class MarkingBenchmark {

    private static final Path LICENCES = Path.of("/usr/share/common-licenses");
    private static final String[] DOCUMENTS = {"GPL-3", "Apache-2.0", "LGPL-2.1", "MPL-2.0", "GFDL-1.3"};
    private static final MarkKey KEY = MarkKey.of("benchmark key, not a secret 0123".getBytes());
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private SplittableRandom random;
    private final long seed;
    private final Path work;

    private MarkingBenchmark(long seed, Path work) {
        this.random = new SplittableRandom(seed);
        this.seed = seed;
        this.work = work;
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        int photos = 100;
        int ocrPhotos = 20;
        int badPhotos = 10;
        int retyped = 300;
        int recipients = 1000;
        long seed = 1;
        boolean keep = false;
        int[] rules = {Canary.VERSION};
        Path chinese = null;
        int chineseChars = 80_000;
        int chinesePhotos = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--photos" -> photos = Integer.parseInt(args[++i]);
                case "--retyped" -> retyped = Integer.parseInt(args[++i]);
                case "--ocr-photos" -> ocrPhotos = Integer.parseInt(args[++i]);
                case "--bad-photos" -> badPhotos = Integer.parseInt(args[++i]);
                case "--recipients" -> recipients = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--keep" -> keep = true;
                case "--chinese" -> chinese = Path.of(args[++i]);
                case "--chinese-chars" -> chineseChars = Integer.parseInt(args[++i]);
                case "--chinese-photos" -> chinesePhotos = Integer.parseInt(args[++i]);
                case "--rules" -> rules = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<RegisteredItem> items = new ArrayList<>();
        for (String name : DOCUMENTS) {
            Path file = LICENCES.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + ": missing (Debian's base-files provides it)");
            }
            String text = Files.readString(file);
            items.add(item(name, text));
        }
        Path work = Files.createTempDirectory("custos-marking-bench");
        MarkingBenchmark b = new MarkingBenchmark(seed, work);
        System.out.printf(Locale.ROOT, "documents: %s%n", String.join(", ", DOCUMENTS));
        for (RegisteredItem item : items) {
            Canary c = Canary.of(item.text());
            Canary old = Canary.of(item.text(), 1);
            System.out.printf(Locale.ROOT, "  %-11s %5d words, %4d variant positions (%.1f per 420 words; rules v1: "
                    + "%d, %.1f)%n", item.summary().name(), c.wordCount(), c.siteCount(),
                    420.0 * c.siteCount() / c.wordCount(), old.siteCount(), 420.0 * old.siteCount() / old.wordCount());
        }
        if (chinese != null) {
            b.speedOfChineseMarking(chinese, chineseChars);
            if (chinesePhotos > 0) {
                List<RegisteredItem> chineseItems = new ArrayList<>();
                for (Path f : textFiles(chinese)) {
                    chineseItems.add(item(f.getFileName().toString(), Files.readString(f)));
                }
                System.out.printf(Locale.ROOT, "Chinese items: %d files of %s; ", chineseItems.size(), chinese);
                new MarkingBenchmark(seed, Files.createDirectories(work.resolve("chinese")))
                        .photos(chineseItems, chinesePhotos, false);
            }
        }
        b.speedOfMarking(items);
        for (int version : rules) {
            for (boolean harsh : new boolean[] {false, true}) {
                b.retyped(items, retyped, recipients, 1, harsh, version);
                b.retyped(items, retyped, recipients, 2, harsh, version);
            }
        }
        b.photos(items, photos, false);
        b.photos(items, ocrPhotos, true);
        b.badPhotos(items, badPhotos);
        System.out.println(keep ? "work folder kept: " + work : "");
        if (!keep) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RegisteredItem item(String name, String text) {
        String id = String.format("%012x", name.hashCode() & 0xffffffffL);
        return new RegisteredItem(new ItemSummary(id, name, name, "secret", "", "", text.length()), id, "prc", "text",
                7, 15, text, new long[0], new int[0]);
    }

    private void speedOfMarking(List<RegisteredItem> items) throws IOException {
        StringBuilder text = new StringBuilder();
        int lines = 0;
        while (lines < 4000) {
            for (RegisteredItem item : items) {
                for (String line : item.text().split("\n")) {
                    if (lines++ < 4000) {
                        text.append(line).append('\n');
                    }
                }
            }
        }
        RegisteredItem big = item("100-pages", text.toString());
        Path dir = Files.createDirectories(work.resolve("speed"));
        long[] times = new long[10];
        long[] cpu = new long[10];
        long[][] canary = new long[3][10];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int pages = 0;
        for (int i = 0; i < times.length; i++) {
            CustodyBook book = CustodyFiles.open(dir.resolve("data" + i));
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Marking.Marked m = new Marking(KEY, book).mark(big, "r" + i, "benchmark", "bench", NOW,
                    dir.resolve("copy" + i + ".pdf"));
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            pages = m.copy().pages();
            for (int v = 1; v <= 3; v++) {
                long c = threads.getCurrentThreadCpuTime();
                Marking.variantTextFor(KEY, Canary.of(big.text(), v), big.summary().id(), "R" + i);
                canary[v - 1][i] = threads.getCurrentThreadCpuTime() - c;
            }
        }
        System.out.printf(Locale.ROOT, "marking: %d-page PDF (%d lines, %.1f MB), median %.0f ms wall, %.0f ms CPU of "
                + "%d runs (wall min %.0f, max %.0f); the canary alone (find the sites, write a copy's text), CPU "
                + "median: rules v1 %.0f ms, v2 %.0f ms, v3 %.0f ms%n", pages, 4000,
                Files.size(dir.resolve("copy9.pdf")) / 1e6, median(times) / 1e6, median(cpu) / 1e6, times.length - 3,
                min(times) / 1e6, max(times) / 1e6, median(canary[0]) / 1e6, median(canary[1]) / 1e6,
                median(canary[2]) / 1e6);
    }

    private static List<Path> textFiles(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            List<Path> files = list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException(folder + ": no *.txt files");
            }
            return files;
        }
    }

    private void speedOfChineseMarking(Path folder, int chars) throws IOException {
        List<Path> files = textFiles(folder);
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < chars) {
            for (Path f : files) {
                if (text.codePointCount(0, text.length()) < chars) {
                    text.append(Files.readString(f)).append('\n');
                }
            }
        }
        RegisteredItem big = item("chinese", text.toString());
        Path dir = Files.createDirectories(work.resolve("speed-chinese"));
        long[] times = new long[10];
        long[] cpu = new long[10];
        long[] canary = new long[10];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int pages = 0;
        for (int i = 0; i < times.length; i++) {
            CustodyBook book = CustodyFiles.open(dir.resolve("data" + i));
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Marking.Marked m = new Marking(KEY, book).mark(big, "r" + i, "benchmark", "bench", NOW,
                    dir.resolve("copy" + i + ".pdf"));
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            pages = m.copy().pages();
            long c = threads.getCurrentThreadCpuTime();
            Marking.variantTextFor(KEY, Canary.of(big.text()), big.summary().id(), "R" + i);
            canary[i] = threads.getCurrentThreadCpuTime() - c;
        }
        System.out.printf(Locale.ROOT, "marking Chinese: %d-page PDF (%d characters from %d files, %.1f MB), first "
                + "run %.0f ms wall, %.0f ms CPU; then median %.0f ms wall, %.0f ms CPU of %d runs (wall min %.0f, "
                + "max %.0f); the canary alone (rules v%d), CPU median %.0f ms%n", pages,
                text.codePointCount(0, text.length()), files.size(), Files.size(dir.resolve("copy9.pdf")) / 1e6,
                times[0] / 1e6, cpu[0] / 1e6, median(times) / 1e6, median(cpu) / 1e6, times.length - 3,
                min(times) / 1e6, max(times) / 1e6, Canary.VERSION, median(canary) / 1e6);
    }

    /** The median of the runs after the first three (warm-up). */
    private static long median(long[] runs) {
        long[] measured = Arrays.copyOfRange(runs, 3, runs.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static long min(long[] runs) {
        return Arrays.stream(runs, 3, runs.length).min().orElse(0);
    }

    private static long max(long[] runs) {
        return Arrays.stream(runs, 3, runs.length).max().orElse(0);
    }

    private void retyped(List<RegisteredItem> items, int trials, int recipients, int pages, boolean harsh,
            int version) {
        if (trials == 0) {
            return;
        }
        SplittableRandom outer = random;
        random = new SplittableRandom(seed * 1009 + pages * 2 + (harsh ? 1 : 0));
        CanaryTrace trace = new CanaryTrace(KEY);
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            copies.add(String.format("R%07d", i));
        }
        int right = 0;
        int wrong = 0;
        int none = 0;
        int sites = 0;
        long nanos = 0;
        for (int t = 0; t < trials; t++) {
            RegisteredItem item = items.get(random.nextInt(items.size()));
            Canary canary = Canary.of(item.text(), version);
            String copy = copies.get(random.nextInt(copies.size()));
            String text = Marking.variantTextFor(KEY, canary, item.summary().id(), copy);
            String page = retype(excerpt(text, 420 * pages), harsh);
            long start = System.nanoTime();
            CanaryFinding f = trace.trace(canary, item.summary().id(), copies, page);
            nanos += System.nanoTime() - start;
            sites += f.sitesRead();
            if (f.identified() == null) {
                none++;
            } else if (f.identified().equals(copy)) {
                right++;
            } else {
                wrong++;
            }
        }
        int named = 0;
        for (int t = 0; t < trials; t++) {
            RegisteredItem item = items.get(random.nextInt(items.size()));
            Canary canary = Canary.of(item.text(), version);
            String text = t % 2 == 0 ? item.text()
                    : Marking.variantTextFor(KEY, canary, item.summary().id(), String.format("X%07d", t));
            CanaryFinding f = trace.trace(canary, item.summary().id(), copies,
                    retype(excerpt(text, 420 * pages), harsh));
            if (f.identified() != null) {
                named++;
                System.out.printf(Locale.ROOT, "  NAMED from %s of %s: %s%n", t % 2 == 0 ? "the original"
                        : "unissued copy X" + t, item.summary().name(), f);
            }
        }
        System.out.printf(Locale.ROOT, "rules v%d: retyped %d page%s (%s noise), %d recipients, %d trials: right %.1f %%, "
                + "wrong %.1f %%, none named %.1f %%; %.1f variant positions read on average; %.1f ms per trace; "
                + "unmarked original or a copy not issued (%d trials): someone named in %d%n", version, pages,
                pages == 1 ? "" : "s", harsh ? "harsh" : "standard", recipients, trials, 100.0 * right / trials, 100.0 * wrong / trials,
                100.0 * none / trials, (double) sites / trials, nanos / 1e6 / trials, trials, named);
        random = outer;
    }

    private String excerpt(String text, int words) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i < text.length() - 1; i++) {
            if ((text.charAt(i - 1) == '.' || text.charAt(i - 1) == '\n') && Character.isWhitespace(text.charAt(i))) {
                starts.add(i + 1);
            }
        }
        String[] all = text.substring(starts.get(random.nextInt(Math.max(1, starts.size() * 3 / 4)))).split("\\s+");
        return String.join(" ", Arrays.copyOfRange(all, 0, Math.min(words, all.length)));
    }

    private String retype(String page, boolean harsh) {
        String[] words = page.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (harsh) {
                double r = random.nextDouble();
                if (r < 0.005) {
                    continue;
                }
                if (w.endsWith(",") && random.nextDouble() < 0.05) {
                    w = w.substring(0, w.length() - 1);
                }
                if (r < 0.025 && !w.isEmpty()) {
                    w = Character.isUpperCase(w.charAt(0)) ? w.toLowerCase(Locale.ROOT)
                            : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
                }
            }
            if (random.nextDouble() < 0.01 && w.length() > 3) {
                int k = 1 + random.nextInt(w.length() - 2);
                w = switch (random.nextInt(3)) {
                    case 0 -> w.substring(0, k) + w.substring(k + 1);
                    case 1 -> w.substring(0, k) + w.charAt(k) + w.substring(k);
                    default -> w.substring(0, k - 1) + w.charAt(k) + w.charAt(k - 1) + w.substring(k + 1);
                };
            }
            out.append(w).append(' ');
        }
        return out.toString();
    }

    private void photos(List<RegisteredItem> items, int trials, boolean hideQr) throws IOException {
        if (trials == 0) {
            return;
        }
        Path dir = Files.createDirectories(work.resolve(hideQr ? "photos-without-qr" : "photos"));
        CustodyFiles book = CustodyFiles.open(dir.resolve("data"));
        Marking marking = new Marking(KEY, book);
        List<List<IssuedCopy>> byItem = new ArrayList<>();
        for (RegisteredItem item : items) {
            List<IssuedCopy> copies = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                copies.add(marking.mark(item, "recipient-" + r, "benchmark", "bench", NOW,
                        dir.resolve(item.summary().name() + "-" + r + ".pdf")).copy());
            }
            byItem.add(copies);
        }
        Tracer tracer = new Tracer(KEY, book.copies(), id -> items.stream().filter(i -> i.summary().id().equals(id))
                .findFirst().map(RegisteredItem::text), TextExtractor.standard());
        int right = 0;
        int wrong = 0;
        int none = 0;
        int byQr = 0;
        List<Long> times = new ArrayList<>();
        List<Long> ocrTimes = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            int d = random.nextInt(items.size());
            IssuedCopy copy = byItem.get(d).get(random.nextInt(20));
            Path pdf = dir.resolve(items.get(d).summary().name() + "-" + copy.recipient().substring(10) + ".pdf");
            Path photo = dir.resolve("photo-" + t + ".jpg");
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                int page = random.nextInt(doc.getNumberOfPages());
                BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(page, 150, ImageType.RGB);
                if (hideQr) {
                    hideQrCodes(rendered);
                }
                writeJpeg(photograph(rendered), photo, 0.6f);
            }
            long start = System.nanoTime();
            TraceResult r = tracer.trace(photo);
            long took = System.nanoTime() - start;
            boolean qr = r.evidence().qr().stream().anyMatch(q -> q.status().equals("valid"));
            (qr ? times : ocrTimes).add(took);
            byQr += qr ? 1 : 0;
            if (r.status() == TraceResult.Status.IDENTIFIED) {
                if (r.copies().get(0).copy().equals(copy.copy())) {
                    right++;
                } else {
                    wrong++;
                }
            } else {
                none++;
            }
        }
        System.out.printf(Locale.ROOT, (hideQr ? "photos with every QR code painted over" : "photos")
                + ", %d trials (20 recipients per document): right %.1f %%, wrong %.1f %%, "
                + "none named %.1f %%; a valid QR code read in %d; trace time median %s ms with a QR code, %s ms "
                + "through OCR%n", trials, 100.0 * right / trials, 100.0 * wrong / trials, 100.0 * none / trials, byQr,
                median(times), median(ocrTimes));
    }

    /** Paints the five QR codes of a page rendered at 150 dpi white, as a thumb or a sticker would hide them. */
    private static void hideQrCodes(BufferedImage page) {
        double s = 150 / 72.0;
        double w = page.getWidth() / s;
        double h = page.getHeight() / s;
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        double[][] boxes = {{12, 12, 60}, {w - 72, 12, 60}, {12, h - 72, 60}, {w - 72, h - 72, 60},
            {(w - 92) / 2, (h - 92) / 2, 92}};
        for (double[] b : boxes) {
            g.fillRect((int) (b[0] * s) - 2, (int) (b[1] * s) - 2, (int) (b[2] * s) + 4, (int) (b[2] * s) + 4);
        }
        g.dispose();
    }

    /** Photos that must name nobody: a page of an unmarked document, and a photo of something that is not a page. */
    private void badPhotos(List<RegisteredItem> items, int trials) throws IOException {
        if (trials == 0) {
            return;
        }
        Path dir = Files.createDirectories(work.resolve("bad-photos"));
        Tracer tracer = new Tracer(KEY, CustodyFiles.open(work.resolve("photos/data")).copies(),
                id -> items.stream().filter(i -> i.summary().id().equals(id)).findFirst().map(RegisteredItem::text),
                TextExtractor.standard());
        Path other = LICENCES.resolve("Artistic");
        String text = Files.readString(other);
        int named = 0;
        List<String> answers = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            BufferedImage image;
            if (t % 2 == 0) {
                Path pdf = dir.resolve("other.pdf");
                try (OutputStream out = Files.newOutputStream(pdf)) {
                    Marking.write(org.custos.material.mark.CopyFormat.PDF, text, KEY.code("00000000"),
                            org.custos.material.mark.QrPayload.parse("CUSTOS:00000000:0000000000").orElseThrow(),
                            "other", out);
                }
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    image = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.RGB);
                }
                hideQrCodes(image);
                hideCodes(image);
            } else {
                image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int v = (int) (128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 53.0)) & 255;
                        image.setRGB(x, y, v << 16 | (v * 3 / 4) << 8 | v / 2);
                    }
                }
            }
            Path photo = dir.resolve("bad-" + t + ".jpg");
            writeJpeg(photograph(image), photo, 0.6f);
            TraceResult r = tracer.trace(photo);
            named += r.copies().isEmpty() ? 0 : 1;
            answers.add(r.status().label());
        }
        System.out.printf(Locale.ROOT, "photos of an unmarked page of another document and of something that is "
                + "not a page, %d trials: someone named in %d; answers %s%n", trials, named, answers);
    }

    /** Paints the margins and the middle band white, where the copy codes are, and whitens the faint tiles. */
    private static void hideCodes(BufferedImage page) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 255) > 200) {
                    page.setRGB(x, y, 0xffffff);
                }
            }
        }
        double s = 150 / 72.0;
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        int w = page.getWidth();
        int h = page.getHeight();
        g.fillRect(0, 0, w, (int) (80 * s));
        g.fillRect(0, h - (int) (80 * s), w, (int) (80 * s));
        g.fillRect(0, 0, (int) (70 * s), h);
        g.fillRect(w - (int) (70 * s), 0, (int) (70 * s), h);
        g.fillRect(0, h / 2 - (int) (52 * s), w, (int) (104 * s));
        g.dispose();
    }

    private static String median(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return String.format(Locale.ROOT, "%.0f", sorted.get(sorted.size() / 2) / 1e6);
    }

    /** A phone photo of a page: rotation, perspective, uneven light, blur, noise and a 70 % crop. */
    BufferedImage photograph(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        double angle = Math.toRadians(random.nextDouble(-10, 10));
        double cx = w / 2.0;
        double cy = h / 2.0;
        double[][] src = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] dst = new double[4][2];
        for (int i = 0; i < 4; i++) {
            double x = src[i][0] - cx;
            double y = src[i][1] - cy;
            dst[i][0] = cx + x * Math.cos(angle) - y * Math.sin(angle) + random.nextDouble(-0.05, 0.05) * w;
            dst[i][1] = cy + x * Math.sin(angle) + y * Math.cos(angle) + random.nextDouble(-0.05, 0.05) * h;
        }
        double[] inverse = homography(dst, src);
        int[] pixels = page.getRGB(0, 0, w, h, null, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double lightX = random.nextDouble(-0.15, 0.15);
        double lightY = random.nextDouble(-0.15, 0.15);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = inverse[6] * x + inverse[7] * y + 1;
                double sx = (inverse[0] * x + inverse[1] * y + inverse[2]) / d;
                double sy = (inverse[3] * x + inverse[4] * y + inverse[5]) / d;
                int rgb;
                if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) {
                    rgb = 0x4a4038;
                } else {
                    rgb = bilinear(pixels, w, sx, sy);
                }
                double light = 0.9 + lightX * (x - cx) / w + lightY * (y - cy) / h;
                out.setRGB(x, y, scale(rgb, light));
            }
        }
        float[] k = gaussian(5, 1.2f);
        BufferedImage blurred = new ConvolveOp(new Kernel(5, 5, k), ConvolveOp.EDGE_NO_OP, null).filter(out, null);
        int cw = (int) (w * 0.7);
        int ch = (int) (h * 0.7);
        int ox = random.nextInt(w - cw + 1);
        int oy = random.nextInt(h - ch + 1);
        BufferedImage crop = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int rgb = blurred.getRGB(ox + x, oy + y);
                int n = (int) Math.round(random.nextGaussian() * 6);
                crop.setRGB(x, y, add(rgb, n));
            }
        }
        return crop;
    }

    private static int bilinear(int[] p, int w, double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int a = p[y0 * w + x0];
        int b = p[y0 * w + x0 + 1];
        int c = p[(y0 + 1) * w + x0];
        int d = p[(y0 + 1) * w + x0 + 1];
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double v = ((a >> shift) & 255) * (1 - fx) * (1 - fy) + ((b >> shift) & 255) * fx * (1 - fy)
                    + ((c >> shift) & 255) * (1 - fx) * fy + ((d >> shift) & 255) * fx * fy;
            out |= ((int) Math.round(v) & 255) << shift;
        }
        return out;
    }

    private static int scale(int rgb, double f) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            out |= Math.max(0, Math.min(255, (int) Math.round(((rgb >> shift) & 255) * f))) << shift;
        }
        return out;
    }

    private static int add(int rgb, int n) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            out |= Math.max(0, Math.min(255, ((rgb >> shift) & 255) + n)) << shift;
        }
        return out;
    }

    private static float[] gaussian(int size, float sigma) {
        float[] k = new float[size * size];
        float sum = 0;
        int r = size / 2;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                float v = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                k[(y + r) * size + x + r] = v;
                sum += v;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** The homography (a..h, i = 1) mapping four points {@code from} to four points {@code to}. */
    static double[] homography(double[][] from, double[][] to) {
        double[][] m = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            m[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            m[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) {
            int pivot = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k < 9; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] out = new double[8];
        for (int i = 0; i < 8; i++) {
            out[i] = m[i][8] / m[i][i];
        }
        return out;
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (OutputStream os = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
