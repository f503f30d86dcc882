package org.custos.cli.mark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.material.DataOption;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.mark.MarkKey;
import org.custos.material.mark.Marking;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** MarkCommand is {@code custos mark}: it writes a copy of a registered item unique to its recipient. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = {"Write a copy of a registered item that names its recipient, and record it in the ledger.", "",
                "The copy's wording carries a canary trap chosen for this copy (spelling, near-synonym and comma "
                        + "variants). A PDF also carries the copy code in every margin, a faint tiled copy code "
                        + "and five signed QR codes on every page; a text copy carries copy-code lines; a DOCX copy "
                        + "the copy code in its header and footer. The format follows the --out extension "
                        + "(.pdf, .txt, .docx). A PDF of text beyond Western characters (Chinese) embeds a font "
                        + "found on the machine (fontconfig, or $CUSTOS_PDF_FONT: a .ttf or .ttc file; Debian: "
                        + "fonts-wqy-zenhei). See docs/marking.md.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the copy was written and recorded",
                "  2  bad usage, an unknown item, or a text the chosen format cannot show"})
public final class MarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "ITEM", description = "Registered item: id, id prefix or file name.")
    String item;

    @Option(names = "--recipient", required = true, paramLabel = "PERSON", description = "Who receives the copy.")
    String recipient;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "Why the copy is released.")
    String purpose;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The copy to write: .pdf, .txt or .docx.")
    Path out;

    @Option(names = "--by", paramLabel = "NAME", defaultValue = "${env:USER:-unknown}",
            description = "Who issues the copy. Default: $USER.")
    String by;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (purpose.isBlank()) {
            throw new UsageException("--purpose: a copy needs a purpose");
        }
        Registry registry = Registry.open(data.dir);
        ItemSummary summary;
        try {
            summary = registry.find(item).orElseThrow(() -> new UsageException(item
                    + ": no such registered item (custos registry list shows them)"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MarkKey key = MarkKey.open(data.dir, true);
        Marking.Marked marked;
        try {
            marked = new Marking(key, CustodyFiles.open(data.dir)).mark(registry.load(summary), recipient, purpose,
                    by, Instant.now(), out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(out + ": " + e.getMessage());
        }
        IssuedCopy c = marked.copy();
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("marked  copy %s of %s (%s) for %s: %s, %d page%s, %d wording variants%n", c.code(), c.itemName(),
                c.item(), c.recipient(), out, c.pages(), c.pages() == 1 ? "" : "s", c.sites());
        pw.flush();
        return ExitCodes.OK;
    }
}
