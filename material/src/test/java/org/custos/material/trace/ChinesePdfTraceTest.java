package org.custos.material.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.Canary;
import org.custos.material.mark.MarkFixtures;
import org.custos.material.mark.Marking;
import org.custos.material.registry.RegisteredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracing marked PDF copies of a Chinese item, and a page of one rendered as an image, to their recipients. */
class ChinesePdfTraceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private static String text() throws IOException {
        try (InputStream in = Canary.class.getResourceAsStream("final-regulation.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private RegisteredItem item() throws IOException {
        return MarkFixtures.item("c0ffee654321", "涉密载体管理办法.txt", text());
    }

    private Marking.Marked mark(String recipient, String file) throws IOException {
        return new Marking(MarkFixtures.KEY, CustodyFiles.open(dir.resolve("data"))).mark(item(), recipient, "审阅",
                "clerk", NOW, dir.resolve(file));
    }

    private Tracer tracer() throws IOException {
        RegisteredItem item = item();
        return new Tracer(MarkFixtures.KEY, CustodyFiles.open(dir.resolve("data")).copies(),
                id -> id.equals(item.summary().id()) ? Optional.of(item.text()) : Optional.empty(),
                TextExtractor.standard());
    }

    @Test
    void namesTheRecipientOfAChinesePdfByItsQrCodesPrintedCodesAndWording() throws IOException {
        mark("张三", "zhang.pdf");
        Marking.Marked li = mark("李四", "li.pdf");

        TraceResult r = tracer().trace(dir.resolve("li.pdf"));

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.kind()).isEqualTo("pdf");
        assertThat(r.copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("李四");
            assertThat(c.copy()).isEqualTo(li.copy().copy());
            assertThat(c.channels()).containsExactly("qr", "printed-code", "canary");
        });
        Set<Integer> pagesWithQr = new TreeSet<>();
        r.evidence().qr().forEach(q -> {
            assertThat(q.status()).isEqualTo("valid");
            pagesWithQr.add(q.page());
        });
        assertThat(pagesWithQr).hasSize(li.copy().pages()).contains(1, li.copy().pages());
        assertThat(r.evidence().canary()).singleElement()
                .satisfies(f -> assertThat(f.identified()).isEqualTo(li.copy().copy()));
    }

    @Test
    void namesTheRecipientOfARenderedPageOfAChinesePdfThroughItsQrCode() throws IOException {
        mark("张三", "zhang.pdf");
        mark("李四", "li.pdf");
        Path png = dir.resolve("page.png");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("zhang.pdf").toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            ImageIO.write(page.getSubimage(page.getWidth() * 3 / 10, page.getHeight() * 3 / 10,
                    page.getWidth() * 7 / 10, page.getHeight() * 7 / 10), "png", png.toFile());
        }

        TraceResult r = tracer().trace(png);

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.kind()).isEqualTo("image");
        assertThat(r.copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("张三");
            assertThat(c.channels()).contains("qr");
        });
        assertThat(r.evidence().qr()).isNotEmpty().allSatisfy(q -> assertThat(q.status()).isEqualTo("valid"));
    }
}
