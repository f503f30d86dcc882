package org.custos.cli.material;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.report.ReportFiles;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.material.exposure.ExposureRegister;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ProvenanceCommand is {@code custos provenance}: it lists who had access to, or copies of, a registered item. */
@Command(name = "provenance", mixinStandardHelpOptions = true,
        description = {"List who had access to, or copies of, a registered item, and whether they have left.", "",
                "Reads the CERT-layout directory in --input: the people granted the item's project in any monthly "
                        + "LDAP snapshot (first and last month, subsidiary then), and the people whose file events or "
                        + "e-mail attachments name a file with the item's file name (counts, first and last time). "
                        + "ITEM is an id, an id prefix or a file name, as in 'custos registry show'. "
                        + "See docs/material.md.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  bad usage, an unknown item, or unreadable input or registry"})
public final class ProvenanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, id prefix or file name.")
    String item;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "CERT-layout directory with LDAP/ snapshots and activity files.")
    Path input;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the provenance as JSON.")
    Path json;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    /** A person granted the item's project, as written to JSON. */
    record Granted(String user, String name, String firstMonth, String lastMonth, List<String> subsidiaries,
            String left) {
    }

    /** A person whose file events or attachments named the item's file, as written to JSON. */
    record Holder(String user, String name, int fileEvents, int attachments, String first, String last,
            String left) {
    }

    /** The whole provenance of one item, as written to JSON. */
    record Provenance(ExposureCommand.ItemRef item, List<Granted> granted, List<Holder> copies) {
    }

    @Override
    public Integer call() throws IOException {
        Registry registry = Registry.open(data.dir);
        ItemSummary found;
        try {
            found = registry.find(item).orElseThrow(() -> new UsageException("no registered item '" + item
                    + "' (see custos registry list)"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Provenance provenance;
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            ExposureRegister register = ExposureRegister.read(dir.organization(), dir::forEachEvent, List.of(found),
                    user -> true);
            provenance = provenanceOf(found, register);
        }
        print(provenance, spec.commandLine().getOut());
        if (json != null) {
            ReportFiles.json().writeValue(json.toFile(), provenance);
            spec.commandLine().getOut().println("json: " + json.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static Provenance provenanceOf(ItemSummary item, ExposureRegister register) {
        List<Granted> granted = new ArrayList<>();
        if (item.project() != null && !item.project().isBlank()) {
            for (ExposureRegister.Grant g : register.grantsOf(item.project())) {
                granted.add(new Granted(g.user(), nameOrNull(register, g.user()), g.first().toString(),
                        g.last().toString(), g.subsidiaries(), left(register, g.user())));
            }
        }
        List<Holder> copies = register.touches().stream()
                .map(t -> new Holder(t.user(), nameOrNull(register, t.user()), t.fileEvents(), t.attachments(),
                        t.first().toString(), t.last().toString(), left(register, t.user())))
                .toList();
        return new Provenance(ExposureCommand.ItemRef.of(item), granted, copies);
    }

    private static String nameOrNull(ExposureRegister register, String user) {
        String name = register.name(user);
        return name.isEmpty() ? null : name;
    }

    private static String left(ExposureRegister register, String user) {
        return register.departure(user).map(LocalDate::toString).orElse(null);
    }

    private static void print(Provenance p, PrintWriter out) {
        ExposureCommand.ItemRef i = p.item();
        out.println("provenance of " + i.id() + "  " + i.name() + "  (" + i.level() + ", project "
                + (i.project() == null ? "-" : i.project()) + ")");
        out.println();
        if (i.project() == null) {
            out.println("granted the project: none (the item has no project)");
        } else {
            out.println("granted project " + i.project() + ": " + p.granted().size());
        }
        for (Granted g : p.granted()) {
            out.printf("  %-10s %-24s %s .. %s  %s%s%n", g.user(), g.name() == null ? "" : g.name(), g.firstMonth(),
                    g.lastMonth(), g.subsidiaries().isEmpty() ? "" : "subsidiary " + String.join(", ",
                            g.subsidiaries()) + "  ", status(g.left()));
        }
        out.println("file events or attachments naming " + i.name() + ": " + p.copies().size());
        for (Holder h : p.copies()) {
            out.printf("  %-10s %-24s %d file events, %d attachments, %s .. %s  %s%n", h.user(),
                    h.name() == null ? "" : h.name(), h.fileEvents(), h.attachments(), h.first(), h.last(),
                    status(h.left()));
        }
    }

    private static String status(String left) {
        return left == null ? "current staff" : "left " + left + "; former staff";
    }
}
