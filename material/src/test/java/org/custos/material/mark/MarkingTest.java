package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.IssuedCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsEachCopyWithItsRecipientAndWritesAPdfWithItsCodeOnEveryPage() throws IOException {
        CustodyFiles book = CustodyFiles.open(dir);
        String longText = (MarkFixtures.TEXT + "\n").repeat(3);

        Marking.Marked m = new Marking(MarkFixtures.KEY, book).mark(MarkFixtures.item("b1", "long.txt", longText),
                "ACM2278", "design review", "clerk", NOW, dir.resolve("copy.pdf"));

        IssuedCopy c = m.copy();
        assertThat(book.copies()).containsExactly(c);
        assertThat(c.recipient()).isEqualTo("ACM2278");
        assertThat(c.format()).isEqualTo("pdf");
        assertThat(c.canary()).isEqualTo(Canary.VERSION);
        assertThat(c.code()).isEqualTo(MarkFixtures.KEY.code(c.copy()).printed());
        // Upright text only: in extraction order a rotated faint tile crossing a margin can break it up.
        List<String> pages = ChinesePdfCopyTest.pageTexts(dir.resolve("copy.pdf"), true);
        assertThat(pages).hasSize(c.pages()).hasSizeGreaterThan(3);
        for (int p = 1; p <= pages.size(); p++) {
            assertThat(pages.get(p - 1)).contains("CONTROLLED COPY " + c.code() + "   page " + p + " of " + pages.size());
        }
    }

    @Test
    void givesEveryCopyItsOwnIdAndWording() throws IOException {
        Marking marking = new Marking(MarkFixtures.KEY, CustodyFiles.open(dir));

        Marking.Marked a = marking.mark(MarkFixtures.ITEM, "alice", "x", "clerk", NOW, dir.resolve("a.txt"));
        Marking.Marked b = marking.mark(MarkFixtures.ITEM, "alice", "x", "clerk", NOW, dir.resolve("b.txt"));

        assertThat(a.copy().copy()).isNotEqualTo(b.copy().copy());
        assertThat(a.text()).isNotEqualTo(b.text());
        assertThat(Files.readString(dir.resolve("a.txt"))).startsWith("[CONTROLLED COPY " + a.copy().code() + "] ")
                .contains(a.text().lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void refusesACharacterNoFontCanShowInAPdfAndWritesNothing() throws IOException {
        CustodyFiles book = CustodyFiles.open(dir);
        Marking marking = new Marking(MarkFixtures.KEY, book);

        assertThatThrownBy(() -> marking.mark(MarkFixtures.item("c1", "zh.txt", "Plan\n第二阶段\u0378试验"), "bob",
                "x", "clerk", NOW, dir.resolve("zh.pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character U+0378 ('\u0378') at offset 9 is in none of the fonts this machine has for "
                        + "the PDF; mark to .txt or .docx instead");
        assertThat(dir.resolve("zh.pdf")).doesNotExist();
        assertThat(book.copies()).isEmpty();
    }
}
