package org.custos.material.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PdfFonts is the set of fonts one PDF document draws its text with, found on this machine, and splits text into
 * runs each font can draw. It embeds a Latin TrueType font and, when the machine has one, a font for Chinese (both
 * subset); a character no chosen font can draw is written as {@code [U+4E2D]} so it stays identifiable. The case
 * report draws all its text with it, a marked copy the text its built-in font cannot show.
 *
 * <p>A font for Chinese is {@code $CUSTOS_PDF_FONT} (a TrueType file, {@code .ttf} or {@code .ttc}), else the first
 * usable one {@code fc-list :lang=zh} lists; on Debian {@code fonts-wqy-zenhei} provides one.
 */
public final class PdfFonts implements Closeable {

    /*
     * Font files come from $CUSTOS_PDF_FONT (a font for Chinese, TTF or TTC), else fontconfig's list of fonts for
     * Chinese (fc-list :lang=zh), then a Latin sans font from fontconfig or the usual Debian paths, else the PDF
     * standard Helvetica (WinAnsi only). OpenType fonts with CFF outlines (such as Noto Sans CJK) cannot be embedded
     * as a Type 0 font by PDFBox and are skipped. Collections and parsed fonts stay open after the document is saved,
     * because subsetting reads them then, and are lent to the next document (see Parsed).
     */

    /** A run of text one font draws: the face and the text, in which no character is missing from the face. */
    public record Run(Face face, String text) {
    }

    /** A Face is one font of the set and the Unicode map that says which characters it has. */
    public static final class Face {
        private final PDFont font;
        private final CmapLookup cmap;
        private final Map<Integer, Boolean> has = new HashMap<>();

        Face(PDFont font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
        }

        /** The font, as embedded in (or built into) the document. */
        public PDFont font() {
            return font;
        }

        /** True when the font has a glyph for the code point. */
        public boolean has(int cp) {
            return has.computeIfAbsent(cp, c -> {
                if (cmap != null) {
                    return cmap.getGlyphId(c) > 0;
                }
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }

        /** The width of the text in this font at {@code size} points. */
        public float width(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000f * size;
            } catch (IOException | IllegalArgumentException e) {
                return text.length() * size * 0.6f;
            }
        }
    }

    /** A parsed font file and its Unicode map, kept from one document to the next. */
    private record Source(TrueTypeFont ttf, CmapLookup cmap) {
    }

    /**
     * The font files this machine offers, parsed once (parsing a Chinese collection and its Unicode map costs tens
     * of milliseconds). A document borrows a set for its lifetime, since a parsed font reads its file as it embeds,
     * and gives it back when it is closed; at most {@value #POOLED} sets are kept.
     */
    private static final class Parsed implements Closeable {
        private final Source latin;
        private final Source latinBold;
        private final Source han;
        private final List<Closeable> open;

        private Parsed(Source latin, Source latinBold, Source han, List<Closeable> open) {
            this.latin = latin;
            this.latinBold = latinBold;
            this.han = han;
            this.open = open;
        }

        static Parsed find() {
            List<Closeable> open = new ArrayList<>();
            return new Parsed(latin(false, open).orElse(null), latin(true, open).orElse(null),
                    cjkSource(open).orElse(null), open);
        }

        @Override
        public void close() throws IOException {
            for (Closeable c : open) {
                c.close();
            }
        }
    }

    private static final int POOLED = 4;
    private static final java.util.concurrent.BlockingQueue<Parsed> POOL =
            new java.util.concurrent.ArrayBlockingQueue<>(POOLED);

    private final List<Face> regular;
    private final List<Face> bold;
    private final boolean cjk;
    private final Parsed parsed;

    private PdfFonts(List<Face> regular, List<Face> bold, boolean cjk, Parsed parsed) {
        this.regular = regular;
        this.bold = bold;
        this.cjk = cjk;
        this.parsed = parsed;
    }

    /** The fonts for {@code doc}, found on this machine; close them after the document is saved. */
    public static PdfFonts load(PDDocument doc) {
        return load(doc, true);
    }

    /**
     * The fonts for {@code doc}, found on this machine, with a font for Chinese only when {@code chinese} is true
     * and the machine has one; close them after the document is saved.
     */
    public static PdfFonts load(PDDocument doc, boolean chinese) {
        Parsed parsed = POOL.poll();
        if (parsed == null) {
            parsed = Parsed.find();
        }
        List<Face> regular = new ArrayList<>();
        List<Face> bold = new ArrayList<>();
        embed(doc, parsed.latin).ifPresent(regular::add);
        embed(doc, parsed.latinBold).ifPresent(bold::add);
        Optional<Face> han = chinese ? embed(doc, parsed.han) : Optional.empty();
        han.ifPresent(f -> {
            regular.add(f);
            bold.add(f);
        });
        regular.add(new Face(new PDType1Font(Standard14Fonts.FontName.HELVETICA), null));
        bold.add(new Face(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), null));
        return new PdfFonts(regular, bold, han.isPresent(), parsed);
    }

