package org.custos.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.custos.core.classification.ClassificationScheme;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.assess.Assessor;
import org.custos.material.assess.BoilerplateRule;
import org.custos.material.assess.FileAssessment;
import org.custos.material.assess.IndexDensity;
import org.custos.material.assess.Match;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.TextExtractor;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.registry.Registry;
import org.custos.material.text.TextNormalizer;

/**
 * MaterialBenchmark is the end-to-end driver for the {@code material} module: it generates a seeded synthetic
 * registry (English prose from a generated vocabulary and Chinese text from common Hanzi), registers it on disk in a
 * temporary data directory, and assesses suspect documents with embedded verbatim, edited and photographed-then-OCR'd
 * excerpts through {@code Assessor.of(registry)}, printing character-level precision and recall, registering and
 * assessment throughput per core (thread CPU time) and wall, and the in-memory index size against the text size.
 *
 * <pre>
 * ./mvnw -q -B -o package -DskipTests -pl bench -am
 * java -Xmx6g -XX:ActiveProcessorCount=1 -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.MaterialBenchmark --docs 10000 --chars 100000 --ocr 16 --reps 5 --suspects 200
 * </pre>
 *
 * <p>{@code --docs 10000 --chars 100000} is the registry: 10,000 documents, about 1.0 GB of UTF-8 text (it
 * needs about 3 GB of temporary disk, removed at the end). {@code --density auto,sparse} (the default) measures the
 * index of each density in turn (see {@code IndexDensity}); the OCR images use the first. {@code --small N} (1,000)
 * is how many documents the excerpts come from. {@code -Dmaterial.keepImages} keeps the generated OCR images (their
 * folder is printed); {@code -Dmaterial.debug} prints the OCR text of images whose excerpt was mostly missed.
 * Results: docs/benchmarks.md, "Material assessment".
 *
 * <p>Old against new code, side by side: build the older commit in a second worktree, then alternate the two
 * class paths with the same arguments in one shell loop (a round is old then new; compare the medians round by
 * round, since load on a shared machine drifts):
 *
 * <pre>
 * OLD=/tmp/custos-old; git worktree add $OLD 391a7ca
 * (cd $OLD &amp;&amp; ./mvnw -q -B -o package -DskipTests -pl bench -am)
 * for round in 1 2 3; do for t in $OLD .; do
 *   java -Xmx3g -XX:ActiveProcessorCount=1 \
 *       -cp "$t/material/target/classes:$t/bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$t/cli/target/custos.jar" \
 *       org.custos.bench.MaterialBenchmark --docs 2000 --chars 10000 --suspects 200 --ocr 0 --reps 5 \
 *       --density sparse | grep -E "assess median|verbatim|edited"
 * done; done
 * </pre>
 *
 * <p>Every 5th registered document is Chinese. Throughput MB are 10^6 bytes of UTF-8 text; one thread throughout;
 * each throughput figure is the median of {@code --reps} timed passes after three untimed ones. The density measured
 * first in a JVM runs about 30 % slower than the same density measured again later (warm-up passes do not remove
 * it), so compare the later ones: {@code --density dense,sparse,dense} measures dense twice;
 * "per core" divides by this thread's CPU time, so other load on the machine slows the wall figure only. Index
 * memory is given twice: the index arrays' exact size, and the heap the Assessor retains (used heap after three
 * {@code System.gc()} calls, with it minus without it). Span edges within {@value #TOLERANCE} characters count:
 * precision counts matched characters within that distance of a true span as correct, recall counts true characters
 * within that distance of a matched span as found.
 */
public final class MaterialBenchmark {

    static final int TOLERANCE = 5;
    private static final ClassificationScheme SCHEME = ClassificationSchemes.prc();

    private static final String HANZI = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学"
            + "对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从"
            + "动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业"
            + "最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼"
            + "体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利"
            + "受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃"
            + "义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城"
            + "父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商";

    private final SplittableRandom random;
    private final String[] vocabulary;

