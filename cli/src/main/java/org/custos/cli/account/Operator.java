package org.custos.cli.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.custos.cli.UsageException;
import org.custos.store.Account;
import org.custos.store.Store;

/**
 * An Operator is who runs a command that reads or changes Custos' own data: the Custos account named by {@code --as}
 * (default {@code $CUSTOS_USER}, else the operating-system user name), the operating-system user and the host,
 * as audit entries record them.
 *
 * @param account the Custos account, with its role
 * @param osUser the operating-system user running the process
 * @param host the host name the command runs on
 */
public record Operator(Account account, String osUser, String host) {

    /*
     * The CLI does not ask for a password: whoever can run it against the data directory can already read the
     * files. --as names the account whose role applies, and every entry records the operating-system user beside it,
     * so an operator acting under another account's name is visible in the audit log.
     */

    /** The account name to act as: {@code as} when given, else {@code $CUSTOS_USER}, else the OS user name. */
    public static String accountName(String as) {
        if (as != null && !as.isBlank()) {
            return as.strip();
        }
        String env = System.getenv("CUSTOS_USER");
        return env != null && !env.isBlank() ? env.strip() : currentOsUser();
    }

    /**
     * The operator acting as {@code as} in {@code store}.
     *
     * @throws UsageException when the store has no accounts yet (saying how to create the first) or none of that name
     */
    public static Operator resolve(Store store, String as) {
        String name = accountName(as);
        if (store.accounts().isEmpty()) {
            throw new UsageException("no accounts in " + store.info().location() + " yet: create the first one with "
                    + "'custos account add NAME --role admin', then the investigators with "
                    + "'custos account add NAME --role investigator --as NAME-OF-ADMIN'");
        }
        Optional<Account> account = store.account(name);
        if (account.isEmpty()) {
            throw new UsageException("no account '" + name + "' in " + store.info().location()
                    + " (give --as ACCOUNT or set CUSTOS_USER; 'custos account list' shows the accounts)");
        }
        return new Operator(account.get(), currentOsUser(), currentHost());
    }

    /** The account's name. */
    public String name() {
        return account.name();
    }

    /** The operating-system user name, or {@code unknown}. */
    public static String currentOsUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /** This machine's host name, or {@code local} when it cannot be found. */
    public static String currentHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException | SecurityException e) {
            // fall through to the environment
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "local" : env;
    }
}
