package org.custos.server.ingest;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.server.web.Access;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.Role;

/**
 * IngestEndpoint is the live ingestion API: {@code POST /api/ingest} takes JSON lines in Custos' event format and
 * answers only once the accepted events are durably written ahead; under overload it answers 429 with Retry-After
 * and takes nothing.
 */
public final class IngestEndpoint {

    /** The content types accepted for JSON lines. */
    static final List<String> TYPES = List.of("application/x-ndjson", "application/jsonl", "application/json-lines");

    private final Services services;
    private final IngestService ingest;
    private final long maxBytes;

    /** The endpoint over the service; bodies may be at most {@code maxBytes} long. */
    public IngestEndpoint(Services services, IngestService ingest, long maxBytes) {
        this.services = services;
        this.ingest = ingest;
        this.maxBytes = maxBytes;
    }

    /** The routes. */
    public List<Route> routes() {
        Access admins = Access.roles(Role.ADMIN);
        return List.of(
                new Route(HandlerType.POST, "/api/ingest", admins, Route.Kind.API,
                        "Ingests events as JSON lines (Content-Type application/x-ndjson) in Custos' event format; "
                                + "answers {accepted, rejected[], rejectedCount} once the accepted events are on disk; "
                                + "429 with Retry-After when ingestion is behind (nothing taken).", this::post),
                new Route(HandlerType.GET, "/api/ingest", admins, Route.Kind.API,
                        "Live ingestion status: bytes journaled and stored, events waiting, capacity.", this::status));
    }

    private void post(Context ctx) throws IOException {
        Viewer viewer = Viewer.of(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (TYPES.stream().noneMatch(type::startsWith)) {
            throw new HttpProblem(415, "expected Content-Type application/x-ndjson (JSON lines), got "
                    + (type.isEmpty() ? "none" : type));
        }
        long length = ctx.contentLength();
        if (length > maxBytes) {
            throw new HttpProblem(413, "request body of " + length + " bytes is over the limit of " + maxBytes
                    + "; send smaller requests");
        }
        IngestService.Receipt receipt;
        try {
            receipt = ingest.ingest(new Limited(ctx.bodyInputStream(), maxBytes));
        } catch (IngestService.Overloaded e) {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
                throw new HttpProblem(429, e.getMessage());
            }
            throw new HttpProblem(413, e.getMessage());
        }
        if (receipt.accepted() == 0 && receipt.rejectedCount() == 0) {
            throw HttpProblem.badRequest("the body holds no events");
        }
        services.recordUnforced(viewer, "ingest.events", "accepted:" + receipt.accepted(),
                "rejected:" + receipt.rejectedCount());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", receipt.accepted());
        out.put("rejectedCount", receipt.rejectedCount());
        out.put("rejected", receipt.rejected());
        Json.send(ctx, receipt.accepted() == 0 ? 400 : 200, out);
    }

    private void status(Context ctx) {
        Json.ok(ctx, ingest.status());
    }

    /** An input stream that refuses to read past a limit (a 413 for the client). */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new HttpProblem(413, "request body over the limit; send smaller requests");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new HttpProblem(413, "request body over the limit; send smaller requests");
                }
            }
            return n;
        }
    }
}