    private MaterialBenchmark(long seed) {
        this.random = new SplittableRandom(seed);
        this.vocabulary = vocabulary(new SplittableRandom(seed ^ 0x5EED), 4000);
    }

    /** A true excerpt: its place in the suspect, and in which item and where it came from. */
    record Planted(int suspectStart, int suspectEnd, int item, int itemStart, int itemEnd) {
    }

    /** A suspect document with the excerpts planted in it. */
    record Suspect(String text, boolean chinese, List<Planted> planted) {
    }

    /** Character counts for precision and recall. */
    static final class Score {
        long matched;
        long matchedCorrect;
        long truth;
        long truthFound;

        double precision() {
            return matched == 0 ? 1.0 : (double) matchedCorrect / matched;
        }

        double recall() {
            return truth == 0 ? 1.0 : (double) truthFound / truth;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.4f  recall %.4f  (%d true chars, %d matched chars)",
                    precision(), recall(), truth, matched);
        }
    }

    /** Runs the benchmark; arguments {@code --docs N --chars C --ocr IMAGES --reps R --small N}. */
    public static void main(String[] args) throws Exception {
        int docs = 10_000;
        int chars = 10_000;
        int ocrImages = 12;
        int reps = 5;
        int small = 1_000;
        int suspects = 200;
        String densities = "auto,sparse";
        for (int a = 0; a + 1 < args.length; a += 2) {
            if (args[a].equals("--density")) {
                densities = args[a + 1];
                continue;
            }
            int v = Integer.parseInt(args[a + 1]);
            switch (args[a]) {
                case "--docs" -> docs = v;
                case "--chars" -> chars = v;
                case "--ocr" -> ocrImages = v;
                case "--reps" -> reps = v;
                case "--small" -> small = v;
                case "--suspects" -> suspects = v;
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        new MaterialBenchmark(42).run(docs, chars, ocrImages, reps, Math.min(small, docs), suspects, densities);
    }

    private void run(int docs, int chars, int ocrImages, int reps, int small, int suspectCount, String densities)
            throws Exception {
        Winnowing winnowing = Winnowing.DEFAULT;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "MaterialBenchmark: %d docs x ~%d chars, every 5th Chinese; java %s, %d cores "
                + "visible, max heap %d MB%n", docs, chars, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1_000_000);

        // Registering: every document is generated, then registered with Registry.add in one batch (JSON item,
        // token file; the index file once at the end). Only add() is timed, in wall and in this thread's CPU time;
        // generating the text and its SHA-256 (the extractor's work) is not. Texts of the first `small` documents
        // are kept for the suspects; the others are dropped once registered.
        Path dataDir = Files.createTempDirectory("custos-material-bench");
        Registry registry = Registry.open(dataDir);
        List<String> texts = new ArrayList<>(small);
        String[] ids = new String[small];
        long textBytes = 0;
        long textChars = 0;
        long addWall = 0;
        long addCpu = 0;
        long generate = System.nanoTime();
        try (Registry.Batch batch = registry.batch()) {
            for (int i = 0; i < docs; i++) {
                String text = isChinese(i) ? chinese(chars / 3) : english(chars);
                String sha = sha256(text);
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                textChars += text.length();
                if (i < small) {
                    texts.add(text);
                    ids[i] = sha.substring(0, 12);
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                registry.add(new ExtractedText("doc" + i + ".txt", "doc" + i + ".txt", sha, "text", text), SCHEME,
                        SCHEME.levels().get(i % SCHEME.levels().size()), null, null);
                addWall += System.nanoTime() - w0;
                addCpu += threads.getCurrentThreadCpuTime() - c0;
            }
        }
        System.out.printf(Locale.ROOT, "generated and registered %d docs, %.1f MB UTF-8, %d chars in %.1f s%n", docs,
                textBytes / 1e6, textChars, secs(generate));
        System.out.printf(Locale.ROOT, "register (Registry.add, JSON item + token file written, one batch): %.2f MB/s "
                + "per core (CPU time %.1f s), %.2f MB/s wall (%.1f s)%n", textBytes / 1e6 / (addCpu / 1e9),
                addCpu / 1e9, textBytes / 1e6 / (addWall / 1e9), addWall / 1e9);
        System.out.printf(Locale.ROOT, "on disk: %s%n", diskUse(dataDir.resolve("registry")));

        // In-memory tokenize + winnow over the first `small` documents, as measured before (median of reps).
        long smallBytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        double[] fpRates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long sink = 0;
            for (String text : texts) {
                sink += winnowing.fingerprints(TextNormalizer.tokenize(text)).size();
            }
            fpRates[r] = smallBytes / 1e6 / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
            if (sink == 42) {
                System.out.print("");
            }
        }
        System.out.printf(Locale.ROOT, "tokenize+winnow in memory: median %.2f MB/s per core over %d docs, runs %s%n",
                median(fpRates), small, fmt(fpRates));

        // Suspects: excerpts come from the first `small` documents.
        List<Suspect> verbatimEn = new ArrayList<>();
        List<Suspect> verbatimZh = new ArrayList<>();
        List<Suspect> editedEn = new ArrayList<>();
        List<Suspect> editedZh = new ArrayList<>();
        for (int n = 0; n < suspectCount; n++) {
            verbatimEn.add(suspect(texts, small, false, false));
            verbatimZh.add(suspect(texts, small, true, false));
            editedEn.add(suspect(texts, small, false, true));
            editedZh.add(suspect(texts, small, true, true));
        }
        List<Suspect> all = new ArrayList<>();
        all.addAll(verbatimEn);
        all.addAll(verbatimZh);
        all.addAll(editedEn);
        all.addAll(editedZh);

        Assessor first = null;
        for (String name : densities.split(",")) {
            IndexDensity density = IndexDensity.valueOf(name.trim().toUpperCase(Locale.ROOT));
            long before = usedHeap();
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Assessor assessor = Assessor.of(registry, BoilerplateRule.DEFAULT, density);
            double buildCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            double buildWall = secs(w0);
            long after = usedHeap();
            System.out.printf(Locale.ROOT, "%s index (%s): %d pairs, arrays %.1f MB = %.2f %% of the text; heap "
                    + "retained by the Assessor (used heap after full GCs, after minus before) %.1f MB = %.2f %%; "
                    + "built in %.1f s CPU, %.1f s wall%n", density, assessor.denseIndex() ? "dense" : "sparse",
                    assessor.indexSize(), assessor.indexBytes() / 1e6, 100.0 * assessor.indexBytes() / textBytes,
                    (after - before) / 1e6, 100.0 * (after - before) / textBytes, buildCpu, buildWall);
            System.out.println("  accuracy against " + docs + " docs (tolerance " + TOLERANCE + " chars):");
            System.out.println("    verbatim English: " + score(assessor, verbatimEn));
            System.out.println("    verbatim Chinese: " + score(assessor, verbatimZh));
            System.out.println("    edited English:   " + score(assessor, editedEn));
            System.out.println("    edited Chinese:   " + score(assessor, editedZh));
            throughput("  " + density + " index", assessor, all, reps, threads);
            throughput("  " + density + " index, verbatim English only", assessor, verbatimEn, reps, threads);
            throughput("  " + density + " index, unrelated text only", assessor, unrelated(suspectCount), reps,
                    threads);
            if (first == null) {
                first = assessor;
            }
        }
        if (ocrImages > 0) {
            ocr(first, texts, ids, small, ocrImages);
        }
        deleteTree(dataDir);
    }

    /** Suspects with no registered text at all: the same generators, other draws, English and Chinese. */
    private List<Suspect> unrelated(int count) {
        List<Suspect> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(new Suspect(english(4_000), false, List.of()));
            out.add(new Suspect(chinese(1_500), true, List.of()));
        }
        return out;
    }

    private static String diskUse(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (var folders = Files.list(dir)) {
            for (Path folder : folders.sorted().toList()) {
                long bytes;
                try (var files = Files.walk(folder)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
                out.append(out.isEmpty() ? "" : ", ").append(folder.getFileName()).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
            }
        }
        return out.toString();
    }

    private static void throughput(String label, Assessor assessor, List<Suspect> suspects, int reps,
            ThreadMXBean threads) {
        long bytes = suspects.stream().mapToLong(x -> x.text().getBytes(StandardCharsets.UTF_8).length).sum();
        List<Extraction> docs = new ArrayList<>();
        for (int i = 0; i < suspects.size(); i++) {
            String t = suspects.get(i).text();
            docs.add(new ExtractedText("s" + i, "s" + i, "", "text", t));
        }
        double[] cpu = new double[reps];
        double[] wall = new double[reps];
        for (int r = 0; r < 3; r++) {
            assessor.assess(docs);
        }
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            assessor.assess(docs);
            wall[r] = bytes / 1e6 / secs(s);
            cpu[r] = bytes / 1e6 / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%s: assess median %.2f MB/s per core (thread CPU time), %.2f MB/s wall; "
                + "%d suspects, %.1f MB; runs CPU %s wall %s%n", label, median(cpu), median(wall), suspects.size(),
                bytes / 1e6, fmt(cpu), fmt(wall));
    }

    private static Score score(Assessor assessor, List<Suspect> suspects) {
        Score score = new Score();
        for (Suspect s : suspects) {
            FileAssessment fa = assessor.assess(new ExtractedText("s", "s", "", "text", s.text()));
            int n = s.text().length();
            boolean[] truth = new boolean[n];
            boolean[] truthNear = new boolean[n];
            for (Planted p : s.planted()) {
                Arrays.fill(truth, p.suspectStart(), p.suspectEnd(), true);
                Arrays.fill(truthNear, Math.max(0, p.suspectStart() - TOLERANCE), Math.min(n, p.suspectEnd() + TOLERANCE),
                        true);
            }
            boolean[] matched = new boolean[n];
            boolean[] matchedNear = new boolean[n];
            for (Match m : fa.matches()) {
                Arrays.fill(matched, m.suspectStart(), m.suspectEnd(), true);
                Arrays.fill(matchedNear, Math.max(0, m.suspectStart() - TOLERANCE), Math.min(n, m.suspectEnd() + TOLERANCE),
                        true);
            }
            for (int c = 0; c < n; c++) {
                if (matched[c]) {
                    score.matched++;
                    score.matchedCorrect += truthNear[c] ? 1 : 0;
                }
                if (truth[c]) {
                    score.truth++;
                    score.truthFound += matchedNear[c] ? 1 : 0;
                }
            }
        }
        return score;
    }

    /*
     * OCR: excerpts rendered with java.awt, photographed (rotation, keystone, shear, blur, noise, JPEG 60) and read
     * back through TextExtractor (tesseract). Scored in the registered item's coordinates: the true span is the
     * excerpt's place in its item; matches of the right item inside it (± tolerance) are correct, everything else is
     * not.
     */
    private void ocr(Assessor assessor, List<String> texts, String[] ids, int small, int images) throws IOException {
        Font cjk = cjkFont();
        System.out.println(cjk == null ? "OCR: no installed font has CJK glyphs; English images only"
                : "OCR: CJK font " + cjk.getFontName() + "; half the images Chinese");
        Path dir = Files.createTempDirectory("custos-material-ocr");
        TextExtractor extractor = TextExtractor.standard();
        Score en = new Score();
        Score zh = new Score();
        double[] seconds = new double[images];
        try {
            for (int n = 0; n < images; n++) {
                boolean chinese = cjk != null && n % 2 == 1;
                int item = pickItem(small, chinese);
                String text = texts.get(item);
                int[] span = excerptSpan(text, chinese, chinese ? 120 : 300);
                String excerpt = text.substring(span[0], span[1]);
                BufferedImage image = photograph(render(excerpt, chinese ? cjk.deriveFont(Font.PLAIN, 30f)
                        : new Font(Font.SERIF, Font.PLAIN, 30)));
                Path file = dir.resolve("excerpt" + n + ".jpg");
                writeJpeg(image, file, 0.6f);
                long s = System.nanoTime();
                List<Extraction> read = extractor.extract(file);
                seconds[n] = secs(s);
                Score score = chinese ? zh : en;
                score.truth += span[1] - span[0];
                if (!(read.get(0) instanceof ExtractedText suspect)) {
                    System.out.println("  image " + n + ": not read: " + read.get(0));
                    continue;
                }
                FileAssessment fa = assessor.assess(suspect);
                boolean[] found = new boolean[span[1] - span[0]];
                String id = ids[item];
                for (Match m : fa.matches()) {
                    score.matched += m.itemEnd() - m.itemStart();
                    if (!m.item().equals(id)) {
                        continue;
                    }
                    int from = Math.max(m.itemStart(), span[0] - TOLERANCE);
                    int to = Math.min(m.itemEnd(), span[1] + TOLERANCE);
                    score.matchedCorrect += Math.max(0, to - from);
                    for (int c = Math.max(m.itemStart() - TOLERANCE, span[0]);
                            c < Math.min(m.itemEnd() + TOLERANCE, span[1]); c++) {
                        found[c - span[0]] = true;
                    }
                }
                int hits = 0;
                for (boolean f : found) {
                    hits += f ? 1 : 0;
                }
                score.truthFound += hits;
                System.out.printf(Locale.ROOT, "  image %d: %d of %d excerpt chars found, %d OCR chars read%n", n, hits,
                        found.length, suspect.text().length());
                if (System.getProperty("material.debug") != null && hits < found.length / 2) {
                    System.out.println("    read:    " + suspect.text().replace('\n', '|'));
                    System.out.println("    excerpt: " + excerpt.replace('\n', '|'));
                }
            }
        } finally {
            if (System.getProperty("material.keepImages") == null) {
                deleteTree(dir);
            } else {
                System.out.println("  images kept in " + dir);
            }
        }
        System.out.printf(Locale.ROOT, "  OCR English (%d images): %s%n", cjk == null ? images : (images + 1) / 2, en);
        if (cjk != null) {
            System.out.printf(Locale.ROOT, "  OCR Chinese (%d images): %s%n", images / 2, zh);
        }
        System.out.printf(Locale.ROOT, "  OCR extraction median %.2f s per image%n", median(seconds));
    }

    /** An installed font with CJK glyphs, preferring a real face (not a logical one) that is not bold. */
    private static Font cjkFont() {
        Font fallback = null;
        for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (f.canDisplayUpTo("机密文件的一是") != -1) {
                continue;
            }
            String name = f.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
            boolean logical = name.startsWith("dialog") || name.startsWith("serif") || name.startsWith("sansserif")
                    || name.startsWith("monospaced");
            if (!logical && !name.contains("bold") && !f.isBold() && !f.isItalic()) {
                return f;
            }
            if (fallback == null && !name.contains("bold")) {
                fallback = f;
            }
        }
        return fallback;
    }

    private static BufferedImage render(String text, Font font) {
        int width = 1400;
        int margin = 60;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics metrics = probe.createGraphics().getFontMetrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                c = ' ';
            }
            line.append(c);
            if (metrics.stringWidth(line.toString()) > width - 2 * margin) {
                int cut = line.lastIndexOf(" ");
                if (cut <= 0 || !Character.isLetter(c)) {
                    cut = line.length() - 1;
                }
                lines.add(line.substring(0, cut).strip());
                line.delete(0, cut);
            }
        }
        lines.add(line.toString().strip());
        int lineHeight = metrics.getHeight() + 8;
        BufferedImage image = new BufferedImage(width, 2 * margin + lines.size() * lineHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int l = 0; l < lines.size(); l++) {
            g.drawString(lines.get(l), margin, margin + metrics.getAscent() + l * lineHeight);
        }
        g.dispose();
        return image;
    }

    /** Rotation up to ±5°, a keystone (perspective) and shear, a 3×3 blur and Gaussian noise. */
    private BufferedImage photograph(BufferedImage page) {
        double angle = Math.toRadians(random.nextDouble(-5, 5));
        double shear = random.nextDouble(-0.04, 0.04);
        int w = page.getWidth() + 200;
        int h = page.getHeight() + 200;
        BufferedImage turned = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.setColor(new Color(235, 232, 225));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform at = new AffineTransform();
        at.translate(w / 2.0, h / 2.0);
        at.rotate(angle);
        at.shear(shear, 0);
        at.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
        g.drawImage(page, at, null);
        g.dispose();
        double keystone = random.nextDouble(0.03, 0.06);
        BufferedImage persp = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            double scale = 1 + keystone * ((double) y / h - 0.5);
            for (int x = 0; x < w; x++) {
                int sx = (int) Math.round(w / 2.0 + (x - w / 2.0) / scale);
                persp.setRGB(x, y, sx >= 0 && sx < w ? turned.getRGB(sx, y) : 0xEBE8E1);
            }
        }
        float[] blur = new float[9];
        Arrays.fill(blur, 1f / 9);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null)
                .filter(persp, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = blurred.getRGB(x, y);
                int noise = (int) Math.round(nextGaussian() * 12);
                int r = clamp(((rgb >> 16) & 0xff) + noise);
                int gg = clamp(((rgb >> 8) & 0xff) + noise);
                int b = clamp((rgb & 0xff) + noise);
                blurred.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
        return blurred;
    }

    private double nextGaussian() {
        double u = random.nextDouble(1e-12, 1);
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /*
     * Suspects: unrelated generated text (same generators, other random draws) with 1 to 3 excerpts of 200 to 800
     * characters inserted between sentences. An edited excerpt is whole sentences, reordered, with one word (or
     * Hanzi) replaced every ~30.
     */
    private Suspect suspect(List<String> texts, int small, boolean chinese, boolean edited) {
        String base = chinese ? chinese(1_500) : english(4_000);
        int count = 1 + random.nextInt(3);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cuts.add(sentenceEnd(base, random.nextInt(base.length())));
        }
        cuts.sort(null);
        StringBuilder out = new StringBuilder();
        List<Planted> planted = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            out.append(base, from, cut);
            from = cut;
            int item = pickItem(small, chinese);
            String text = texts.get(item);
            int[] span = edited ? sentenceSpan(text, chinese, 400 + random.nextInt(500))
                    : excerptSpan(text, chinese, 200 + random.nextInt(601));
            String excerpt = text.substring(span[0], span[1]);
            if (edited) {
                excerpt = edit(excerpt, chinese);
            }
            out.append(chinese ? "" : " ");
            int start = out.length();
            out.append(excerpt);
            planted.add(new Planted(start, out.length(), item, span[0], span[1]));
            out.append(chinese ? "" : " ");
        }
        out.append(base, from, base.length());
        return new Suspect(out.toString(), chinese, planted);
    }

    private int pickItem(int small, boolean chinese) {
        while (true) {
            int i = random.nextInt(small);
            if (isChinese(i) == chinese) {
                return i;
            }
        }
    }

    private static boolean isChinese(int item) {
        return item % 5 == 4;
    }

    /** A verbatim excerpt of at least {@code length} chars, starting at a word start and ending at a word end. */
    private int[] excerptSpan(String text, boolean chinese, int length) {
        int start = random.nextInt(Math.max(1, text.length() - length - 50));
        while (!isTokenChar(text.charAt(start)) || (!chinese && start > 0 && isTokenChar(text.charAt(start - 1)))) {
            start++;
        }
        int end = Math.min(text.length(), start + length);
        while (end < text.length() && (!isTokenChar(text.charAt(end - 1))
                || (!chinese && isTokenChar(text.charAt(end))))) {
            end++;
        }
        return new int[] {start, end};
    }

    /** Whole sentences, at least {@code length} chars. */
    private int[] sentenceSpan(String text, boolean chinese, int length) {
        int start = sentenceEnd(text, random.nextInt(Math.max(1, text.length() - length - 200)));
        while (start < text.length() && !isTokenChar(text.charAt(start))) {
            start++;
        }
        int end = sentenceEnd(text, Math.min(text.length() - 1, start + length));
        return new int[] {start, end};
    }

    /** The index just after the first sentence end at or after {@code from}. */
    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '。') {
                return i + 1;
            }
        }
        return text.length();
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private String edit(String excerpt, boolean chinese) {
        List<String> sentences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < excerpt.length(); i++) {
            char c = excerpt.charAt(i);
            if (c == '.' || c == '。') {
                sentences.add(excerpt.substring(from, i + 1).strip());
                from = i + 1;
            }
        }
        if (from < excerpt.length() && !excerpt.substring(from).isBlank()) {
            sentences.add(excerpt.substring(from).strip());
        }
        for (int i = sentences.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = sentences.get(i);
            sentences.set(i, sentences.get(j));
            sentences.set(j, t);
        }
        String joined = String.join(chinese ? "" : " ", sentences);
        StringBuilder out = new StringBuilder();
        int sinceChange = 0;
        int next = 25 + random.nextInt(11);
        if (chinese) {
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (Character.isLetter(c) && ++sinceChange >= next) {
                    c = HANZI.charAt(random.nextInt(HANZI.length()));
                    sinceChange = 0;
                    next = 25 + random.nextInt(11);
                }
                out.append(c);
            }
            return out.toString();
        }
        for (String word : joined.split(" ")) {
            if (++sinceChange >= next && word.chars().allMatch(Character::isLetter)) {
                word = vocabulary[random.nextInt(vocabulary.length)];
                sinceChange = 0;
                next = 25 + random.nextInt(11);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /*
     * Generators. English: a generated vocabulary of 4,000 pronounceable words plus real function words, chosen with
     * a skew so a few words are frequent; sentences of 6 to 24 words in paragraphs. Chinese: 400 common Hanzi, skewed,
     * sentences of 8 to 30 characters with commas.
     */
    private static final String[] FUNCTION_WORDS = ("the of and to in a is that for on with as by at from it was be this "
            + "are which or an not have has were their will its but been they more other one all can may")
            .split(" ");

    private static String[] vocabulary(SplittableRandom random, int size) {
        String[] onsets = "b c d f g h j k l m n p r s t v w z br cr dr fr gr pl pr st tr sh ch th".split(" ");
        String[] vowels = "a e i o u ai ea io ou".split(" ");
        String[] codas = ",,,n,r,s,t,l,m,nd,st,ck".split(",", -1);
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < size) {
            int syllables = 1 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            w.append(codas[random.nextInt(codas.length)]);
            words.add(w.toString());
        }
        return words.toArray(String[]::new);
    }

    private String english(int chars) {
        StringBuilder out = new StringBuilder(chars + 200);
        int inParagraph = 0;
        while (out.length() < chars) {
            int words = 6 + random.nextInt(19);
            for (int w = 0; w < words; w++) {
                String word = random.nextInt(3) == 0 ? FUNCTION_WORDS[skewed(FUNCTION_WORDS.length)]
                        : vocabulary[skewed(vocabulary.length)];
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                out.append(word);
                if (w + 1 < words) {
                    out.append(random.nextInt(12) == 0 ? ", " : " ");
                }
            }
            out.append('.');
            if (++inParagraph >= 4 + random.nextInt(5)) {
                out.append("\n\n");
                inParagraph = 0;
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private String chinese(int chars) {
        StringBuilder out = new StringBuilder(chars + 50);
        while (out.length() < chars) {
            int length = 8 + random.nextInt(23);
            int comma = 4 + random.nextInt(9);
            for (int c = 0; c < length; c++) {
                out.append(HANZI.charAt(skewed(HANZI.length())));
                if (c == comma && c + 3 < length) {
                    out.append('，');
                    comma += 4 + random.nextInt(9);
                }
            }
            out.append('。');
            if (random.nextInt(6) == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** An index in [0, n) with smaller ones more likely. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) (n * u * u);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String fmt(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (double v : values) {
            b.append(b.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.append(']').toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
