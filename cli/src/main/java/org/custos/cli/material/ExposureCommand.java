package org.custos.cli.material;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.report.ReportFiles;
import org.custos.core.organization.EmploymentPeriod;
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

/** ExposureCommand is {@code custos exposure}: it lists every project and registered item a person could know. */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"List every project and registered item a person could know, and whether they have left.", "",
                "Reads the CERT-layout directory in --input: the projects granted to PERSON in any monthly LDAP "
                        + "snapshot (first and last month, subsidiary then), the registered items of those projects, "
                        + "the registered items whose file name is that of a file in PERSON's file events or e-mail "
                        + "attachments, and the end of employment. PERSON is an account id or a full name. "
                        + "See docs/material.md.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  bad usage, an unknown person, or unreadable input or registry"})
public final class ExposureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "PERSON", description = "Account id (user_id) or full name.")
    String person;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "CERT-layout directory with LDAP/ snapshots and activity files.")
    Path input;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the exposure as JSON.")
    Path json;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    /** A project granted to the person, as written to JSON. */
    record ProjectGrant(String project, String firstMonth, String lastMonth, List<String> subsidiaries,
            List<ItemRef> items) {
    }

    /** A registered item, as written to JSON. */
    record ItemRef(String id, String name, String level, String project, String owner) {

        /** The JSON form of a registry item. */
        static ItemRef of(ItemSummary item) {
            return new ItemRef(item.id(), item.name(), item.level(), item.project(), item.owner());
        }
    }

    /** A registered item found in the person's file events or attachments, as written to JSON. */
    record ItemCopy(String id, String name, String level, String project, int fileEvents, int attachments,
            String first, String last) {
    }

    /** The whole exposure of one person, as written to JSON. */
    record Exposure(String person, String name, String employedFrom, String left, boolean formerStaff,
            List<ProjectGrant> projects, List<ItemCopy> copies) {
    }

    @Override
    public Integer call() throws IOException {
        Registry registry = Registry.open(data.dir);
        List<ItemSummary> items = registry.list();
        Exposure exposure;
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            String user = ExposureRegister.account(dir.organization(), person).orElse(person);
            ExposureRegister register = ExposureRegister.read(dir.organization(), dir::forEachEvent, items, user::equals);
            if (!register.knows(user)) {
                throw new UsageException("'" + person + "' is in no LDAP snapshot and no event in " + input);
            }
            exposure = exposureOf(user, register, items);
        }
        print(exposure, spec.commandLine().getOut());
        if (json != null) {
            ReportFiles.json().writeValue(json.toFile(), exposure);
            spec.commandLine().getOut().println("json: " + json.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static Exposure exposureOf(String user, ExposureRegister register, List<ItemSummary> items) {
        List<ProjectGrant> projects = new ArrayList<>();
        for (ExposureRegister.Grant g : register.grants()) {
            List<ItemRef> ofProject = items.stream().filter(i -> g.project().equals(i.project()))
                    .map(ItemRef::of).toList();
            projects.add(new ProjectGrant(g.project(), g.first().toString(), g.last().toString(), g.subsidiaries(),
                    ofProject));
        }
        List<ItemCopy> copies = register.touches().stream()
                .map(t -> new ItemCopy(t.item().id(), t.item().name(), t.item().level(), t.item().project(),
                        t.fileEvents(), t.attachments(), t.first().toString(), t.last().toString()))
                .toList();
        Optional<LocalDate> left = register.departure(user);
        String from = register.organization().employment(user).map(EmploymentPeriod::start)
                .map(LocalDate::toString).orElse(null);
        String name = register.name(user);
        return new Exposure(user, name.isEmpty() ? null : name, from, left.map(LocalDate::toString).orElse(null),
                left.isPresent(), projects, copies);
    }

    private static void print(Exposure e, PrintWriter out) {
        String status;
        if (e.left() != null) {
            status = "left " + e.left() + "; former staff";
        } else if (e.employedFrom() != null) {
            status = "employed since " + e.employedFrom() + "; current staff";
        } else {
            status = "in no LDAP snapshot; employment unknown";
        }
        out.println("exposure of " + e.person() + (e.name() == null ? "" : " (" + e.name() + ")") + ": " + status);
        out.println();
        out.println("projects granted: " + e.projects().size());
        for (ProjectGrant g : e.projects()) {
            out.printf("  %-20s %s .. %s  %s%n", g.project(), g.firstMonth(), g.lastMonth(),
                    g.subsidiaries().isEmpty() ? "" : "subsidiary " + String.join(", ", g.subsidiaries()));
        }
        List<ItemRef> projectItems = e.projects().stream().flatMap(g -> g.items().stream()).toList();
        out.println("registered items of those projects: " + projectItems.size());
        for (ItemRef i : projectItems) {
            out.printf("  %-12s  %-12s  %-16s  %s%n", i.id(), i.level(), i.project(), i.name());
        }
        out.println("registered items in file events or attachments: " + e.copies().size());
        for (ItemCopy c : e.copies()) {
            out.printf("  %-12s  %-12s  %-16s  %s  (%d file events, %d attachments, %s .. %s)%n", c.id(), c.level(),
                    c.project() == null ? "-" : c.project(), c.name(), c.fileEvents(), c.attachments(), c.first(),
                    c.last());
        }
    }
}
