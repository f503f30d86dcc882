package org.custos.cli.material;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.ExtractionFailure;
import org.custos.material.extract.TextExtractor;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.RegisteredItem;
import org.custos.material.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** RegistryCommand is {@code custos registry}: it adds, lists, shows and removes registered classified material. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Manage the registry of classified material in DATA/registry (docs/material.md)."},
        subcommands = {RegistryCommand.Add.class, RegistryCommand.ListItems.class, RegistryCommand.Show.class,
                RegistryCommand.Remove.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  bad usage, an unknown item or an unreadable document"})
public final class RegistryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code custos registry add}: registers documents, folders and zip archives at a classification level. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Register documents (PDF, DOCX, ODT, XLSX, PPTX, TXT, HTML, e-mail, images; folders and",
                    "zip archives of them) at a classification level. Each file is one item named by its file name,",
                    "identified by a hash of its content: registering the same content again changes nothing."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  every document registered (or already registered)",
                    "  2  bad options, or some document could not be read (the others are registered)"})
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--level", required = true, paramLabel = "LEVEL",
                description = "Classification level (PRC: secret, confidential, top-secret; US: confidential, "
                        + "secret, top-secret).")
        String level;

        @Option(names = "--scheme", paramLabel = "SCHEME",
                description = "Classification scheme: prc or us. Default: the registry's, else prc.")
        String scheme;

        @Option(names = "--project", paramLabel = "P", description = "Project (compartment) of the material.")
        String project;

        @Option(names = "--owner", paramLabel = "O", description = "Owner of the material.")
        String owner;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or zip archives.")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            Registry registry = Registry.open(data.dir);
            ClassificationScheme chosen;
            try {
                chosen = scheme == null ? registry.scheme() : ClassificationSchemes.preset(scheme);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--scheme: " + e.getMessage());
            }
            ClassificationLevel wanted;
            try {
                wanted = chosen.level(level);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--level: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TextExtractor extractor = TextExtractor.standard();
            int failures = 0;
            try (Registry.Batch batch = registry.batch()) {
                for (Path path : paths) {
                    for (Extraction e : extractor.extract(path)) {
                        if (e instanceof ExtractionFailure f) {
                            err.println("custos: " + f.path() + ": " + f.reason());
                            failures++;
                            continue;
                        }
                        Registry.Added added;
                        try {
                            added = registry.add((ExtractedText) e, chosen, wanted, project, owner);
                        } catch (IllegalArgumentException ex) {
                            throw new UsageException("--scheme: " + ex.getMessage());
                        }
                        ItemSummary item = added.item();
                        out.println((added.added() ? "added   " : "already registered ") + item.id() + "  "
                                + item.level() + "  " + item.name() + "  (" + item.chars() + " chars)");
                    }
                }
            }
            out.flush();
            err.flush();
            return failures == 0 ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }

    /** {@code custos registry list}: lists every registered item. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered items.",
            footerHeading = "%nExit codes:%n", footer = {"  0  success", "  2  bad usage or unreadable registry"})
    static final class ListItems implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            Registry registry = Registry.open(data.dir);
            PrintWriter out = spec.commandLine().getOut();
            if (registry.list().isEmpty()) {
                out.println("no registered items in " + data.dir);
            } else {
                out.printf("%-12s  %-12s  %-12s  %-12s  %9s  %s%n", "ID", "LEVEL", "PROJECT", "OWNER", "CHARS", "NAME");
                for (ItemSummary i : registry.list()) {
                    out.printf("%-12s  %-12s  %-12s  %-12s  %9d  %s%n", i.id(), i.level(), dash(i.project()),
                            dash(i.owner()), i.chars(), i.name());
                }
                out.println(registry.list().size() + " items, scheme " + registry.scheme().id());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos registry show}: shows one item's metadata and the start of its text. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a registered item (by id, id prefix or file name) and the start of its text.",
            footerHeading = "%nExit codes:%n", footer = {"  0  success", "  2  no such item, or bad usage"})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, id prefix or file name.")
        String item;

        @Override
        public Integer call() {
            Registry registry = Registry.open(data.dir);
            ItemSummary found = find(registry, item);
            RegisteredItem full = registry.load(found);
            PrintWriter out = spec.commandLine().getOut();
            out.println("id:      " + found.id());
            out.println("name:    " + found.name());
            out.println("source:  " + found.source());
            out.println("level:   " + found.level() + " (scheme " + full.scheme() + ")");
            out.println("project: " + dash(found.project()));
            out.println("owner:   " + dash(found.owner()));
            out.println("sha256:  " + full.sha256());
            out.println("text:    " + found.chars() + " chars, read by " + full.method() + ", "
                    + full.hashes().length + " fingerprints");
            String text = full.text();
            int cut = text.offsetByCodePoints(0, Math.min(300, text.codePointCount(0, text.length())));
            out.println();
            out.println(text.substring(0, cut).strip() + (cut < text.length() ? " ..." : ""));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos registry remove}: removes one registered item. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a registered item (by id, id prefix or file name).",
            footerHeading = "%nExit codes:%n", footer = {"  0  removed", "  2  no such item, or bad usage"})
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, id prefix or file name.")
        String item;

        @Override
        public Integer call() throws IOException {
            Registry registry = Registry.open(data.dir);
            ItemSummary found = find(registry, item);
            registry.remove(found.id());
            spec.commandLine().getOut().println("removed " + found.id() + "  " + found.name());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    private static ItemSummary find(Registry registry, String item) {
        try {
            return registry.find(item).orElseThrow(() -> new UsageException("no registered item '" + item
                    + "' (see custos registry list)"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
