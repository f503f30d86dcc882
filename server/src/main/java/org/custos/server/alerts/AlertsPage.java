package org.custos.server.alerts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.core.casefile.CaseFile;
import org.custos.server.web.Access;
import org.custos.server.web.AlertIds;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.AlertQuery;
import org.custos.store.AlertState;
import org.custos.store.Role;
import org.custos.store.StoredAlert;

/**
 * AlertsPage is the alert queue: new alerts first, each acknowledged (taken up), dismissed with a reason, or turned
 * into a case. Every decision is recorded with who made it and when.
 */
public final class AlertsPage {

    private final Services services;

    /** An API answer for one query, kept until the alerts change. */
    private record Answer(long version, byte[] json) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Answer> answers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The alert queue over the services. */
    public AlertsPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access reviewers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/alerts", reviewers, Route.Kind.PAGE,
                        "The alert queue (query: state new|acknowledged|dismissed|all).", this::page),
                new Route(HandlerType.POST, "/alerts/{id}/acknowledge", reviewers, Route.Kind.PAGE,
                        "Acknowledges an alert; answers with its updated row.", ctx -> reviewForm(ctx,
                                AlertState.ACKNOWLEDGED)),
                new Route(HandlerType.POST, "/alerts/{id}/dismiss", reviewers, Route.Kind.PAGE,
                        "Dismisses an alert (form: reason); answers with its updated row.", ctx -> reviewForm(ctx,
                                AlertState.DISMISSED)),
                new Route(HandlerType.POST, "/alerts/{id}/case", reviewers, Route.Kind.PAGE,
                        "Opens a case from an alert and goes to it.", this::openCaseForm),
                new Route(HandlerType.GET, "/api/alerts", reviewers, Route.Kind.API,
                        "Alerts, newest first (query: state, limit).", this::apiList),
                new Route(HandlerType.POST, "/api/alerts/{id}/review", reviewers, Route.Kind.API,
                        "Reviews an alert: JSON {state: acknowledged|dismissed|new, reason}.", this::apiReview),
                new Route(HandlerType.POST, "/api/alerts/{id}/case", reviewers, Route.Kind.API,
                        "Opens a case from an alert; answers with the case.", this::apiOpenCase));
    }

    private Optional<AlertState> stateFilter(Context ctx) {
        String s = Format.textParam(ctx.queryParam("state"), "state", 20);
        if (s.isEmpty()) {
            return Optional.of(AlertState.NEW);
        }
        if (s.equals("all")) {
            return Optional.empty();
        }
        try {
            return Optional.of(AlertState.parse(s));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("state: " + e.getMessage());
        }
    }

    private StoredAlert find(Context ctx) {
        String shown = Format.textParam(ctx.pathParam("id"), "id", 120);
        return AlertIds.stored(shown, services.names()).flatMap(id -> services.store().alert(id))
                .orElseThrow(() -> HttpProblem.notFound("no alert with id '" + shown + "'"));
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<AlertState> state = stateFilter(ctx);
        int limit = Format.intParam(ctx.queryParam("limit"), "limit", 200, 1, 1000);
        services.recordList(viewer, "alerts.view");
        List<StoredAlert> alerts = services.store().alerts(new AlertQuery(Optional.empty(), state, Optional.empty(),
                Optional.empty(), limit));
        Html tabs = Html.each(List.of("new", "acknowledged", "dismissed", "all"), s -> Html.of(
                "<a href=\"/alerts?state={}\"{}>{}</a>", s,
                Html.when(s.equals(state.map(AlertState::id).orElse("all")), Html.of(" aria-current=\"page\"")), s));
        ctx.html(services.layout().page(viewer, "Alerts", "/alerts", Html.of("""
                <h1>Alert queue</h1><p class="pager">{}</p>\
                <table id="alerts"><thead><tr><th>Time</th><th>Person</th><th class="num">Score</th><th>Indicators</th>\
                <th>What changed</th><th>State</th><th>Decide</th></tr></thead><tbody>{}</tbody></table>{}""",
                tabs, Html.each(alerts, a -> row(a, viewer)),
                Html.when(alerts.isEmpty(), Html.of("<p class=\"notice\">No alerts in this state.</p>")))));
    }

    private Html row(StoredAlert a, Viewer viewer) {
        String id = AlertIds.shown(a.alert(), services.names());
        String p = services.names().pseudonym(a.alert().user());
        String domId = "alert-" + id.replaceAll("[^A-Za-z0-9]", "-");
        Html state = Html.of("<span class=\"badge {}\">{}</span>{}", a.state().id(), a.state().id(),
                a.reviewedBy().isPresent() ? Html.of("<br><span class=\"muted\">by {} {}{}</span>",
                        a.reviewedBy().get(), a.reviewedAt().map(Format::time).orElse(""),
                        a.reason().isEmpty() ? "" : ": " + a.reason()) : Html.empty());
        Html actions = Html.of("""
                <form class="inline" method="post" action="/alerts/{}/acknowledge" hx-post="/alerts/{}/acknowledge" \
                hx-target="#{}" hx-swap="outerHTML"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit" class="acknowledge">Acknowledge</button></form> \
                <form class="inline" method="post" action="/alerts/{}/dismiss" hx-post="/alerts/{}/dismiss" \
                hx-target="#{}" hx-swap="outerHTML"><input type="hidden" name="_csrf" value="{}">\
                <input name="reason" placeholder="reason" required maxlength="500" aria-label="reason for dismissal">\
                <button type="submit" class="dismiss">Dismiss</button></form> \
                <form class="inline" method="post" action="/alerts/{}/case"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit" class="open-case">Open case</button></form>""",
                id, id, domId, viewer.session().csrfToken(), id, id, domId, viewer.session().csrfToken(), id,
                viewer.session().csrfToken());
        return Html.of("""
                <tr id="{}"><td>{}</td><td><a href="/people/{}">{}</a></td><td class="num score">{}</td><td>{}</td>\
                <td>{}</td><td>{}</td><td>{}</td></tr>""", domId, Format.time(a.alert().time()), p, p,
                Format.score(a.alert().score()), String.join(", ", a.alert().indicators()), a.alert().story(), state,
                actions);
    }

    /**
     * Records the decision in the audit log, then stores it; a decision the alert already carries (same state, same
     * reviewer, same reason: a repeated click or a retried request) is recorded but changes nothing in the store.
     */
    private StoredAlert review(Context ctx, AlertState state, String reason) {
        Viewer viewer = Viewer.of(ctx);
        StoredAlert a = find(ctx);
        if (state == AlertState.DISMISSED && (reason == null || reason.isBlank())) {
            throw HttpProblem.badRequest("reason: a dismissal needs a reason");
        }
        if (reason != null && reason.length() > 500) {
            throw HttpProblem.badRequest("reason: at most 500 characters");
        }
        String why = reason == null ? "" : reason.trim();
        services.record(viewer, "alert." + state.id(), a.alert().user(),
                AlertIds.shown(a.alert(), services.names()));
        if (a.state() == state && a.reviewedBy().equals(Optional.of(viewer.account())) && a.reason().equals(why)) {
            return a;
        }
        return services.store().reviewAlert(a.alert().id(), state, viewer.account(), services.clock().instant(),
                why);
    }

    private void reviewForm(Context ctx, AlertState state) {
        StoredAlert updated = review(ctx, state, ctx.formParam("reason"));
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html(row(updated, Viewer.of(ctx)).toString());
        } else {
            ctx.redirect("/alerts", HttpStatus.SEE_OTHER);
        }
    }

    private CaseFile openCase(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        StoredAlert a = find(ctx);
        String shown = AlertIds.shown(a.alert(), services.names());
        services.record(viewer, "case.open", a.alert().user(), shown);
        CaseFile c = services.store().openCase("Alert " + shown + ": " + String.join(", ",
                        a.alert().indicators().stream().limit(3).toList()), List.of(a.alert().user()),
                viewer.account(), services.clock().instant(), Optional.of(a.alert().id()));
        if (a.state() == AlertState.NEW) {
            services.store().reviewAlert(a.alert().id(), AlertState.ACKNOWLEDGED, viewer.account(),
                    services.clock().instant(), "case " + c.id());
        }
        return c;
    }

    private void openCaseForm(Context ctx) {
        CaseFile c = openCase(ctx);
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> json(StoredAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", AlertIds.shown(a.alert(), services.names()));
        m.put("person", services.names().pseudonym(a.alert().user()));
        m.put("time", a.alert().time().toString());
        m.put("score", a.alert().score());
        m.put("indicators", a.alert().indicators());
        m.put("story", a.alert().story());
        m.put("state", a.state().id());
        m.put("reviewedBy", a.reviewedBy().orElse(null));
        m.put("reviewedAt", a.reviewedAt().map(Object::toString).orElse(null));
        m.put("reason", a.reason());
        return m;
    }

    private void apiList(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<AlertState> state = ctx.queryParam("state") == null ? Optional.empty() : stateFilter(ctx);
        int limit = Format.intParam(ctx.queryParam("limit"), "limit", 200, 1, 1000);
        services.recordList(viewer, "alerts.view");
        long version = services.store() instanceof org.custos.server.readcache.CachedStore c ? c.alertsVersion() : -1;
        String key = state.map(AlertState::id).orElse("all") + "|" + limit;
        Answer hit = answers.get(key);
        byte[] json;
        if (hit != null && hit.version() == version && version >= 0) {
            json = hit.json();
        } else {
            try {
                json = Json.MAPPER.writeValueAsBytes(Map.of("alerts", services.store().alerts(new AlertQuery(
                        Optional.empty(), state, Optional.empty(), Optional.empty(), limit)).stream().map(this::json)
                        .toList()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the alerts: " + e.getOriginalMessage(), e);
            }
            if (answers.size() > 100) {
                answers.clear();
            }
            answers.put(key, new Answer(version, json));
        }
        ctx.status(200).contentType("application/json").result(json);
    }

    private void apiReview(Context ctx) {
        var body = Json.object(ctx);
        AlertState state;
        try {
            state = AlertState.parse(Json.text(body, "state"));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("state: " + e.getMessage());
        }
        Json.ok(ctx, json(review(ctx, state, Json.optionalText(body, "reason"))));
    }

    private void apiOpenCase(Context ctx) {
        CaseFile c = openCase(ctx);
        Json.send(ctx, 201, Map.of("id", c.id(), "title", c.title(), "status", c.status().id()));
    }
}
