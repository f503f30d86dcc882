package org.custos.cli.account;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.store.Account;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.StoreException;
import org.custos.store.Stores;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** AccountCommand is {@code custos account}: the accounts whose roles decide what each person may see and do. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = {"Create and list the accounts whose roles decide what each may see and do.", "",
                "Roles: admin (accounts), analyst (pseudonymized board and alerts; opens cases), investigator "
                        + "(works cases; may reveal a subject's name on an active case), auditor (audit log; "
                        + "reads cases and verifies evidence). In a fresh data directory the first account must be "
                        + "an admin and anyone who can write the directory may create it; after that only an admin "
                        + "(--as) may add accounts. See docs/cases.md."},
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  refused (only an admin may add accounts)",
                "  2  bad usage: an unknown role, a taken name, no such account"})
public final class AccountCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every account command takes. */
    static final class Options {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
                description = "Custos' data directory. Default: $CUSTOS_DATA, else ./custos-data.")
        Path data;

        @Option(names = "--as", paramLabel = "ACCOUNT",
                description = "The admin account to act as. Default: $CUSTOS_USER, else the OS user name.")
        String as;

        @Option(names = "--verbose", description = "Show stack traces on failure.")
        boolean verbose;
    }

    /** {@code custos account add NAME --role ROLE}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create an account with a role; its dashboard password is printed once."})
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Options options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The account name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, analyst, investigator or auditor.")
        String role;

        @Override
        public Integer call() throws IOException {
            Role r = Role.parse(role.strip());
            String n = name.strip();
            if (!n.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new UsageException("account name '" + name + "': use 1-64 letters, digits, '.', '_', '@' or '-'");
            }
            try (Store store = Stores.open(options.data.toString());
                    AuditLog audit = AuditLog.open(options.data, Clock.systemUTC())) {
                String actor;
                String actorRole;
                if (store.accounts().isEmpty()) {
                    if (r != Role.ADMIN) {
                        throw new UsageException("no accounts in " + options.data + " yet: the first account must be "
                                + "an admin ('custos account add NAME --role admin')");
                    }
                    actor = Operator.currentOsUser();
                    actorRole = "bootstrap";
                } else {
                    Operator op = Operator.resolve(store, options.as);
                    if (op.account().role() != Role.ADMIN) {
                        audit.append(new AuditEntry(op.name(), op.account().role().id(), "account.refused", null,
                                List.of(n), op.host(), Map.of("asked", "account.add", "osUser", op.osUser())));
                        audit.flush();
                        throw new AccountRefusal("refused: " + op.name() + " is " + op.account().role().id()
                                + "; only an admin may add accounts");
                    }
                    actor = op.name();
                    actorRole = op.account().role().id();
                }
                DashboardPassword password = DashboardPassword.random();
                Account created;
                try {
                    created = store.createAccount(n, r, password.hash(), Clock.systemUTC().instant());
                } catch (StoreException e) {
                    if (e.reason() == StoreException.Reason.CONFLICT) {
                        throw new UsageException("account '" + n + "' already exists");
                    }
                    throw e;
                }
                audit.append(new AuditEntry(actor, actorRole, "account.add", null, List.of(created.name()),
                        Operator.currentHost(), Map.of("role", r.id(), "osUser", Operator.currentOsUser())));
                audit.flush();
                PrintWriter out = spec.commandLine().getOut();
                out.println("account " + created.name() + " (" + r.id() + ") created");
                out.println("dashboard password (shown once): " + password.password());
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code custos account list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the accounts and their roles."})
    static final class ListAccounts implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Options options;

        @Override
        public Integer call() {
            try (Store store = Stores.open(options.data.toString())) {
                PrintWriter out = spec.commandLine().getOut();
                for (Account a : store.accounts()) {
                    out.printf("%-24s %s%n", a.name(), a.role().id());
                }
                out.println(store.accounts().size() + " account(s)");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** Thrown when the acting account may not manage accounts; exits with code 1. */
    static final class AccountRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AccountRefusal(String message) {
            super(message);
        }
    }

}
