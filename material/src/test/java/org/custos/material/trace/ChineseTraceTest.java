package org.custos.material.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.Canary;
import org.custos.material.mark.MarkFixtures;
import org.custos.material.mark.Marking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracing a retyped page of a Chinese item end to end: ledger, registered text, canary rules version 3. */
class ChineseTraceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final String ITEM = "c0ffee123456";

    @TempDir
    Path dir;

    private static String text() throws IOException {
        try (InputStream in = Canary.class.getResourceAsStream("chinese-procedure.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Issues copies of the Chinese item to r0 … r(n−1) under one version of the rules; returns r7's copy text. */
    private String issue(CustodyFiles book, String text, int version, int n) throws IOException {
        Canary canary = Canary.of(text, version);
        String seventh = null;
        for (int i = 0; i < n; i++) {
            String id = String.format("C%07d", i).replace('I', '1');
            book.issue(new IssuedCopy(id, MarkFixtures.KEY.code(id).printed(), ITEM, "办法.txt", "r" + i, "review",
                    "text", 1, canary.siteCount(), version, NOW, "clerk"));
            if (i == 7) {
                seventh = Marking.variantTextFor(MarkFixtures.KEY, canary, ITEM, id);
            }
        }
        return seventh;
    }

    /** A page retyped without layout, with a few characters left out and a few commas typed half-width. */
    private static String retyped(String copy) {
        String flat = copy.replaceAll("\\s+", "");
        String page = flat.substring(flat.indexOf("原件一般"), flat.indexOf("第四章"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < page.length(); i++) {
            char c = page.charAt(i);
            if (i % 97 == 50) {
                continue;
            }
            out.append(c == '，' && i % 3 == 0 ? ',' : c);
        }
        return out.toString();
    }

    private Tracer tracer(CustodyFiles book, String text) throws IOException {
        return new Tracer(MarkFixtures.KEY, book.copies(), id -> id.equals(ITEM) ? Optional.of(text)
                : Optional.empty(), TextExtractor.standard());
    }

    @Test
    void identifiesTheRecipientOfARetypedChinesePage() throws IOException {
        String text = text();
        CustodyFiles book = CustodyFiles.open(dir.resolve("data"));
        String copy = issue(book, text, Canary.VERSION, 40);
        Path typed = Files.writeString(dir.resolve("typed.txt"), retyped(copy));

        TraceResult r = tracer(book, text).trace(typed);

        assertThat(r.status()).isEqualTo(TraceResult.Status.IDENTIFIED);
        assertThat(r.copies()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("r7");
            assertThat(c.channels()).containsExactly("canary");
        });
    }

    @Test
    void namesNobodyForARetypedChinesePageOfACopyMadeWithVersion2Rules() throws IOException {
        String text = text();
        CustodyFiles book = CustodyFiles.open(dir.resolve("data"));
        String copy = issue(book, text, 2, 40);
        Path typed = Files.writeString(dir.resolve("typed.txt"), retyped(copy));

        TraceResult r = tracer(book, text).trace(typed);

        assertThat(r.status()).isIn(TraceResult.Status.NO_MARK, TraceResult.Status.INCONCLUSIVE);
        assertThat(r.copies()).isEmpty();
    }
}
