package org.custos.server.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custos.core.casefile.CaseFile;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.organization.PersonRecord;
import org.custos.core.risk.Contribution;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.AlertQuery;
import org.custos.store.CaseQuery;
import org.custos.store.CustodyRecord;
import org.custos.store.DailyScore;
import org.custos.store.Role;
import org.custos.store.StoredAlert;

/**
 * PersonPage is one person's record: their events by kind over time, their daily score, each indicator behind the
 * latest score with its events, their exposure (projects and clearance), the originals they held, their alerts and
 * cases. Every view is recorded in the access log before anything is shown. The real name is shown only to an
 * investigator working an active case on the person, and that too is recorded.
 */
public final class PersonPage {

    /** The most events read for the timeline chart. */
    static final int TIMELINE_LIMIT = 50_000;

    private final Services services;
    private final java.util.concurrent.ConcurrentHashMap<String, Weekly> weeklies =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Events per week and kind over a window, derived from the timeline and kept until the events change. */
    private record Weekly(long version, TreeMap<LocalDate, Map<EventKind, Integer>> weeks, int events) {
    }

    /** The person page over the services. */
    public PersonPage(Services services) {
        this.services = services;
    }

    /** The routes. */
    public List<Route> routes() {
        Access reviewers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/people/{pseudonym}", reviewers, Route.Kind.PAGE,
                        "One person's page (query: days, the window shown, 7-1000).", this::page),
                new Route(HandlerType.GET, "/api/people/{pseudonym}", reviewers, Route.Kind.API,
                        "One person's profile, daily scores, latest contributions with their events, alerts, cases "
                                + "and custody (query: days).", this::api));
    }

    /** Everything the page shows about one person. */
    record Profile(String pseudonym, String user, Optional<String> revealedName, Optional<PersonRecord> record,
                   List<DailyScore> scores, Optional<DailyScore> latest, Map<String, List<Event>> eventsByIndicator,
                   TreeMap<LocalDate, Map<EventKind, Integer>> weeklyEvents, int timelineEvents,
                   List<StoredAlert> alerts, List<CaseFile> cases, List<CustodyRecord> custody, LocalDate from,
                   LocalDate to) {
    }

    private Profile load(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        String pseudonym = Format.textParam(ctx.pathParam("pseudonym"), "pseudonym", 100);
        String user = services.names().user(pseudonym)
                .orElseThrow(() -> HttpProblem.notFound("nobody has the pseudonym '" + pseudonym + "'"));
        int days = Format.intParam(ctx.queryParam("days"), "days", 180, 7, 1000);
        long recorded = services.recordPending(viewer, "person.view", user);
        Optional<DailyScore> latest = services.store().latestScore(user);
        LocalDate to = latest.map(DailyScore::day).orElse(LocalDate.now(services.clock()));
        LocalDate from = to.minusDays(days - 1L);
        List<CaseFile> cases = services.store().cases(new CaseQuery(Optional.empty(), Optional.empty(),
                Optional.of(user), 100));
        Optional<String> revealed = Optional.empty();
        if (viewer.role() == Role.INVESTIGATOR && cases.stream().anyMatch(CaseFile::isActive)) {
            recorded = services.recordPending(viewer, "person.reveal", user);
            revealed = services.store().person(user).map(PersonRecord::name).filter(n -> !n.isEmpty());
        }
        List<DailyScore> scores = services.store().dailyScores(user, from, to);
        Map<String, List<Event>> byIndicator = new LinkedHashMap<>();
        if (latest.isPresent()) {
            for (Contribution c : latest.get().contributions()) {
                byIndicator.put(c.indicator(), services.store().events(user, c.eventIds()));
            }
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Weekly weekly = weekly(user, from, to, start, end);
        List<StoredAlert> alerts = services.store().alerts(new AlertQuery(Optional.of(user), Optional.empty(),
                Optional.empty(), Optional.empty(), 100));
        List<CustodyRecord> custody = services.store().custodyLedger(start, end).stream()
                .filter(r -> r.who().equals(user)).toList();
        Profile profile = new Profile(pseudonym, user, revealed, services.store().person(user), scores, latest,
                byIndicator, weekly.weeks(), weekly.events(), alerts, cases, custody, from, to);
        services.makeDurable(recorded);
        return profile;
    }

    private Weekly weekly(String user, LocalDate from, LocalDate to, Instant start, Instant end) {
        long version = services.store() instanceof org.custos.server.readcache.CachedStore c ? c.eventsVersion() : -1;
        String key = user + "|" + from + "|" + to;
        Weekly cached = weeklies.get(key);
        if (cached != null && cached.version() == version && version >= 0) {
            return cached;
        }
        List<Event> timeline = services.store().timeline(user, start, end, TIMELINE_LIMIT);
        TreeMap<LocalDate, Map<EventKind, Integer>> weeks = new TreeMap<>();
        for (LocalDate w = weekOf(from); !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, new java.util.EnumMap<>(EventKind.class));
        }
        for (Event e : timeline) {
            LocalDate week = weekOf(LocalDate.ofInstant(e.time(), ZoneOffset.UTC));
            weeks.computeIfAbsent(week, w -> new java.util.EnumMap<>(EventKind.class)).merge(e.kind(), 1, Integer::sum);
        }
        Weekly w = new Weekly(version, weeks, timeline.size());
        if (weeklies.size() > 5_000) {
            weeklies.clear();
        }
        weeklies.put(key, w);
        return w;
    }

    private static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Profile p = load(ctx);
        Html who = p.revealedName().isPresent()
                ? Html.of("{} <span class=\"muted\">({}, {}; revealed for an active case)</span>",
                        p.revealedName().get(), p.user(), p.pseudonym())
                : Html.of("{}", p.pseudonym());
        Html facts = p.record().map(r -> Html.of("""
                <dl class="facts"><dt>Role</dt><dd>{}</dd><dt>Subsidiary</dt><dd>{}</dd><dt>Unit</dt><dd>{} / {}</dd>\
                <dt>Clearance</dt><dd>{}</dd><dt>Exposure (need-to-know projects)</dt><dd id="exposure">{}</dd></dl>""",
                r.role(), r.subsidiary(), r.functionalUnit(), r.department(),
                r.clearance().isEmpty() ? "none recorded" : r.clearance(),
                r.projects().isEmpty() ? "none" : String.join(", ", r.projects())))
                .orElse(Html.of("<p class=\"notice\">Not listed in any directory snapshot.</p>"));
        Html latest = p.latest().map(s -> Html.of("""
                <p>Latest score <strong class="score" id="latest-score">{}</strong> on {} · furthest stage: {}</p>\
                <table id="contributions"><thead><tr><th>Indicator</th><th>Category</th><th class="num">Points</th>\
                <th class="num">Events</th><th>First</th><th>Last</th><th>What was seen</th></tr></thead><tbody>{}</tbody></table>""",
                Format.score(s.score()), s.day(), Format.stage(s.stage()), Html.each(s.contributions(), c -> Html.of("""
                        <tr><td><strong>{}</strong></td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td>\
                        <td>{}</td><td>{}<details><summary>{} event(s) behind it</summary><ul>{}</ul></details></td></tr>""",
                        c.indicator(), c.category(), Format.score(c.points()), c.eventCount(), Format.time(c.first()),
                        Format.time(c.last()), c.explanation(), p.eventsByIndicator().getOrDefault(c.indicator(),
                                List.of()).size(),
                        Html.each(p.eventsByIndicator().getOrDefault(c.indicator(), List.of()), e -> Html.of(
                                "<li><code>{}</code> {} — {}</li>", e.id(), Format.time(e.time()),
                                org.custos.report.EventLines.describe(e, true)))))))
                .orElse(Html.of("<p class=\"notice\">No score stored for this person.</p>"));
        Html alerts = p.alerts().isEmpty() ? Html.of("<p class=\"muted\">No alerts.</p>")
                : Html.of("<ul>{}</ul>", Html.each(p.alerts(), a -> Html.of(
                        "<li>{} · score {} · <span class=\"badge {}\">{}</span> · {}</li>", Format.time(a.alert().time()),
                        Format.score(a.alert().score()), a.state().id(), a.state().id(), a.alert().story())));
        Html cases = p.cases().isEmpty() ? Html.of("<p class=\"muted\">No cases.</p>")
                : Html.of("<ul>{}</ul>", Html.each(p.cases(), c -> Html.of(
                        "<li><a href=\"/cases/{}\">{}</a> {} · {}</li>", c.id(), c.id(), c.title(), c.status().id())));
        Html custody = p.custody().isEmpty() ? Html.of("<p class=\"muted\">No custody records in this window.</p>")
                : Html.of("<table><thead><tr><th>When</th><th>Original</th><th>Item</th><th>Action</th><th>Where</th>"
                        + "<th>Why</th></tr></thead><tbody>{}</tbody></table>", Html.each(p.custody(), r -> Html.of(
                        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        Format.time(r.when()), r.serial(), r.item(), r.action().name().toLowerCase(java.util.Locale.ROOT),
                        r.where(), r.why())));
        ctx.html(services.layout().page(viewer, p.pseudonym(), "/board", Html.of("""
                <h1 id="person-name">{}</h1>{}\
                <p class="muted">Window: {} to {} ({} events). <a href="?days=90">90 days</a> · \
                <a href="?days=180">180 days</a> · <a href="?days=365">1 year</a> · <a href="?days=1000">all</a></p>\
                <div class="grid2"><div class="chart"><canvas id="score-chart" data-chart="{}" aria-label="daily score"></canvas></div>\
                <div class="chart"><canvas id="timeline-chart" data-chart="{}" aria-label="events by kind per week"></canvas></div></div>\
                <div class="chart"><canvas id="movers-chart" data-chart="{}" aria-label="indicators that moved the score per week"></canvas></div>\
                <h2>Why this score</h2>{}<h2>Alerts</h2>{}<h2>Cases</h2>{}<h2>Custody of originals</h2>{}""",
                who, facts, p.from(), p.to(), p.timelineEvents(), scoreChart(p), timelineChart(p), moversChart(p),
                latest, alerts, cases, custody)));
    }

    private static String scoreChart(Profile p) {
        Map<LocalDate, Double> byDay = new HashMap<>();
        for (DailyScore s : p.scores()) {
            byDay.put(s.day(), s.score());
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            labels.add(d.toString());
            values.add(byDay.getOrDefault(d, 0.0));
        }
        return chart("line", "Daily risk score", labels, List.of(Map.of("label", "score", "data", values)), false,
                100);
    }

    private static String timelineChart(Profile p) {
        List<String> labels = p.weeklyEvents().keySet().stream().map(LocalDate::toString).toList();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            List<Integer> counts = p.weeklyEvents().values().stream().map(m -> m.getOrDefault(kind, 0)).toList();
            if (counts.stream().anyMatch(c -> c > 0)) {
                datasets.add(Map.of("label", kind.label(), "data", counts));
            }
        }
        return chart("bar", "Events by kind per week", labels, datasets, true, 0);
    }

    private static String moversChart(Profile p) {
        TreeMap<LocalDate, Map<String, Integer>> weekly = new TreeMap<>();
        for (LocalDate w : p.weeklyEvents().keySet()) {
            weekly.put(w, new HashMap<>());
        }
        java.util.TreeSet<String> indicators = new java.util.TreeSet<>();
        for (DailyScore s : p.scores()) {
            LocalDate w = weekOf(s.day());
            for (String m : s.movers()) {
                indicators.add(m);
                weekly.computeIfAbsent(w, x -> new HashMap<>()).merge(m, 1, Integer::sum);
            }
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (String i : indicators) {
            datasets.add(Map.of("label", i, "data", weekly.values().stream().map(m -> m.getOrDefault(i, 0)).toList()));
        }
        return chart("bar", "Days each indicator moved the score, per week",
                weekly.keySet().stream().map(LocalDate::toString).toList(), datasets, true, 0);
    }

    private static String chart(String type, String title, List<String> labels, List<? extends Map<String, ?>> datasets,
                                boolean stacked, int max) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("title", title);
        spec.put("labels", labels);
        spec.put("datasets", datasets);
        spec.put("stacked", stacked);
        if (max > 0) {
            spec.put("max", max);
        }
        try {
            return Json.MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart data: " + e.getOriginalMessage(), e);
        }
    }

    private void api(Context ctx) {
        Profile p = load(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("person", p.pseudonym());
        p.revealedName().ifPresent(n -> {
            out.put("name", n);
            out.put("user", p.user());
        });
        p.record().ifPresent(r -> {
            out.put("role", r.role());
            out.put("subsidiary", r.subsidiary());
            out.put("unit", r.subsidiary() + "/" + r.functionalUnit() + "/" + r.department());
            out.put("clearance", r.clearance());
            out.put("projects", r.projects());
        });
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("scores", p.scores().stream().map(s -> Map.of("day", s.day().toString(), "score", s.score(),
                "movers", s.movers())).toList());
        out.put("latest", p.latest().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", s.day().toString());
            m.put("score", s.score());
            m.put("stage", s.stage());
            m.put("contributions", s.contributions().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("indicator", c.indicator());
                cm.put("category", c.category());
                cm.put("points", c.points());
                cm.put("eventCount", c.eventCount());
                cm.put("first", c.first());
                cm.put("last", c.last());
                cm.put("explanation", c.explanation());
                cm.put("events", p.eventsByIndicator().getOrDefault(c.indicator(), List.of()).stream()
                        .map(e -> Map.of("id", e.id(), "time", e.time().toString(), "kind", e.kind().label(),
                                "what", org.custos.report.EventLines.describe(e, true))).toList());
                return cm;
            }).toList());
            return m;
        }).orElse(null));
        Map<String, Object> weekly = new LinkedHashMap<>();
        p.weeklyEvents().forEach((w, counts) -> {
            Map<String, Integer> c = new LinkedHashMap<>();
            counts.forEach((k, v) -> c.put(k.label(), v));
            weekly.put(w.toString(), c);
        });
        out.put("eventsPerWeek", weekly);
        out.put("alerts", p.alerts().stream().map(a -> Map.of("id", a.alert().id(), "time",
                a.alert().time().toString(), "score", a.alert().score(), "state", a.state().id())).toList());
        out.put("cases", p.cases().stream().map(c -> Map.of("id", c.id(), "title", c.title(), "status",
                c.status().id())).toList());
        out.put("custody", p.custody().stream().map(r -> Map.of("when", r.when().toString(), "serial", r.serial(),
                "item", r.item(), "action", r.action().name().toLowerCase(java.util.Locale.ROOT))).toList());
        Json.ok(ctx, out);
    }
}
