package org.custos.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.server.accounts.InitialAdmin;
import org.custos.server.ingest.IngestService;
import org.custos.server.security.Guard;
import org.custos.server.security.SecurityHeaders;
import org.custos.server.security.Sessions;
import org.custos.server.security.SignIn;
import org.custos.server.web.Assets;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Layout;
import org.custos.server.web.Names;
import org.custos.server.web.Route;
import org.custos.server.web.Viewer;
import org.custos.store.PersonSummary;
import org.custos.store.Store;
import org.custos.store.StoreException;
import org.custos.store.audit.AuditLog;
import org.custos.store.privacy.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DashboardServer is Custos' web dashboard and JSON API over a {@link Store}: sign-in, the risk board, people,
 * alerts, cases, material, custody and the audit view, every route in one table with the roles that may use it.
 *
 * <p>It listens on the loopback interface unless told otherwise. On a store without accounts it creates the
 * {@code admin} account and hands its password to the caller once ({@link #initialAdminPassword()}).
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    /**
     * The server's settings.
     *
     * @param host the address to listen on
     * @param port the port (0 for any free port)
     * @param dataDir the data directory (material registry, ingestion journal)
     * @param clock the clock for sessions, lockouts and review times
     * @param maxBodyBytes the largest request body accepted, except uploads and ingestion
     * @param maxUploadBytes the largest file accepted for assessment or as evidence
     * @param maxIngestBytes the largest body accepted by the ingestion endpoint
     * @param ingestCapacity the most events acknowledged by the ingestion endpoint but not yet in the store
     */
    public record Settings(String host, int port, Path dataDir, Clock clock, long maxBodyBytes, long maxUploadBytes,
                           long maxIngestBytes, int ingestCapacity) {

        /**
         * Loopback, the given port and data directory, the system clock, 1 MiB bodies, 50 MiB uploads, 16 MiB
         * ingestion requests and 200,000 events waiting for the store at most.
         */
        public static Settings loopback(int port, Path dataDir) {
            return new Settings("127.0.0.1", port, dataDir, Clock.systemUTC(), 1 << 20, 50L << 20, 16L << 20,
                    200_000);
        }
    }

    private final Javalin app;
    private final List<Route> routes;
    private final Optional<String> initialAdminPassword;
    private final Sessions sessions;

    private final String host;
    private final IngestService ingest;
    private final java.util.concurrent.ScheduledExecutorService flusher;

    /** How often appended audit entries of list views are made durable. */
    public static final long FLUSH_MILLIS = 200;

    private DashboardServer(Javalin app, String host, List<Route> routes, Optional<String> initialAdminPassword,
                            Sessions sessions, IngestService ingest,
                            java.util.concurrent.ScheduledExecutorService flusher) {
        this.flusher = flusher;
        this.app = app;
        this.host = host;
        this.ingest = ingest;
        this.routes = routes;
        this.initialAdminPassword = initialAdminPassword;
        this.sessions = sessions;
    }

    /**
     * Starts a server.
     *
     * @param settings where to listen and the limits
     * @param backing the store to serve; reads are cached in front of it (a CachedStore given is used as is), so
     *     while the server runs every write must go through the server
     * @param auditLog where every action and every view of a person's data is recorded
     * @param pseudonyms the pseudonyms people are shown by
     */
    public static DashboardServer start(Settings settings, Store backing, AuditLog auditLog, Pseudonyms pseudonyms)
            throws java.io.IOException {
        Store store = backing instanceof org.custos.server.readcache.CachedStore ? backing
                : new org.custos.server.readcache.CachedStore(backing);
        Optional<String> adminPassword = InitialAdmin.ensure(store, settings.clock().instant());
        Sessions sessions = new Sessions(settings.clock(), Sessions.IDLE, Sessions.ABSOLUTE);
        Layout layout = new Layout(Assets.fromClasspath());
        Names names = new Names(pseudonyms::of,
                () -> store.people().stream().map(PersonSummary::user).toList());
        IngestService ingest = IngestService.open(settings.dataDir(), store, settings.ingestCapacity(), 1000,
                auditLog);
        Features features = new Features(settings, store, auditLog, names, layout, sessions, ingest);
        List<Route> routes = new ArrayList<>();
        routes.addAll(features.routes());
        routes.add(new Route(io.javalin.http.HandlerType.GET, "/", org.custos.server.web.Access.anyone(),
                Route.Kind.PAGE, "Sends the visitor to their home page or to sign-in.", ctx -> {
                    Viewer v = Viewer.orNull(ctx);
                    ctx.redirect(v == null ? "/signin" : SignIn.home(v.role()), io.javalin.http.HttpStatus.SEE_OTHER);
                }));
        List<Route> table = List.copyOf(routes);
        byte[] openApi = Json.MAPPER.writeValueAsBytes(OpenApi.document(table));
        routes.add(new Route(io.javalin.http.HandlerType.GET, "/openapi.json", org.custos.server.web.Access.anyone(),
                Route.Kind.API, "This API's OpenAPI 3.1 document.",
                ctx -> ctx.status(200).contentType("application/json").result(openApi)));
        List<Route> all = List.copyOf(routes);
        Guard guard = new Guard(sessions);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.generateEtags = false;
            config.router.ignoreTrailingSlashes = true;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/custos/static";
                s.location = Location.CLASSPATH;
            });
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + (1 << 20),
                    io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, io.javalin.config.SizeUnit.BYTES);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.routes.before(SecurityHeaders::apply);
            config.routes.after(ctx -> {
                String type = ctx.res().getContentType();
                if (type != null && type.startsWith("text/html") && !type.contains("charset")) {
                    ctx.res().setContentType("text/html; charset=utf-8");
                }
            });
            for (Route r : all) {
                config.routes.addHttpHandler(r.method(), r.path(), guard.wrap(r));
            }
            config.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage(), layout));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    switch (e.getStatus()) {
                        case 404 -> "no such page: " + ctx.path();
                        case 405 -> ctx.method() + " is not allowed on " + ctx.path();
                        case 413 -> "request body too large";
                        default -> e.getMessage() == null || e.getMessage().isBlank() ? "request refused"
                                : e.getMessage();
                    }, layout));
            config.routes.exception(StoreException.class, (e, ctx) -> {
                switch (e.reason()) {
                    case NOT_FOUND -> problem(ctx, 404, e.getMessage(), layout);
                    case CONFLICT -> problem(ctx, 409, e.getMessage(), layout);
                    default -> {
                        LOG.error("store failure on {} {}", ctx.method(), ctx.path(), e);
                        problem(ctx, 503, "the store failed: " + e.getMessage(), layout);
                    }
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("failure on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal error; the server log has the details", layout);
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(PROBLEM) == null) {
                    problem(ctx, 404, "no such page: " + ctx.path(), layout);
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(PROBLEM) == null) {
                    problem(ctx, 405, ctx.method() + " is not allowed on " + ctx.path(), layout);
                }
            });
            config.routes.error(413, ctx -> {
                if (ctx.attribute(PROBLEM) == null) {
                    problem(ctx, 413, "request body too large", layout);
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            ingest.close();
            throw e;
        }
        java.util.concurrent.ScheduledExecutorService flusher = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "custos-audit-flush");
                    t.setDaemon(true);
                    return t;
                });
        flusher.scheduleWithFixedDelay(() -> {
            try {
                auditLog.flush();
            } catch (RuntimeException e) {
                LOG.error("cannot flush the audit log", e);
            }
        }, FLUSH_MILLIS, FLUSH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        return new DashboardServer(app, settings.host(), all, adminPassword, sessions, ingest, flusher);
    }

    private static final String PROBLEM = "custos.problem";

    private static void problem(Context ctx, int status, String message, Layout layout) {
        ctx.attribute(PROBLEM, Boolean.TRUE);
        SecurityHeaders.apply(ctx);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json")
                || acceptsJsonOnly(ctx.header("Accept"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            Json.send(ctx, status, body);
        } else {
            ctx.status(status).html(layout.publicPage("Error " + status, Html.of(
                    "<h1>{}</h1><p class=\"error\" role=\"alert\">{}</p><p><a href=\"/\">Back to Custos</a></p>",
                    status, message)));
        }
    }

    private static boolean acceptsJsonOnly(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The server's address, {@code http://HOST:PORT/}. */
    public URI address() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** The password of the admin account created at this start; empty when accounts already existed. */
    public Optional<String> initialAdminPassword() {
        return initialAdminPassword;
    }

    /** Every route the server serves, with its access rule (for the authorization test and the API document). */
    public List<Route> routes() {
        return routes;
    }

    /** The number of live sessions. */
    public int liveSessions() {
        return sessions.size();
    }

    /**
     * Stops the server: no new requests, ingestion drained, and the audit flusher let finish its current flush (an
     * interrupt during a disk force would close the audit log's file under its owner).
     */
    @Override
    public void close() {
        app.stop();
        ingest.close();
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("the audit flusher did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
