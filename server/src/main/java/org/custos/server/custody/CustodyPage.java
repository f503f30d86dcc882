package org.custos.server.custody;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.core.event.CustodyMove;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.CustodyRecord;
import org.custos.store.Role;

/**
 * CustodyPage is the status of every original in the custody ledger: who holds it now, since when, and whether it
 * is out past the close of its day, as of the latest event or ledger entry stored (the data may be historical, so
 * not the wall clock). Holders are named by pseudonym.
 */
public final class CustodyPage {

    private final Services services;

    /** Custody status over the services. */
    public CustodyPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access reviewers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/custody", reviewers, Route.Kind.PAGE,
                        "Custody status of every original in the ledger.", this::page),
                new Route(HandlerType.GET, "/api/custody", reviewers, Route.Kind.API,
                        "Custody status of every original: its last ledger record and whether it is out.",
                        this::api));
    }

    /** One original's state: its latest record and whether it is out overnight. */
    private record Status(CustodyRecord last, boolean out, boolean overdue) {
    }

    private List<Status> statuses() {
        Map<String, CustodyRecord> latest = new LinkedHashMap<>();
        for (CustodyRecord r : services.store().custodyLedger(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"))) {
            latest.put(r.serial(), r);
        }
        Instant ledgerEnd = latest.values().stream().map(CustodyRecord::when).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        for (var batch : services.store().batches()) {
            if (batch.lastEvent() != null && batch.lastEvent().isAfter(ledgerEnd)) {
                ledgerEnd = batch.lastEvent();
            }
        }
        Instant asOf = ledgerEnd;
        return latest.values().stream().map(r -> {
            boolean out = r.action() == CustodyMove.Action.CHECK_OUT || r.action() == CustodyMove.Action.TRANSFER;
            boolean overdue = out && r.when().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).isBefore(asOf);
            return new Status(r, out, overdue);
        }).sorted((a, b) -> Boolean.compare(b.overdue(), a.overdue()) != 0 ? Boolean.compare(b.overdue(), a.overdue())
                : a.last().serial().compareTo(b.last().serial())).toList();
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        services.recordList(viewer, "custody.view");
        List<Status> all = statuses();
        ctx.html(services.layout().page(viewer, "Custody", "/custody", Html.of("""
                <h1>Custody of originals</h1><p class="muted">{} originals, {} out, {} out past the close of their day \
                (as of the latest event or ledger entry stored).</p>\
                <table id="custody"><thead><tr><th>Original</th><th>Item</th><th>Last move</th><th>Holder</th><th>When</th>\
                <th>Where</th><th>Why</th><th>State</th></tr></thead><tbody>{}</tbody></table>{}""",
                all.size(), all.stream().filter(Status::out).count(), all.stream().filter(Status::overdue).count(),
                Html.each(all, s -> {
                    String holder = services.names().pseudonym(s.last().who());
                    return Html.of("<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/people/{}\">{}</a></td>"
                            + "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", s.last().serial(), s.last().item(),
                            action(s.last()), holder, holder, Format.time(s.last().when()), s.last().where(),
                            s.last().why(), s.overdue() ? Html.of("<span class=\"bad\">overdue</span>")
                                    : s.out() ? Html.of("<span class=\"warn\">out</span>")
                                    : Html.of("<span class=\"ok\">in</span>"));
                }),
                Html.when(all.isEmpty(), Html.of("<p class=\"notice\">The custody ledger is empty.</p>")))));
    }

    private static String action(CustodyRecord r) {
        return r.action().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void api(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        services.recordList(viewer, "custody.view");
        Json.ok(ctx, Map.of("originals", statuses().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serial", s.last().serial());
            m.put("item", s.last().item());
            m.put("action", action(s.last()));
            m.put("holder", services.names().pseudonym(s.last().who()));
            m.put("when", s.last().when().toString());
            m.put("where", s.last().where());
            m.put("out", s.out());
            m.put("overdue", s.overdue());
            return m;
        }).toList()));
    }
}