    private static Optional<Face> embed(PDDocument doc, Source source) {
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Face(PDType0Font.load(doc, source.ttf(), true), source.cmap()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when a font for Chinese was found and embedded. */
    public boolean hasCjk() {
        return cjk;
    }

    /** True when one of the fonts (of the bold set when {@code strong}) has a glyph for the code point. */
    public boolean has(int cp, boolean strong) {
        for (Face f : strong ? bold : regular) {
            if (f.has(cp)) {
                return true;
            }
        }
        return false;
    }

    /** The text split into runs of one face each; characters no face has become {@code [U+XXXX]}. */
    public List<Run> runs(String text, boolean strong) {
        List<Face> faces = strong ? bold : regular;
        List<Run> runs = new ArrayList<>();
        Face current = null;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || cp == 0xFEFF) {
                cp = ' ';
            }
            Face face = null;
            for (Face f : faces) {
                if (f.has(cp)) {
                    face = f;
                    break;
                }
            }
            String piece;
            if (face == null) {
                face = faces.get(0);
                piece = String.format("[U+%04X]", cp);
            } else {
                piece = new String(Character.toChars(cp));
            }
            if (face != current && b.length() > 0) {
                runs.add(new Run(current, b.toString()));
                b.setLength(0);
            }
            current = face;
            b.append(piece);
        }
        if (b.length() > 0) {
            runs.add(new Run(current, b.toString()));
        }
        return runs;
    }

    /** The width of the text at {@code size} points. */
    public float width(String text, boolean strong, float size) {
        float w = 0;
        for (Run r : runs(text, strong)) {
            w += r.face().width(r.text(), size);
        }
        return w;
    }

    /** Gives the parsed fonts back for the next document (the document must be saved by now). */
    @Override
    public void close() throws IOException {
        if (!POOL.offer(parsed)) {
            parsed.close();
        }
    }

    private static Optional<Source> latin(boolean strong, List<Closeable> open) {
        Set<String> candidates = new LinkedHashSet<>();
        fontconfig("fc-match", "-f", "%{file}", strong ? "DejaVu Sans:bold" : "DejaVu Sans").ifPresent(candidates::add);
        String dir = "/usr/share/fonts/truetype/";
        candidates.add(dir + (strong ? "dejavu/DejaVuSans-Bold.ttf" : "dejavu/DejaVuSans.ttf"));
        candidates.add(dir + (strong ? "liberation/LiberationSans-Bold.ttf" : "liberation/LiberationSans-Regular.ttf"));
        for (String file : candidates) {
            Optional<Source> face = trueType(Path.of(file), 'A', open);
            if (face.isPresent()) {
                return face;
            }
        }
        return Optional.empty();
    }

    private static Optional<Source> cjkSource(List<Closeable> open) {
        Set<String> candidates = new LinkedHashSet<>();
        String own = System.getenv("CUSTOS_PDF_FONT");
        if (own != null && !own.isBlank()) {
            candidates.add(own);
        }
        fontconfig("fc-list", ":lang=zh", "file").ifPresent(out -> out.lines()
                .map(l -> l.endsWith(":") ? l.substring(0, l.length() - 1) : l)
                .map(String::strip).filter(l -> !l.isEmpty()).sorted().forEach(candidates::add));
        for (String file : candidates) {
            Optional<Source> face = trueType(Path.of(file), 0x4E2D, open);
            if (face.isPresent()) {
                return face;
            }
        }
        return Optional.empty();
    }

    private static Optional<Source> trueType(Path file, int probe, List<Closeable> open) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                for (TrueTypeFont ttf : fonts) {
                    Optional<Source> face = usable(ttf, probe);
                    if (face.isPresent()) {
                        open.add(collection);
                        return face;
                    }
                }
                collection.close();
                return Optional.empty();
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            Optional<Source> face = usable(ttf, probe);
            if (face.isPresent()) {
                open.add(ttf);
            } else {
                ttf.close();
            }
            return face;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The font when it has the probe character and PDFBox can embed it (tried once, in a scratch document). */
    private static Optional<Source> usable(TrueTypeFont ttf, int probe) {
        try (PDDocument scratch = new PDDocument()) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            if (cmap == null || cmap.getGlyphId(probe) <= 0) {
                return Optional.empty();
            }
            PDType0Font.load(scratch, ttf, true);
            return Optional.of(new Source(ttf, cmap));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> fontconfig(String... command) {
        return FONTCONFIG.computeIfAbsent(List.of(command), c -> ask(command));
    }

    /** What fontconfig answered, per command: asked once per process (a server renders many reports). */
    private static final Map<List<String>, Optional<String>> FONTCONFIG =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<String> ask(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !text.isEmpty() ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
