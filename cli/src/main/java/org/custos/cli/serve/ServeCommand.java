package org.custos.cli.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.server.DashboardServer;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;
import org.custos.store.privacy.Pseudonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * ServeCommand is {@code custos serve}: the web dashboard and JSON API over a data directory, on the loopback
 * interface, until the process is stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web dashboard and the JSON API on 127.0.0.1.", "",
                "Opens the store, the audit log and the pseudonym secret of the data directory and listens on "
                        + "127.0.0.1 only. On first start it creates the account 'admin' and prints its password once. "
                        + "Prints the address (http://127.0.0.1:PORT/) on a line of its own once it accepts "
                        + "connections; the API is described at /openapi.json (docs/api.md). Stop it with Ctrl-C.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  stopped", "  2  bad options, the port is taken, or the data directory cannot be opened"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
            description = "Custos' data directory. Default: $CUSTOS_DATA, else ./custos-data.")
    Path data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
            description = "The port to listen on (0 for any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    /** A running dashboard with the store and audit log it holds open. */
    public static final class Running implements AutoCloseable {
        private final DashboardServer server;
        private final Store store;
        private final AuditLog audit;

        Running(DashboardServer server, Store store, AuditLog audit) {
            this.server = server;
            this.store = store;
            this.audit = audit;
        }

        /** The server's address. */
        public String address() {
            return server.address().toString();
        }

        /** Stops the server and closes the store and the audit log (recording the stop). */
        @Override
        public synchronized void close() {
            server.close();
            try {
                audit.append(AuditEntry.of("custos", "system", "server.stop", null, "local"));
                audit.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("custos: closing the audit log: " + e.getMessage());
            }
            store.close();
        }
    }

    /**
     * Starts the dashboard over a data directory and prints the admin password when it created the admin account
     * (first start only); the caller prints the address.
     */
    public static Running start(Path data, int port, PrintStream out) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port: expected 0 to 65535, got " + port);
        }
        Files.createDirectories(data);
        Store store = Stores.embedded(data);
        AuditLog audit;
        try {
            audit = AuditLog.open(data, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        DashboardServer server;
        try {
            Pseudonyms pseudonyms = Pseudonyms.open(data);
            server = DashboardServer.start(DashboardServer.Settings.loopback(port, data), store, audit, pseudonyms);
        } catch (RuntimeException e) {
            closeQuietly(audit);
            store.close();
            if (causedByBind(e)) {
                throw new UsageException("port " + port + " on 127.0.0.1 is in use; choose another with --port");
            }
            throw e;
        } catch (IOException e) {
            closeQuietly(audit);
            store.close();
            throw e;
        }
        audit.append(AuditEntry.of("custos", "system", "server.start", null, "local"));
        audit.flush();
        server.initialAdminPassword().ifPresent(p -> {
            out.println("Created the account 'admin' with the password below; it is shown only now.");
            out.println("  admin password: " + p);
        });
        out.flush();
        return new Running(server, store, audit);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(AuditLog audit) {
        try {
            audit.close();
        } catch (IOException e) {
            System.err.println("custos: closing the audit log: " + e.getMessage());
        }
    }

    /** Serves until the process is interrupted (Ctrl-C or a TERM signal). */
    public static void serveUntilStopped(Running running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "custos-serve-shutdown"));
        stopped.await();
    }

    @Override
    public Integer call() throws Exception {
        Running running = start(data, port, System.out);
        System.out.println("Custos dashboard over " + data.toAbsolutePath() + "; stop it with Ctrl-C.");
        System.out.println(running.address());
        System.out.flush();
        serveUntilStopped(running);
        return ExitCodes.OK;
    }
}
