package org.custos.cli.custody;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.material.DataOption;
import org.custos.material.custody.CustodyBook;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.custody.CustodyRecord;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.custody.Originals;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * CustodyCommand is {@code custos custody}: it records where each original is (register, check-out, check-in,
 * transfer, destroy), shows where everything is and each original's chain, lists marked copies and exports the
 * ledger as the custody feed that {@code custos analyze} reads.
 */
@Command(name = "custody", mixinStandardHelpOptions = true,
        description = {"Keep the custody ledger of originals and marked copies in DATA/custody (docs/custody.md)."},
        subcommands = {CustodyCommand.Register.class, CustodyCommand.CheckOut.class, CustodyCommand.CheckIn.class,
                CustodyCommand.Transfer.class, CustodyCommand.Destroy.class, CustodyCommand.Status.class,
                CustodyCommand.History.class, CustodyCommand.Copies.class, CustodyCommand.Export.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  status: some original is overdue or stale",
                "  2  bad usage, an unknown original or item, or a record that does not follow from the ledger"})
public final class CustodyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every sub-command that writes a record shares. */
    static final class RecordOptions {
        @Option(names = "--at", paramLabel = "TIME",
                description = "When it happened: 2026-11-29T09:30 (in --zone) or an instant ending in Z. Default: now.")
        String at;

        @Option(names = "--location", paramLabel = "WHERE", defaultValue = "registry",
                description = "Where it happened. Default: ${DEFAULT-VALUE}.")
        String location;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${env:USER:-unknown}",
                description = "Who records it. Default: $USER.")
        String by;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Time zone of --at and of printed times. Default: ${DEFAULT-VALUE}.")
        String zone;
    }

    /** The base of the sub-commands that append one record. */
    abstract static class Append implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Parameters(index = "0", paramLabel = "SERIAL", description = "The original's serial number.")
        String serial;

        @Mixin
        RecordOptions options;

        abstract CustodyRecord.Action action();

        abstract String person(Originals.Original current);

        String reason() {
            return "";
        }

        String item(Registry registry) {
            return "";
        }

        /** Whoever holds the original now, or the recorder when nobody does. */
        String holderOr(Originals.Original current) {
            return current == null || current.holder().isEmpty() ? options.by : current.holder();
        }

        @Override
        public Integer call() throws IOException {
            CustodyBook book = CustodyFiles.open(data.dir);
            List<CustodyRecord> records = book.records();
            Originals originals = ledger(records);
            Instant time = parseTime(options.at, zone(options.zone));
            Originals.Original current = originals.find(serial).orElse(null);
            String item = action() == CustodyRecord.Action.REGISTER ? item(Registry.open(data.dir))
                    : current == null ? "" : current.item();
            CustodyRecord record = new CustodyRecord(Originals.nextId(records), time, serial, item, action(),
                    person(current), options.location, reason(), options.by);
            Optional<String> refused = originals.refuse(record);
            if (refused.isPresent()) {
                throw new UsageException(refused.get());
            }
            book.append(record);
            PrintWriter out = spec.commandLine().getOut();
            out.println(record.id() + "  " + action().label() + "  " + serial + "  " + item
                    + (record.person().isEmpty() ? "" : "  " + record.person()) + "  " + format(time,
                            zone(options.zone)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos custody register}: enters an original of a registered item into the ledger. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Enter an original (a serially numbered physical document) of a registered item.")
    static final class Register extends Append {

        @Option(names = "--item", required = true, paramLabel = "ITEM",
                description = "Registered item it belongs to: id, id prefix or file name.")
        String item;

        @Override
        CustodyRecord.Action action() {
            return CustodyRecord.Action.REGISTER;
        }

        @Override
        String person(Originals.Original current) {
            return options.by;
        }

        @Override
        String item(Registry registry) {
            try {
                return registry.find(item).map(ItemSummary::id).orElseThrow(() -> new UsageException(
                        "--item: " + item + ": no such registered item (custos registry list shows them)"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--item: " + e.getMessage());
            }
        }
    }

    /** The base of the sub-commands that hand an original to a person, for a reason. */
    abstract static class HandOver extends Append {

        @Option(names = "--to", required = true, paramLabel = "PERSON", description = "Who gets it (account id).")
        String to;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        String person(Originals.Original current) {
            return to;
        }

        @Override
        String reason() {
            return reason;
        }
    }

    /** {@code custos custody check-out}: a person takes an original out of the registry. */
    @Command(name = "check-out", mixinStandardHelpOptions = true,
            description = "Record that a person takes an original out of the registry.")
    static final class CheckOut extends HandOver {

        @Override
        CustodyRecord.Action action() {
            return CustodyRecord.Action.CHECK_OUT;
        }
    }

    /** {@code custos custody check-in}: an original comes back to the registry. */
    @Command(name = "check-in", mixinStandardHelpOptions = true,
            description = "Record that an original comes back to the registry (from whoever holds it).")
    static final class CheckIn extends Append {

        @Override
        CustodyRecord.Action action() {
            return CustodyRecord.Action.CHECK_IN;
        }

        @Override
        String person(Originals.Original current) {
            return holderOr(current);
        }
    }

    /** {@code custos custody transfer}: an original passes from its holder to someone else. */
    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Record that an original passes from its holder to someone else.")
    static final class Transfer extends HandOver {

        @Override
        CustodyRecord.Action action() {
            return CustodyRecord.Action.TRANSFER;
        }
    }

    /** {@code custos custody destroy}: an original is destroyed. */
    @Command(name = "destroy", mixinStandardHelpOptions = true, description = "Record that an original is destroyed.")
    static final class Destroy extends Append {

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why (and witnesses, destruction certificate).")
        String reason;

        @Override
        CustodyRecord.Action action() {
            return CustodyRecord.Action.DESTROY;
        }

        @Override
        String person(Originals.Original current) {
            return holderOr(current);
        }

        @Override
        String reason() {
            return reason;
        }
    }

    /** {@code custos custody status}: where every original is, with overdue and stale ones flagged. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show where every original is now. OVERDUE: held past close of business of the day it "
                    + "was taken. STALE: held with no record for longer than --stale-days (lost?)."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  nothing overdue or stale", "  1  some original is overdue or stale", "  2  bad usage"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--at", paramLabel = "TIME", description = "Judge overdue and stale at this time. Default: now.")
        String at;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "The organization's time zone. Default: ${DEFAULT-VALUE}.")
        String zone;

        @Option(names = "--close-of-business", paramLabel = "HOUR", defaultValue = "18",
                description = "Hour originals are due back on the day taken. Default: ${DEFAULT-VALUE}.")
        int closeOfBusiness;

        @Option(names = "--stale-days", paramLabel = "DAYS", defaultValue = "7",
                description = "A held original with no record for longer is stale. Default: ${DEFAULT-VALUE}.")
        int staleDays;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            if (closeOfBusiness < 0 || closeOfBusiness > 24) {
                throw new UsageException("--close-of-business: an hour from 0 to 24, was " + closeOfBusiness);
            }
            if (staleDays < 1) {
                throw new UsageException("--stale-days: at least 1, was " + staleDays);
            }
            ZoneId z = zone(zone);
            Instant now = parseTime(at, z);
            Originals originals = ledger(CustodyFiles.open(data.dir).records());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s %-13s %-12s %-12s %-17s %-6s %s%n", "SERIAL", "ITEM", "STATE", "HOLDER", "SINCE",
                    "LAST", "FLAGS");
            int flagged = 0;
            int held = 0;
            for (Originals.Original o : originals.all()) {
                List<String> flags = new ArrayList<>();
                if (o.state() == Originals.State.HELD) {
                    held++;
                    Instant due = ZonedDateTime.ofInstant(o.since(), z).toLocalDate().atStartOfDay(z)
                            .plusHours(closeOfBusiness).toInstant();
                    if (now.isAfter(due)) {
                        flags.add("OVERDUE since " + format(due, z));
                    }
                    if (o.staleAt(Duration.ofDays(staleDays), now)) {
                        flags.add("STALE: no record for " + Duration.between(o.last().time(), now).toDays()
                                + " days");
                    }
                }
                flagged += flags.isEmpty() ? 0 : 1;
                out.printf("%-12s %-13s %-12s %-12s %-17s %-6s %s%n", o.serial(), o.item(),
                        o.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        o.holder().isEmpty() ? "-" : o.holder(), format(o.since(), z), o.last().id(),
                        String.join("; ", flags));
            }
            out.printf("%d originals, %d held, %d flagged (at %s)%n", originals.all().size(), held, flagged,
                    format(now, z));
            out.flush();
            return flagged == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
        }
    }

    /** {@code custos custody history}: one original's chain of custody. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "Show one original's chain of custody.")
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "SERIAL", description = "The original's serial number.")
        String serial;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Time zone of printed times. Default: ${DEFAULT-VALUE}.")
        String zone;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            ZoneId z = zone(zone);
            Originals.Original o = ledger(CustodyFiles.open(data.dir).records()).find(serial)
                    .orElseThrow(() -> new UsageException(serial + ": no such original in the ledger"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("original " + o.serial() + " of item " + o.item() + ": "
                    + o.state().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (o.holder().isEmpty() ? "" : ", held by " + o.holder()));
            for (CustodyRecord r : o.chain()) {
                out.printf("%-6s %-17s %-10s %-12s at %s%s%s%n", r.id(), format(r.time(), z), r.action().label(),
                        r.person(), r.location().isEmpty() ? "-" : r.location(),
                        r.reason().isEmpty() ? "" : "  reason: " + r.reason(),
                        r.recordedBy().isEmpty() ? "" : "  (recorded by " + r.recordedBy() + ")");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos custody copies}: the marked copies issued. */
    @Command(name = "copies", mixinStandardHelpOptions = true, description = "List the marked copies issued.")
    static final class Copies implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--item", paramLabel = "ITEM", description = "Only copies of this item id.")
        String item;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-14s %-13s %-5s %-20s %-20s %s%n", "COPY", "ITEM", "FORM", "RECIPIENT", "ISSUED", "PURPOSE");
            int n = 0;
            for (IssuedCopy c : CustodyFiles.open(data.dir).copies()) {
                if (item != null && !c.item().equals(item)) {
                    continue;
                }
                n++;
                out.printf("%-14s %-13s %-5s %-20s %-20s %s%n", c.code(), c.item(), c.format(), c.recipient(),
                        c.issued().toString(), c.purpose());
            }
            out.println(n + " copies");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos custody export}: the ledger as the custody feed {@code custos analyze} reads. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the ledger's moves as custody.csv (docs/input-formats.md), for 'custos analyze': "
                    + "one row per check-out, check-in, transfer and destruction, times in --zone."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write custody.csv.")
        Path out;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Zone of the written local times (CERT times carry none). Default: ${DEFAULT-VALUE}.")
        String zone;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            ZoneId z = zone(zone);
            Registry registry = Registry.open(data.dir);
            DateTimeFormatter cert = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
            int rows = 0;
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("id,date,user,serial,item,action,location,project\n");
                for (CustodyRecord r : CustodyFiles.open(data.dir).records()) {
                    String action = switch (r.action()) {
                        case REGISTER -> null;
                        case CHECK_OUT -> "CheckOut";
                        case CHECK_IN -> "CheckIn";
                        case TRANSFER -> "Transfer";
                        case DESTROY -> "Destroy";
                    };
                    if (action == null) {
                        continue;
                    }
                    String project = registry.find(r.item()).map(ItemSummary::project).orElse(null);
                    w.write(String.join(",", csv(r.id()), cert.format(LocalDateTime.ofInstant(r.time(), z)),
                            csv(r.person()), csv(r.serial()), csv(r.item()), action, csv(r.location()),
                            csv(project == null ? "" : project)) + "\n");
                    rows++;
                }
            }
            spec.commandLine().getOut().println("wrote " + rows + " custody moves to " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\""
                    : s;
        }
    }

    static Originals ledger(List<CustodyRecord> records) {
        try {
            return Originals.of(records);
        } catch (IllegalStateException e) {
            throw new UsageException("custody ledger: " + e.getMessage());
        }
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: unknown time zone '" + zone + "'");
        }
    }

    static Instant parseTime(String at, ZoneId zone) {
        if (at == null) {
            return Instant.now();
        }
        try {
            return at.endsWith("Z") || at.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(
                    at.endsWith("Z") ? at.substring(0, at.length() - 1) + "+00:00" : at).toInstant()
                    : LocalDateTime.parse(at).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException("--at: '" + at + "' is not a time like 2026-11-29T09:30 or 2026-11-29T09:30:00Z");
        }
    }

    static String format(Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(t.atZone(zone));
    }
}
