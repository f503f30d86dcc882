package org.custos.server.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.custos.server.DashboardServer;
import org.custos.server.security.Passwords;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.privacy.Pseudonyms;

/**
 * CrashChild is the server process {@link IngestCrashIT} kills: it serves a data directory on a free port with an
 * admin account {@code feeder}, writes the port to a file, and on a TERM signal stores what it acknowledged and
 * closes.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** Arguments: data directory, port file. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Store store = Stores.embedded(data);
        if (store.account("feeder").isEmpty()) {
            store.createAccount("feeder", Role.ADMIN, Passwords.hash(IngestCrashIT.PASSWORD), Instant.now());
        }
        AuditLog audit = AuditLog.open(data, Clock.systemUTC());
        DashboardServer server = DashboardServer.start(DashboardServer.Settings.loopback(0, data), store, audit,
                Pseudonyms.open(data));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                audit.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            store.close();
        }));
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, Path.of(args[1]));
        Thread.currentThread().join();
    }
}
