package org.custos.server;

import java.util.ArrayList;
import java.util.List;
import org.custos.server.accounts.AccountsPage;
import org.custos.server.alerts.AlertsPage;
import org.custos.server.audit.AuditPage;
import org.custos.server.security.SignIn;
import org.custos.server.board.BoardPage;
import org.custos.server.cases.CasesPage;
import org.custos.server.ingest.IngestEndpoint;
import org.custos.server.ingest.IngestService;
import org.custos.server.custody.CustodyPage;
import org.custos.server.material.MaterialPage;
import org.custos.server.person.PersonPage;
import org.custos.server.security.Sessions;
import org.custos.store.audit.AuditLog;
import org.custos.server.web.Layout;
import org.custos.server.web.Names;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.store.Store;

/** Features gathers the routes of every page and API area over one set of services. */
final class Features {

    private final Services services;
    private final Sessions sessions;

    private final IngestService ingest;
    private final long maxIngestBytes;

    Features(DashboardServer.Settings settings, Store store, AuditLog auditLog, Names names, Layout layout,
             Sessions sessions, IngestService ingest) {
        this.ingest = ingest;
        this.maxIngestBytes = settings.maxIngestBytes();
        this.sessions = sessions;
        this.services = new Services(store, names, layout, auditLog, settings.clock(), settings.dataDir(),
                new org.custos.server.web.CaseTrails(auditLog, settings.dataDir()));
        Thread warm = new Thread(() -> {
            try {
                services.trails().readEarlierOnce();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Features.class).warn("cannot index the audit log's case entries "
                        + "yet (the first case report will try again): {}", e.getMessage());
            }
        }, "custos-case-trails");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SignIn(services.store(), sessions, services.layout(), services.clock(),
                services.auditLog()).routes());
        routes.addAll(new AccountsPage(services, sessions).routes());
        routes.addAll(new BoardPage(services).routes());
        routes.addAll(new PersonPage(services).routes());
        routes.addAll(new AlertsPage(services).routes());
        routes.addAll(new CasesPage(services).routes());
        routes.addAll(new org.custos.server.cases.CaseReports(services).routes());
        routes.addAll(new MaterialPage(services).routes());
        routes.addAll(new CustodyPage(services).routes());
        routes.addAll(new AuditPage(services).routes());
        routes.addAll(new IngestEndpoint(services, ingest, maxIngestBytes).routes());
        return routes;
    }
}
