package org.custos.material.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.Canary;
import org.custos.material.mark.MarkFixtures;
import org.custos.material.mark.MarkKey;
import org.custos.material.mark.Marking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private CustodyFiles book() {
        return CustodyFiles.open(dir.resolve("data"));
    }

    private Marking.Marked mark(String recipient, String file) throws IOException {
        return new Marking(MarkFixtures.KEY, book()).mark(MarkFixtures.ITEM, recipient, "review", "clerk", NOW,
                dir.resolve(file));
    }

    private Tracer tracer(MarkKey key) throws IOException {
        return new Tracer(key, book().copies(), id -> id.equals(MarkFixtures.ITEM.summary().id())
                ? Optional.of(MarkFixtures.TEXT) : Optional.empty(), TextExtractor.standard());
    }

    private TraceResult trace(Path file) throws IOException {
        return tracer(MarkFixtures.KEY).trace(file);
    }

    @Test
    void identifiesALeakedPdfByEveryChannel() throws IOException {
        mark("alice", "alice.pdf");
        Marking.Marked bob = mark("bob", "bob.pdf");

        TraceResult r = trace(dir.resolve("bob.pdf"));

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.kind()).isEqualTo("pdf");
        assertThat(r.copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("bob");
            assertThat(c.copy()).isEqualTo(bob.copy().copy());
            assertThat(c.channels()).containsExactly("qr", "printed-code", "canary");
            assertThat(c.confidence()).isEqualTo("high");
        });
        assertThat(r.evidence().qr()).hasSize(2 * 5).allSatisfy(q -> assertThat(q.status()).isEqualTo("valid"));
        assertThat(r.verdict()).startsWith("copy " + bob.copy().code() + " of handling-procedure.txt, issued to bob");
    }

    @Test
    void identifiesARetypedPageWithoutAnyCode() throws IOException {
        Marking.Marked alice = mark("alice", "alice.txt");
        mark("bob", "bob.txt");
        String text = alice.text();
        String page = text.substring(text.indexOf("describes how"), text.indexOf("Visitors are never"))
                .replaceAll("\\s+", " ");
        Path typed = Files.writeString(dir.resolve("typed.txt"), page);

        TraceResult r = trace(typed);

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("alice");
            assertThat(c.channels()).containsExactly("canary");
        });
        assertThat(r.evidence().printedCodes()).isEmpty();
    }

    @Test
    void identifiesARetypedPageOfACopyMadeWithTheVersion1CanaryRules() throws IOException {
        mark("alice", "alice.txt");
        String id = "C0PYV1AB";
        String old = Marking.variantTextFor(MarkFixtures.KEY, Canary.of(MarkFixtures.TEXT, 1),
                MarkFixtures.ITEM.summary().id(), id);
        book().issue(new IssuedCopy(id, MarkFixtures.KEY.code(id).printed(), MarkFixtures.ITEM.summary().id(),
                "handling-procedure.txt", "carol", "review", "text", 1, 71, 1, NOW, "clerk"));
        String page = old.substring(old.indexOf("describes how"), old.indexOf("Visitors are never"))
                .replaceAll("\\s+", " ");
        Path typed = Files.writeString(dir.resolve("typed.txt"), page);

        TraceResult r = trace(typed);

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.copies()).singleElement().satisfies(c -> assertThat(c.recipient()).isEqualTo("carol"));
        assertThat(r.evidence().canary()).hasSize(2).filteredOn(c -> c.identified() != null).singleElement()
                .satisfies(c -> assertThat(c.identified()).isEqualTo(id));
    }

    @Test
    void identifiesTextAndDocxCopies() throws IOException {
        mark("carol", "carol.txt");
        mark("dave", "dave.docx");

        assertThat(trace(dir.resolve("carol.txt")).copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("carol");
            assertThat(c.channels()).containsExactly("printed-code", "canary");
        });
        assertThat(trace(dir.resolve("dave.docx")).copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("dave");
            assertThat(c.channels()).contains("canary");
        });
    }

    @Test
    void identifiesAnImageOfAPrintedPageByItsQrCodes() throws IOException {
        mark("erin", "erin.pdf");
        Path png = dir.resolve("page.png");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("erin.pdf").toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            ImageIO.write(page.getSubimage(0, 0, page.getWidth() * 7 / 10, page.getHeight() * 7 / 10), "png",
                    png.toFile());
        }

        TraceResult r = trace(png);

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.kind()).isEqualTo("image");
        assertThat(r.copies()).singleElement().satisfies(c -> assertThat(c.recipient()).isEqualTo("erin"));
        assertThat(r.evidence().qr()).isNotEmpty().allSatisfy(q -> assertThat(q.status()).isEqualTo("valid"));
    }

    @Test
    void reportsForgedCodesWhenTheKeyIsNotTheInstallations() throws IOException {
        mark("frank", "frank.pdf");
        MarkKey other = MarkKey.of("another key, another installation".getBytes());

        TraceResult r = tracer(other).trace(dir.resolve("frank.pdf"));

        assertThat(r.status()).isEqualTo(TraceResult.Status.FORGED);
        assertThat(r.copies()).isEmpty();
        assertThat(r.evidence().qr()).isNotEmpty().allSatisfy(q -> assertThat(q.status()).isEqualTo("forged"));
        assertThat(r.evidence().printedCodes()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.status()).isEqualTo("forged"));
        assertThat(r.verdict()).startsWith("forged marks");
    }

    @Test
    void reportsACodeOfACopyTheLedgerDoesNotKnow() throws IOException {
        mark("gina", "gina.txt");
        String text = Files.readString(dir.resolve("gina.txt"));
        Path code = Files.writeString(dir.resolve("code.txt"), text.lines().findFirst().orElseThrow());

        Tracer empty = new Tracer(MarkFixtures.KEY, List.<IssuedCopy>of(), id -> Optional.empty(),
                TextExtractor.standard());
        TraceResult r = empty.trace(code);

        assertThat(r.status()).isEqualTo(TraceResult.Status.UNKNOWN_COPY);
        assertThat(r.copies()).isEmpty();
    }

    @Test
    void saysConflictingForAFileCombiningTwoCopies() throws IOException {
        Marking.Marked a = mark("alice", "a.txt");
        Marking.Marked b = mark("bob", "b.txt");
        Path both = Files.writeString(dir.resolve("both.txt"), "COPY " + a.copy().code() + "\n"
                + "COPY " + b.copy().code() + "\n");

        TraceResult r = trace(both);

        assertThat(r.status()).isEqualTo(TraceResult.Status.CONFLICTING);
        assertThat(r.copies()).extracting(TraceResult.TracedCopy::recipient).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void saysNoMarkForAnotherDocument() throws IOException {
        mark("alice", "alice.pdf");
        Path other = Files.writeString(dir.resolve("other.txt"), """
                The quarterly newsletter reports on the garden party, the new canteen menu and the winners of \
                the photography competition, whose pictures are on display in the main hall until the end of May.
                """);

        TraceResult r = trace(other);

        assertThat(r.status()).isEqualTo(TraceResult.Status.NO_MARK);
        assertThat(r.copies()).isEmpty();
        assertThat(r.verdict()).startsWith("no mark found");
    }

    @Test
    void saysInconclusiveForTheUnmarkedOriginalText() throws IOException {
        mark("alice", "alice.txt");
        mark("bob", "bob.txt");
        Path original = Files.writeString(dir.resolve("original.txt"), MarkFixtures.TEXT);

        TraceResult r = trace(original);

        assertThat(r.status()).isEqualTo(TraceResult.Status.INCONCLUSIVE);
        assertThat(r.copies()).isEmpty();
    }

    @Test
    void saysNoMarkForAPhotoOfSomethingThatIsNotAPage() throws IOException {
        mark("alice", "alice.pdf");
        BufferedImage pattern = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < pattern.getHeight(); y++) {
            for (int x = 0; x < pattern.getWidth(); x++) {
                int v = (int) (128 + 90 * Math.sin(x / 17.0) * Math.cos(y / 23.0));
                pattern.setRGB(x, y, v << 16 | (v / 2) << 8 | 40);
            }
        }
        Path photo = dir.resolve("wall.png");
        ImageIO.write(pattern, "png", photo.toFile());

        TraceResult r = trace(photo);

        assertThat(r.status()).isEqualTo(TraceResult.Status.NO_MARK);
        assertThat(r.kind()).isEqualTo("image");
        assertThat(r.copies()).isEmpty();
        assertThat(r.evidence().ocr()).isTrue();
    }

    @Test
    void saysUnreadableForAMissingFile() throws IOException {
        TraceResult r = trace(dir.resolve("missing.pdf"));

        assertThat(r.status()).isEqualTo(TraceResult.Status.UNREADABLE);
        assertThat(r.verdict()).isEqualTo("unreadable: no such file");
    }
}
