package org.custos.cli.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.store.BatchReceipt;
import org.custos.store.RetentionPolicy;
import org.custos.store.RetentionReport;
import org.custos.store.Store;
import org.custos.store.StoreAuditTrail;
import org.custos.store.StoreInfo;
import org.custos.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** StoreCommand is {@code custos store}: look after the store (schema, contents, retention). */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Look after Custos' store: the embedded one in the data directory, or PostgreSQL "
                + "(docs/store.md).", ""},
        subcommands = {StoreCommand.Info.class, StoreCommand.Retention.class, StoreCommand.Verify.class,
                StoreCommand.Compact.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the store could not be opened or written (one line says why)",
                "  2  bad usage"})
public final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The --data and --store options shared by the sub-commands. */
    static final class Location {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
                description = "The data directory (embedded store and audit log). Default: $CUSTOS_DATA, else "
                        + "./custos-data.")
        Path data;

        @Option(names = "--store", paramLabel = "URL",
                description = "A PostgreSQL store instead of the embedded one (jdbc:postgresql://host/db?user=U&"
                        + "password=P, or PGUSER/PGPASSWORD).")
        String url;

        Store open() {
            if (url != null && !url.startsWith("jdbc:postgresql:")) {
                throw new UsageException("--store: expected a jdbc:postgresql://… URL, got '" + url + "'");
            }
            return Stores.open(url != null ? url : data.toString());
        }
    }

    /** {@code custos store info}: opens (and so migrates) the store and prints what it holds. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Open the store (creating it or bringing its schema up to date) and say what it holds.")
    static final class Info implements Callable<Integer> {
        @Mixin
        Location location = new Location();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = location.open()) {
                StoreInfo info = store.info();
                var out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "store:    %s %s, schema version %d%n", info.kind(), info.location(),
                        info.schemaVersion());
                out.printf(Locale.ROOT, "events:   %,d%n", store.eventCount());
                out.printf(Locale.ROOT, "people:   %,d (directory months: %d)%n", store.people().size(),
                        store.snapshotMonths().size());
                var batches = store.batches();
                out.printf(Locale.ROOT, "batches:  %,d%s%n", batches.size(), batches.isEmpty() ? ""
                        : " (last: " + describe(batches.get(batches.size() - 1)) + ")");
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static String describe(BatchReceipt r) {
            return String.format(Locale.ROOT, "#%d at %s from %s, %,d events", r.id(), r.committedAt(), r.source(),
                    r.events());
        }
    }

    /** {@code custos store retention}: deletes what the retention policy no longer allows to keep. */
    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = {"Delete raw events older than --events-days and every trace of former staff whose "
                    + "employment ended more than --former-staff-days ago (people under an active case are kept). "
                    + "The audit log records what was deleted, by count and time range, never content."})
    static final class Retention implements Callable<Integer> {
        @Mixin
        Location location = new Location();

        @Spec
        CommandSpec spec;

        @Option(names = "--events-days", required = true, paramLabel = "N",
                description = "Keep raw events for N days.")
        int eventDays;

        @Option(names = "--former-staff-days", required = true, paramLabel = "M",
                description = "Keep a former member of staff's data for M days after their employment ended.")
        int formerStaffDays;

        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "Apply the policy as of this ISO-8601 instant instead of now.")
        String asOf;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "Who runs it, for the audit log. Default: the operating-system user.")
        String by;

        @Override
        public Integer call() throws Exception {
            if (eventDays <= 0 || formerStaffDays <= 0) {
                throw new UsageException("--events-days and --former-staff-days must be positive");
            }
            Instant now;
            try {
                now = asOf == null ? Clock.systemUTC().instant() : Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of: expected an ISO-8601 instant such as 2026-11-29T00:00:00Z, got '"
                        + asOf + "'");
            }
            RetentionReport r;
            String where;
            try (Store store = location.open()) {
                where = store.info().location();
                r = store.applyRetention(new RetentionPolicy(eventDays, formerStaffDays), now);
            }
            StoreAudit.recordRetention(location.data, where, by, r);
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "deleted %,d events before %s%s%n", r.eventsDeleted(), r.eventsCutoff(),
                    r.eventsDeleted() == 0 ? "" : " (" + r.oldestDeleted() + " to " + r.newestDeleted() + ")");
            out.printf(Locale.ROOT, "deleted the data of %d former staff past %d days: %,d events, %,d daily scores, "
                            + "%,d alerts, %,d directory records; %d kept for active cases%n", r.formerStaff().size(),
                    formerStaffDays, r.formerStaffEvents(), r.formerStaffScores(), r.formerStaffAlerts(),
                    r.formerStaffRecords(), r.heldForCases());
            out.println("recorded in the audit log of " + location.data);
            out.flush();
            return ExitCodes.OK;
        }
    }


    /** {@code custos store compact}: rewrites the events in person and time order. */
    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = {"Rewrite the stored events in person and time order, so that each person's timeline is "
                    + "one contiguous run however many batches wrote it (timelines read faster after many batches; "
                    + "docs/store.md). The events do not change; writers wait while it runs. The audit log records "
                    + "it."})
    static final class Compact implements Callable<Integer> {
        @Mixin
        Location location = new Location();

        @Spec
        CommandSpec spec;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "Who runs it, for the audit log. Default: the operating-system user.")
        String by;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            long events;
            String where;
            try (Store store = location.open()) {
                where = store.info().location();
                events = Stores.compactEvents(store);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            StoreAudit.recordCompaction(location.data, where, by, events);
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "rewrote %,d events in person and time order in %.1f s%n", events, seconds);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code custos store verify}: checks the store against the audit log's record of its writes. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the store against the audit log: every batch the log recorded is in the store with "
                    + "the same digest and counts and no other batch is, the stored events are in number and content "
                    + "(a sum of their SHA-256) what the recorded batches and retention runs account for, every case, "
                    + "note and piece of evidence the log recorded is there with its recorded SHA-256 and status, "
                    + "and every piece of evidence still matches its SHA-256. Prints each problem on a line of its "
                    + "own. 'custos audit verify' makes the same check after replaying the log."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  the store matches the audit log", "  1  a problem was found (each is printed)",
                    "  2  bad usage"})
    static final class Verify implements Callable<Integer> {
        @Mixin
        Location location = new Location();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.util.List<String> problems;
            try (Store store = location.open()) {
                problems = StoreAuditTrail.check(store, location.data);
            }
            var out = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                out.println("store matches the audit log of " + location.data);
                out.flush();
                return ExitCodes.OK;
            }
            problems.forEach(p -> out.println("problem: " + p));
            out.flush();
            return ExitCodes.PROBLEM;
        }
    }
}
